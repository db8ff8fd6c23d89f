// The anonymity model: what may be published about one survey's respondents.
//
// A survey's respondents fall into cells, one per team (plus one for answers without a team). Every
// group a person can ask for is a union of cells: the total, the on-platform and off-platform groups,
// each team, and a team within an adoption group (that team or nothing). Any additive figure (counts,
// NPS buckets, sums of scores, comment lists) of a group is the sum over its cells, so what can be
// derived by subtracting views is exactly what the linear span of the published groups' cell
// indicator vectors determines. decidePublication chooses, once per survey, which groups are
// published so that no hidden cell — nor any combination of hidden cells fewer than k people strong —
// is determined by the published ones: primary suppression hides cells under k, secondary
// (complementary) suppression hides more cells, or withdraws an adoption group, until every part a
// reader can isolate by subtraction holds 0 or at least k respondents. Every view answers from that
// one decision, so filters, charts, tables, comments and exports can be combined freely.

export type Adoption = "on" | "off" | "none";
/** `id` is the team id, or "" for responses that came in without a team. `n` counts respondents. */
export type Cell = { id: string; n: number; adoption: Adoption };

/**
 * Why a group is withheld.
 * - below_threshold: fewer than k people.
 * - complement: k or more people, but publishing it would let a smaller group be worked out by subtraction.
 * - collecting: the survey is still open; results are published once, when it closes.
 */
export type HiddenReason = "below_threshold" | "complement" | "collecting";
export type Verdict = { shown: true } | { shown: false; reason: HiddenReason };
export type AdoptionGroup = "on" | "off";

export type Publication = {
  k: number;
  total: Verdict;
  adoption: Record<AdoptionGroup, Verdict>;
  /** One verdict per cell with respondents. */
  cells: Map<string, Verdict>;
};

/** What a viewer asks for: everyone, one team, one adoption group, or a team within an adoption group. */
export type GroupRequest = { team?: string | null; adoption?: AdoptionGroup | null };
export type ResolvedGroup =
  | { kind: "shown"; cellIds: string[]; n: number }
  | { kind: "hidden"; reason: HiddenReason }
  /** Nobody is in the group (a team outside the adoption group asked for, a team without answers). */
  | { kind: "empty" };

const SHOWN: Verdict = { shown: true };
const hidden = (reason: HiddenReason): Verdict => ({ shown: false, reason });

/**
 * Decides, for one survey's cells, which groups may be published. Deterministic for a given input
 * (ties broken by cell id) so that every instance and every request reaches the same decision.
 */
export function decidePublication(cells: readonly Cell[], k: number): Publication {
  const live = cells.filter((c) => c.n > 0).sort((a, b) => a.n - b.n || a.id.localeCompare(b.id));
  const total = live.reduce((sum, c) => sum + c.n, 0);
  const reasons = new Map<string, HiddenReason>();
  for (const c of live) if (c.n < k) reasons.set(c.id, "below_threshold");

  const sizeOf = (g: AdoptionGroup) => live.filter((c) => c.adoption === g).reduce((sum, c) => sum + c.n, 0);
  if (total < k) {
    return {
      k,
      total: hidden("below_threshold"),
      adoption: { on: hidden("below_threshold"), off: hidden("below_threshold") },
      cells: new Map(live.map((c) => [c.id, hidden("below_threshold")])),
    };
  }

  const published = { on: sizeOf("on") >= k, off: sizeOf("off") >= k };

  const regions = () => regionsOf(live, published);

  // Monotone: cells only get hidden and groups only get withdrawn, so this ends.
  for (let changed = true; changed;) {
    changed = false;
    for (const region of regions()) {
      const hiddenSum = region.filter((c) => reasons.has(c.id)).reduce((sum, c) => sum + c.n, 0);
      if (hiddenSum === 0 || hiddenSum >= k) continue;
      const smallestShown = region.find((c) => !reasons.has(c.id));
      if (smallestShown) {
        reasons.set(smallestShown.id, "complement");
      } else {
        // Only a leftover region can be all hidden and still short of k (a published group is at least
        // k strong): withdraw the smaller published adoption group, merging its cells into the leftover.
        const withdraw: AdoptionGroup =
          published.on && published.off ? (sizeOf("on") <= sizeOf("off") ? "on" : "off") : published.on ? "on" : "off";
        published[withdraw] = false;
      }
      changed = true;
      break;
    }
  }

  return {
    k,
    total: SHOWN,
    adoption: {
      on: published.on ? SHOWN : hidden(sizeOf("on") >= k ? "complement" : "below_threshold"),
      off: published.off ? SHOWN : hidden(sizeOf("off") >= k ? "complement" : "below_threshold"),
    },
    cells: new Map(live.map((c) => [c.id, reasons.has(c.id) ? hidden(reasons.get(c.id)!) : SHOWN])),
  };
}

/**
 * The regions of a survey's cells given which adoption groups are published. Each region is a set of cells
 * whose hidden part a reader can isolate: a published group minus its shown cells, or what is left of the
 * total once published groups and shown cells are taken away. Exported so explanations name the same
 * groups the decision protects (lib/analytics/suppression-notice.ts).
 */
export function regionsOf(cells: readonly Cell[], published: Record<AdoptionGroup, boolean>): Cell[][] {
  const live = cells.filter((c) => c.n > 0);
  const inGroup = (g: Adoption) => live.filter((c) => c.adoption === g);
  if (published.on && published.off) return [inGroup("on"), inGroup("off"), inGroup("none")];
  if (published.on) return [inGroup("on"), [...inGroup("off"), ...inGroup("none")]];
  if (published.off) return [inGroup("off"), [...inGroup("on"), ...inGroup("none")]];
  return [live];
}

/** A survey still collecting answers publishes nothing but the fact that it is collecting. */
export function withholdWhileCollecting(cells: readonly Cell[], k: number): Publication {
  const collecting = hidden("collecting");
  return {
    k,
    total: collecting,
    adoption: { on: collecting, off: collecting },
    cells: new Map(cells.filter((c) => c.n > 0).map((c) => [c.id, collecting])),
  };
}

/** Answers a request for a group from the survey's one publication decision. */
export function resolveGroup(publication: Publication, cells: readonly Cell[], request: GroupRequest): ResolvedGroup {
  const live = cells.filter((c) => c.n > 0);
  let members: Cell[];
  let verdict: Verdict;
  if (request.team !== undefined && request.team !== null) {
    const cell = live.find((c) => c.id === request.team);
    if (!cell || (request.adoption && cell.adoption !== request.adoption)) return { kind: "empty" };
    members = [cell];
    verdict = publication.cells.get(cell.id) ?? hidden("below_threshold");
  } else if (request.adoption) {
    members = live.filter((c) => c.adoption === request.adoption);
    if (members.length === 0) return { kind: "empty" };
    verdict = publication.adoption[request.adoption];
  } else {
    members = live;
    if (members.length === 0) return { kind: "empty" };
    verdict = publication.total;
  }
  if (!verdict.shown) return { kind: "hidden", reason: verdict.reason };
  return { kind: "shown", cellIds: members.map((c) => c.id), n: members.reduce((sum, c) => sum + c.n, 0) };
}

/** Every group request a viewer can make of one survey: everyone, each adoption group, each team, each team within each group. */
export function allGroupRequests(cells: readonly Cell[]): GroupRequest[] {
  const out: GroupRequest[] = [{}, { adoption: "on" }, { adoption: "off" }];
  for (const c of cells) {
    out.push({ team: c.id });
    out.push({ team: c.id, adoption: "on" }, { team: c.id, adoption: "off" });
  }
  return out;
}
