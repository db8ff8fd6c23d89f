// Re-clustering produces fresh themes with fresh ids; the PM's curation lives on backlog items. This
// decides which new theme continues which earlier item, by how many answers they share.

export interface ThemeMembers {
  id: string;
  memberIds: readonly string[];
}

export interface MatchOptions {
  /** Jaccard overlap that is enough on its own. */
  minJaccard?: number;
  /** Share of the earlier item's answers found in the new theme that is also enough (the theme grew). */
  minContainment?: number;
  /** Never match on fewer shared answers than this (unless the earlier item was that small). */
  minShared?: number;
}

export interface ThemeMatch {
  previousId: string;
  nextId: string;
  shared: number;
  jaccard: number;
}

/**
 * Greedy one-to-one matching, best Jaccard first: each earlier item continues at most one new theme
 * and vice versa. A pair qualifies when its Jaccard overlap is at least `minJaccard`, or when most of
 * the earlier item's answers (`minContainment`) are in the new theme. Ties break by id, so the result
 * does not depend on input order.
 */
export function matchThemes(
  previous: readonly ThemeMembers[],
  next: readonly ThemeMembers[],
  options: MatchOptions = {},
): ThemeMatch[] {
  const minJaccard = options.minJaccard ?? 0.2;
  const minContainment = options.minContainment ?? 0.5;
  const minShared = options.minShared ?? 2;

  const owner = new Map<string, number>();
  next.forEach((theme, index) => theme.memberIds.forEach((member) => owner.set(member, index)));

  const candidates: (ThemeMatch & { containment: number })[] = [];
  for (const prev of previous) {
    const prevSet = new Set(prev.memberIds);
    if (prevSet.size === 0) continue;
    const sharedByNext = new Map<number, number>();
    for (const member of prevSet) {
      const index = owner.get(member);
      if (index !== undefined) sharedByNext.set(index, (sharedByNext.get(index) ?? 0) + 1);
    }
    for (const [index, shared] of sharedByNext) {
      const nextSize = new Set(next[index].memberIds).size;
      const jaccard = shared / (prevSet.size + nextSize - shared);
      const containment = shared / prevSet.size;
      if (shared < Math.min(minShared, prevSet.size)) continue;
      if (jaccard < minJaccard && containment < minContainment) continue;
      candidates.push({ previousId: prev.id, nextId: next[index].id, shared, jaccard, containment });
    }
  }
  candidates.sort(
    (a, b) =>
      b.jaccard - a.jaccard ||
      b.shared - a.shared ||
      (a.previousId < b.previousId ? -1 : a.previousId > b.previousId ? 1 : 0) ||
      (a.nextId < b.nextId ? -1 : a.nextId > b.nextId ? 1 : 0),
  );

  const usedPrevious = new Set<string>();
  const usedNext = new Set<string>();
  const matches: ThemeMatch[] = [];
  for (const c of candidates) {
    if (usedPrevious.has(c.previousId) || usedNext.has(c.nextId)) continue;
    usedPrevious.add(c.previousId);
    usedNext.add(c.nextId);
    matches.push({ previousId: c.previousId, nextId: c.nextId, shared: c.shared, jaccard: c.jaccard });
  }
  return matches;
}
