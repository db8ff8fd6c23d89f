// A measure quarter by quarter, as targets and action plans read it. Pure: lib/targets/queries/measures.ts
// fills a series from the analytics queries (which decide what is hidden), and this module only picks
// quarters from it, so a value hidden there can never be shown here.
import type { HiddenReason } from "@/lib/analytics/suppression";
import { readTarget, type Measurement, type TargetInput, type TargetReading } from "./status";

export type SeriesPoint =
  | { period: string; hidden: true; reason: HiddenReason }
  | { period: string; hidden: false; value: number; low: number | null; high: number | null };

/** Quarters that have closed (a collecting quarter has no figure yet, only progress). */
const closed = (series: readonly SeriesPoint[]) =>
  [...series].filter((p) => !(p.hidden && p.reason === "collecting")).sort((a, b) => a.period.localeCompare(b.period));

const asMeasurement = (p: SeriesPoint): Measurement | null =>
  p.hidden ? null : { period: p.period, value: p.value, low: p.low, high: p.high };

/** The baseline a new target takes: the latest closed quarter's value, or null when it is hidden or missing. */
export function baselineOf(series: readonly SeriesPoint[]): Measurement | null {
  const last = closed(series).at(-1);
  return last ? asMeasurement(last) : null;
}

export type TargetView = {
  /** The latest closed quarter, or null when there is none yet. */
  current: Measurement | null;
  /** The baseline as set, or null when its quarter is hidden now (or there was none). */
  baseline: { period: string; value: number } | null;
  /** The latest closed quarter is hidden (a group under k): nothing about the figure is shown. */
  hidden: boolean;
  reading: TargetReading;
};

const HIDDEN_READING: TargetReading = {
  status: "no_data",
  withinNoise: false,
  progress: 0,
  elapsed: 0,
  summary: "Hidden: the latest closed quarter has too few responses to show this figure.",
};

const NO_BASELINE_READING: TargetReading = {
  ...HIDDEN_READING,
  summary: "No baseline: no closed quarter showed this figure when the target was set.",
};

/**
 * A target read against its series. When the latest closed quarter is hidden, the reading says only
 * that: a status (achieved, off track…) would tell which side of the goal the hidden value lies.
 */
export function viewTarget(
  target: Omit<TargetInput, "baseline"> & { baseline: { period: string; value: number } | null },
  series: readonly SeriesPoint[],
): TargetView {
  const points = closed(series);
  const last = points.at(-1) ?? null;
  if (last?.hidden) return { current: null, baseline: null, hidden: true, reading: HIDDEN_READING };
  const baselinePoint = target.baseline ? points.find((p) => p.period === target.baseline!.period) : undefined;
  const baseline = target.baseline && baselinePoint && !baselinePoint.hidden ? target.baseline : null;
  const current = last ? asMeasurement(last) : null;
  if (!baseline) return { current, baseline: null, hidden: false, reading: NO_BASELINE_READING };
  return { current, baseline, hidden: false, reading: readTarget({ ...target, baseline }, current) };
}

export type BeforeAfter = {
  /** The latest closed quarter before the target quarter. */
  before: Measurement | null;
  /** The first closed quarter after the target quarter; null until one has closed. */
  after: Measurement | null;
  /** Before and after are both shown and the before value lies inside the after interval. */
  withinNoise: boolean;
  /** after − before, when both are shown. */
  change: number | null;
  /** Either side is a quarter hidden for anonymity. */
  hidden: boolean;
};

/** An action plan's measure before its target quarter and after it (the work's effect shows next quarter). */
export function beforeAfterOf(series: readonly SeriesPoint[], targetQuarter: string): BeforeAfter {
  const points = closed(series);
  const beforePoint = points.filter((p) => p.period < targetQuarter).at(-1) ?? null;
  const afterPoint = points.find((p) => p.period > targetQuarter) ?? null;
  const before = beforePoint ? asMeasurement(beforePoint) : null;
  const after = afterPoint ? asMeasurement(afterPoint) : null;
  const withinNoise =
    !!before &&
    !!after &&
    after.low !== null &&
    after.high !== null &&
    before.value >= after.low &&
    before.value <= after.high;
  return {
    before,
    after,
    withinNoise,
    change: before && after ? after.value - before.value : null,
    hidden: !!beforePoint?.hidden || !!afterPoint?.hidden,
  };
}
