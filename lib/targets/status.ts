// Whether a target is on track. A target is read against its own history: where it started (the
// baseline, measured when it was set), where it must be by the due quarter, and where the latest
// closed quarter puts it — with that quarter's 95% interval, because a survey estimate moves by
// sampling noise alone. A change the interval cannot tell from no change is not progress yet.

import { quartersBetween } from "@/lib/period";

export const TARGET_STATUSES = ["achieved", "on_track", "at_risk", "off_track", "no_data"] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const targetStatusLabels: Record<TargetStatus, string> = {
  achieved: "Achieved",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  no_data: "No data yet",
};

export type Direction = "higher" | "lower";

export type TargetInput = {
  /** Better is higher (NPS, scores, DORA frequency) or lower (timings, lead time). */
  direction: Direction;
  goal: number;
  baseline: { period: string; value: number };
  due: string;
};

/** The latest closed quarter's estimate; `low`/`high` null when the measure has no interval. */
export type Measurement = { period: string; value: number; low: number | null; high: number | null };

export type TargetReading = {
  status: TargetStatus;
  /** The change since the baseline is inside the current interval: not yet distinguishable from noise. */
  withinNoise: boolean;
  /** Share of the baseline→goal gap closed (0..1+), counting a change within noise as none. */
  progress: number;
  /** Share of the time from baseline to due quarter that has passed (0..1). */
  elapsed: number;
  /** One sentence a leader can read beside the chart. */
  summary: string;
};

/** How far behind the straight line from baseline to goal a target may be and still be "at risk". */
const AT_RISK_SLACK = 0.25;

/** Scores (1–5) need two decimals to show a change; NPS, minutes and rates read as whole numbers. */
const fmt = (v: number) =>
  (Number.isInteger(v) ? String(v) : Math.abs(v) >= 10 ? String(Math.round(v)) : v.toFixed(2)).replace("-", "−");

export function readTarget(target: TargetInput, current: Measurement | null): TargetReading {
  const better = (a: number, b: number) => (target.direction === "higher" ? a >= b : a <= b);
  const span = Math.max(1, quartersBetween(target.baseline.period, target.due));
  if (!current) {
    return {
      status: "no_data",
      withinNoise: false,
      progress: 0,
      elapsed: 0,
      summary: "No closed quarter to read yet.",
    };
  }
  const elapsed = Math.min(1, Math.max(0, quartersBetween(target.baseline.period, current.period) / span));
  const hasInterval = current.low !== null && current.high !== null;
  const withinNoise =
    current.period !== target.baseline.period &&
    hasInterval &&
    target.baseline.value >= current.low! &&
    target.baseline.value <= current.high!;
  const gap = target.goal - target.baseline.value;
  const closed = gap === 0 ? 1 : (current.value - target.baseline.value) / gap;
  const progress = withinNoise ? 0 : Math.max(0, closed);

  // Achieved only when the whole interval is past the goal; a point estimate past it may be luck.
  const worstCase = !hasInterval ? current.value : target.direction === "higher" ? current.low! : current.high!;
  if (better(worstCase, target.goal)) {
    return {
      status: "achieved",
      withinNoise,
      progress,
      elapsed,
      summary: `${fmt(current.value)} in ${current.period}: goal ${fmt(target.goal)} reached.`,
    };
  }
  const pastDue = quartersBetween(target.due, current.period) >= 0;
  let status: TargetStatus;
  if (better(current.value, target.goal)) status = pastDue ? "at_risk" : "on_track";
  else if (pastDue) status = "off_track";
  else if (progress >= elapsed) status = "on_track";
  else if (progress >= elapsed - AT_RISK_SLACK) status = "at_risk";
  else status = "off_track";

  const noise = withinNoise
    ? ` The change since ${target.baseline.period} (${fmt(target.baseline.value)}) is within noise, so it does not count as progress yet.`
    : "";
  const where =
    current.period === target.baseline.period
      ? `the baseline; goal ${fmt(target.goal)} by ${target.due}`
      : better(current.value, target.goal)
        ? `at the goal of ${fmt(target.goal)} but not clear of noise`
        : `${Math.round(progress * 100)}% of the way from ${fmt(target.baseline.value)} to ${fmt(target.goal)} with ${Math.round(elapsed * 100)}% of the time to ${target.due} gone`;
  return {
    status,
    withinNoise,
    progress,
    elapsed,
    summary: `${fmt(current.value)} in ${current.period}: ${where}.${noise}`,
  };
}
