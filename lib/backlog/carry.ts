// Carrying curation into a new scope: when a scope is analysed and a theme is new to it, the PM may
// already have named, triaged or merged the same theme in another scope (the "All quarters" backlog
// before a new quarter widened it, say). This decides which earlier theme each new one continues.
// Pure: queries/build.ts reads the source scope's items and writes the plan; the rule is tested here.
//
// The rule, in order:
// 1. A new theme traced to fewer than k people starts uncurated: a carried name would tell a viewer
//    which earlier theme its few answers came from.
// 2. Shared answers first (matchThemes: best Jaccard first, one to one). A theme split in two carries
//    into the part that kept the most answers; the other part starts fresh. Two themes that now form
//    one carry the closer of the two.
// 3. Terms otherwise, and only for earlier themes none of whose answers are in the new scope (a disjoint
//    quarter): where answers are present they are the evidence, and they said no.
// 4. Merges follow: a new theme continuing a theme that was merged into another is merged into that
//    other one's continuation; if the target found no continuation, the first such theme carries the
//    target's curation instead.
// 5. An editor can undo a wrong carry; the earlier theme is then never carried into that scope again.
// A carried theme's sub-themes take the PM's names of the earlier theme's sub-themes they continue, by
// shared answers, under rule 1's k (queries/sub-themes.ts carrySubThemeNames).
import { matchThemes } from "./match-themes";

export type CarrySourceItem = {
  id: string;
  /** The item's own answers (not folded onto a merge target). */
  memberIds: readonly string[];
  terms: readonly string[];
  mergedIntoId: string | null;
  /** Anything a PM set on it (reconcile.ts isCurated); uncurated groups have nothing to carry. */
  curated: boolean;
};

export type CarryFreshTheme = {
  id: string;
  memberIds: readonly string[];
  terms: readonly string[];
  /** Distinct respondents behind the theme. */
  respondents: number;
};

export type CarryVia = "answers" | "terms";

export type Carry = {
  freshId: string;
  /** The earlier item whose curated fields the new theme takes. */
  fromItemId: string;
  via: CarryVia;
  /** Set when the new theme is merged into another new theme, as its earlier self was. */
  mergeIntoFreshId: string | null;
};

export type CarryPlan = {
  carries: Carry[];
  /** Curated earlier themes (merge targets) that no new theme continues. */
  notCarried: string[];
};

/** Term sets this similar (Jaccard, with at least this many terms shared) are the same theme. */
export const TERM_MATCH = { minJaccard: 0.3, minShared: 2 };

export function termSimilarity(a: readonly string[], b: readonly string[]): { shared: number; jaccard: number } {
  const setA = new Set(a);
  const setB = new Set(b);
  const shared = [...setA].filter((t) => setB.has(t)).length;
  const union = setA.size + setB.size - shared;
  return { shared, jaccard: union ? shared / union : 0 };
}

export function planCarry(input: {
  sources: readonly CarrySourceItem[];
  fresh: readonly CarryFreshTheme[];
  /** Every answer id of the new scope, to tell "answers present but elsewhere" from "answers absent". */
  scopeSourceIds: ReadonlySet<string>;
  k: number;
  /** Earlier items whose carry into this scope an editor undid: never carried here again. */
  declined?: ReadonlySet<string>;
}): CarryPlan {
  const { sources, scopeSourceIds, k } = input;
  const declined = input.declined ?? new Set<string>();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const groupOf = (s: CarrySourceItem) => (s.mergedIntoId && byId.has(s.mergedIntoId) ? s.mergedIntoId : s.id);
  const hasMergedChildren = new Set(sources.filter((s) => groupOf(s) !== s.id).map(groupOf));
  // A group is worth carrying when its target was curated or something was merged into it.
  const carriable = (s: CarrySourceItem) => {
    const target = byId.get(groupOf(s))!;
    return target.curated || hasMergedChildren.has(target.id);
  };
  const eligible = input.fresh.filter((t) => t.respondents >= k);
  const candidates = sources.filter((s) => carriable(s) && !declined.has(s.id) && !declined.has(groupOf(s)));

  // 2. Shared answers.
  const matched = new Map<string, { freshId: string; via: CarryVia }>(); // source item id → new theme
  for (const m of matchThemes(candidates, eligible)) matched.set(m.previousId, { freshId: m.nextId, via: "answers" });

  // 3. Terms, for earlier themes whose answers are all outside the new scope.
  const usedFresh = new Set([...matched.values()].map((m) => m.freshId));
  const absent = candidates.filter((s) => !matched.has(s.id) && !s.memberIds.some((id) => scopeSourceIds.has(id)));
  const termPairs = absent
    .flatMap((s) =>
      eligible
        .filter((t) => !usedFresh.has(t.id))
        .map((t) => ({ s, t, ...termSimilarity(s.terms, t.terms) }))
        .filter((p) => p.shared >= TERM_MATCH.minShared && p.jaccard >= TERM_MATCH.minJaccard),
    )
    .sort((a, b) => b.jaccard - a.jaccard || b.shared - a.shared || cmp(a.s.id, b.s.id) || cmp(a.t.id, b.t.id));
  for (const p of termPairs) {
    if (matched.has(p.s.id) || usedFresh.has(p.t.id)) continue;
    matched.set(p.s.id, { freshId: p.t.id, via: "terms" });
    usedFresh.add(p.t.id);
  }

  // 4. Fold onto merge groups. Targets first, so a child knows where its target landed.
  const carries: Carry[] = [];
  const groupCarrier = new Map<string, string>(); // group target id → new theme carrying it
  const ordered = [...matched].sort(
    ([a], [b]) => Number(groupOf(byId.get(a)!) !== a) - Number(groupOf(byId.get(b)!) !== b) || cmp(a, b),
  );
  for (const [sourceId, { freshId, via }] of ordered) {
    const group = groupOf(byId.get(sourceId)!);
    const carrier = groupCarrier.get(group);
    if (carrier === undefined) {
      groupCarrier.set(group, freshId);
      carries.push({ freshId, fromItemId: group, via, mergeIntoFreshId: null });
    } else {
      carries.push({ freshId, fromItemId: sourceId, via, mergeIntoFreshId: carrier });
    }
  }
  const notCarried = [...new Set(candidates.map(groupOf))].filter((g) => !groupCarrier.has(g)).sort();
  return { carries, notCarried };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type CarrySourceCandidate = {
  scope: string;
  /** "answers" scopes (a survey or quarters) and the friction log never carry into one another. */
  family: "answers" | "friction" | "notes";
  /** Answers of the new scope found in the candidate's curated themes. */
  sharedAnswers: number;
  /** When the candidate was last analysed (ISO). */
  ranAt: string;
};

/**
 * The scope to carry from: of the scopes with curated themes, the one sharing most answers with the
 * new scope; when none shares any (a quarter nobody analysed yet), the one analysed last, matched by
 * terms. Never another family: friction entries and survey answers describe different things.
 */
export function chooseCarrySource(
  candidates: readonly CarrySourceCandidate[],
  target: { scope: string; family: CarrySourceCandidate["family"] },
): CarrySourceCandidate | null {
  const same = candidates.filter((c) => c.family === target.family && c.scope !== target.scope);
  const sorted = [...same].sort(
    (a, b) => b.sharedAnswers - a.sharedAnswers || cmp(b.ranAt, a.ranAt) || cmp(a.scope, b.scope),
  );
  return sorted[0] ?? null;
}
