// Which targets a trend chart draws: those on the chart's measure for the group the filter shows (all teams,
// or the one team asked for). A platform filter (on/off) is a different group, so no target line. Pure.
import type { TargetMetric } from "./constants";

type Drawable = { metric: TargetMetric; metricKey: string; teamId: string | null; goal: number; due: string };

export function targetsForChart<T extends Drawable>(
  targets: readonly T[],
  chart: { metric: TargetMetric; team?: string; adoption?: string },
): T[] {
  if (chart.adoption) return [];
  return targets.filter((t) => t.metric === chart.metric && t.teamId === (chart.team ?? null));
}
