// Reconciliation: how a fresh clustering of a scope's answers lands on the items a PM has curated.
// Pure: queries/build.ts reads the items and their members, calls planReconciliation and writes the plan.
import type { BacklogItem } from "@/lib/db/schema";
import { matchThemes } from "./match-themes";

export type ExistingItem = Pick<
  BacklogItem,
  "id" | "mergedIntoId" | "customLabel" | "effort" | "status" | "owner" | "notes"
> & {
  hasMergedChildren: boolean;
  hasJourneyLinks: boolean;
};

/** One answer (or friction entry) placed in an item before this run. */
export type ExistingMember = { itemId: string; sourceId: string; pinned: number; publicId: string };

export type FreshTheme = { label: string; terms: string[]; memberIds: string[]; representativeIds: string[] };

/** Anything a PM did to an item: such items are kept even when no current answer mentions them. */
export function isCurated(item: ExistingItem, pinnedCount: number): boolean {
  return (
    item.customLabel !== null ||
    item.effort !== null ||
    item.status !== "new" ||
    item.owner !== "" ||
    item.notes !== "" ||
    item.mergedIntoId !== null ||
    item.hasMergedChildren ||
    item.hasJourneyLinks ||
    pinnedCount > 0
  );
}

export type ReconciliationPlan<T extends FreshTheme = FreshTheme> = {
  /** The fresh themes that still have answers once pinned ones are taken out, each with the item it continues (or null: a new item). */
  themes: { theme: T; memberIds: string[]; continues: string | null }[];
  /** Earlier items that continue a fresh theme. */
  matched: number;
  /** Earlier items left without answers and never curated: deleted. */
  removable: string[];
  /** Earlier items that stay (continued, or kept for their curation). */
  kept: string[];
  /** A quote keeps its public id across re-analysis, so an editor's selection stays valid. */
  publicIds: Map<string, string>;
};

/**
 * A fresh theme that overlaps an earlier item continues it (matchThemes); pinned answers stay where the
 * PM put them and leave the fresh themes; earlier items that continue nothing are removed unless curated.
 */
export function planReconciliation<T extends FreshTheme>(
  existing: readonly ExistingItem[],
  members: readonly ExistingMember[],
  fresh: readonly T[],
): ReconciliationPlan<T> {
  const pinned = new Set(members.filter((m) => m.pinned).map((m) => m.sourceId));
  const publicIds = new Map(members.map((m) => [m.sourceId, m.publicId]));
  const pinnedCount = new Map<string, number>();
  const previous = new Map<string, string[]>(existing.map((item) => [item.id, []]));
  for (const m of members) {
    if (m.pinned) pinnedCount.set(m.itemId, (pinnedCount.get(m.itemId) ?? 0) + 1);
    else previous.get(m.itemId)?.push(m.sourceId);
  }
  // A PM's manual placement beats the clustering: pinned answers leave the fresh themes.
  const next = fresh
    .map((theme) => ({ theme, memberIds: theme.memberIds.filter((id) => !pinned.has(id)) }))
    .filter((t) => t.memberIds.length > 0);
  const matches = matchThemes(
    [...previous].map(([id, memberIds]) => ({ id, memberIds })),
    next.map((t, index) => ({ id: String(index), memberIds: t.memberIds })),
  );
  const itemForTheme = new Map(matches.map((m) => [Number(m.nextId), m.previousId]));
  const matchedItems = new Set(matches.map((m) => m.previousId));
  const removable = existing
    .filter((item) => !matchedItems.has(item.id) && !isCurated(item, pinnedCount.get(item.id) ?? 0))
    .map((item) => item.id);
  const removed = new Set(removable);
  return {
    themes: next.map((t, index) => ({ ...t, continues: itemForTheme.get(index) ?? null })),
    matched: matches.length,
    removable,
    kept: existing.filter((item) => !removed.has(item.id)).map((item) => item.id),
    publicIds,
  };
}
