// The roadmap: planned backlog items grouped by their target quarter. Pure.
import { BACKLOG_STATUSES, type BacklogStatus } from "@/lib/backlog/constants";

export type RoadmapEntry = { id: string; label: string; status: BacklogStatus; targetQuarter: string };
export type RoadmapQuarter<T extends RoadmapEntry> = {
  period: string;
  /** The quarter has passed (before the current one): its items can show their measure after. */
  past: boolean;
  items: T[];
};

/** Quarters in order, each with its items by status (new → done, won't do last) then label. */
export function groupRoadmap<T extends RoadmapEntry>(items: readonly T[], currentQuarter: string): RoadmapQuarter<T>[] {
  const byQuarter = new Map<string, T[]>();
  for (const item of items) {
    const list = byQuarter.get(item.targetQuarter) ?? [];
    list.push(item);
    byQuarter.set(item.targetQuarter, list);
  }
  const order = (s: BacklogStatus) => BACKLOG_STATUSES.indexOf(s);
  return [...byQuarter.keys()].sort().map((period) => ({
    period,
    past: period < currentQuarter,
    items: byQuarter.get(period)!.sort((a, b) => order(a.status) - order(b.status) || a.label.localeCompare(b.label)),
  }));
}
