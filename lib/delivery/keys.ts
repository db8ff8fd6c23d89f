// The four keys of one team and quarter from its aggregates (computed in SQL, ./queries/keys.ts):
// rates and bands only. Pure.
import { classifyDora } from "@/lib/analytics/dora";
import { nextPeriod, periodStart } from "@/lib/period";
import type { DoraBand } from "@/lib/surveys/templates";
import { changeFailureRateBand, deploymentFrequencyBand, leadTimeBand, timeToRestoreBand } from "./bands";

export type KeyAggregates = {
  period: string;
  deployments: number;
  failedDeployments: number;
  changes: number;
  leadTimeSeconds: number | null;
  incidents: number;
  restoredIncidents: number;
  restoreSeconds: number | null;
};

export type DeliveryKeys = KeyAggregates & {
  /** Days the rate is over: the whole quarter, or the days so far of the current one. */
  days: number;
  deploysPerDay: number;
  deploysPerWeek: number;
  changeFailureRate: number | null;
  bands: {
    deploymentFrequency: DoraBand;
    leadTime: DoraBand | null;
    changeFailureRate: DoraBand | null;
    timeToRestore: DoraBand | null;
  };
  /** The median of the four bands, as the survey's overall band (lib/analytics/dora.ts). */
  overall: DoraBand | null;
};

const DAY_MS = 86_400_000;

/** Days of a quarter observed by `now`: all of a past quarter, the elapsed part (at least one day) of the current one. */
export function observedDays(period: string, now: Date): number {
  const start = periodStart(period).getTime();
  const end = Math.min(periodStart(nextPeriod(period)).getTime(), Math.max(now.getTime(), start + DAY_MS));
  return Math.max(1, Math.round((end - start) / DAY_MS));
}

export function computeDeliveryKeys(row: KeyAggregates, now: Date): DeliveryKeys {
  const days = observedDays(row.period, now);
  const deploysPerDay = row.deployments / days;
  const changeFailureRate = row.deployments ? row.failedDeployments / row.deployments : null;
  const bands = {
    deploymentFrequency: deploymentFrequencyBand(deploysPerDay),
    leadTime: row.leadTimeSeconds === null ? null : leadTimeBand(row.leadTimeSeconds),
    changeFailureRate: changeFailureRate === null ? null : changeFailureRateBand(changeFailureRate),
    timeToRestore: row.restoreSeconds === null ? null : timeToRestoreBand(row.restoreSeconds),
  };
  return {
    ...row,
    days,
    deploysPerDay,
    deploysPerWeek: deploysPerDay * 7,
    changeFailureRate,
    bands,
    overall: classifyDora(Object.values(bands)),
  };
}
