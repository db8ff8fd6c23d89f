// Baseline workflow timings: each workflow is timed up to three times per quarter and the median
// is compared with its target.
import { nextPeriod, periodOfDate } from "@/lib/period";

export type TimingStatus = "met" | "close" | "missed";

/** A median within this share over target counts as "close": one good week away from met. */
export const CLOSE_TO_TARGET_SHARE = 0.25;

export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export type TimingAssessment = {
  median: number | null;
  /** median − target in minutes; negative when faster than target. */
  gapMinutes: number | null;
  /** median ÷ target; 1 means exactly on target. */
  ratio: number | null;
  status: TimingStatus | null;
};

/** met: median ≤ target · close: at most 25% over · missed: further over. Null without measurements. */
export function assessTiming(measurements: readonly number[], targetMinutes: number): TimingAssessment {
  const median = medianOf(measurements);
  if (median === null) return { median: null, gapMinutes: null, ratio: null, status: null };
  const gapMinutes = Math.round((median - targetMinutes) * 100) / 100;
  const ratio = targetMinutes > 0 ? median / targetMinutes : null;
  let status: TimingStatus;
  if (median <= targetMinutes) status = "met";
  else if (median <= targetMinutes * (1 + CLOSE_TO_TARGET_SHARE)) status = "close";
  else status = "missed";
  return { median, gapMinutes, ratio, status };
}

/** Periods to offer in the selector: those with data plus the current and next quarter, newest first. */
export function timingPeriodOptions(withData: readonly string[], today: Date): string[] {
  const current = periodOfDate(today);
  return [...new Set([...withData, current, nextPeriod(current)])].sort().reverse();
}
