import { describe, expect, it } from "vitest";
import {
  type Adoption,
  type Cell,
  type GroupRequest,
  type ResolvedGroup,
  allGroupRequests,
  decidePublication,
  resolveGroup,
  withholdWhileCollecting,
} from "./model";

const team = (id: string, n: number, adoption: Adoption): Cell => ({ id, n, adoption });

/** What a viewer sees of one survey: the decision, then any group asked for. */
function publish(cells: Cell[], k: number) {
  const publication = decidePublication(cells, k);
  const view = (request: GroupRequest) => resolveGroup(publication, cells, request);
  const count = (request: GroupRequest) => {
    const group = view(request);
    return group.kind === "shown" ? group.n : null;
  };
  const shownTeams = cells.filter((c) => view({ team: c.id }).kind === "shown");
  return { publication, view, count, shownTeams };
}

const hiddenAs = (reason: string): ResolvedGroup => ({ kind: "hidden", reason }) as ResolvedGroup;
const sumOf = (cells: Cell[]) => cells.reduce((sum, c) => sum + c.n, 0);

/** The differencing attack: a published group minus every team shown inside it. */
function leftover(view: ReturnType<typeof publish>, group: GroupRequest) {
  const n = view.count(group);
  if (n === null) return null;
  return n - sumOf(view.shownTeams.filter((c) => !group.adoption || c.adoption === group.adoption));
}

describe("decidePublication: the issue's example (k = 5)", () => {
  const cells = [
    team("identity", 3, "on"),
    team("data-platform", 6, "on"),
    team("search", 7, "on"),
    team("payments", 8, "off"),
    team("mobile", 12, "off"),
  ];
  const survey = publish(cells, 5);

  it("hides Identity, and the smallest team that would let total − visible teams isolate it", () => {
    expect(survey.view({ team: "identity" })).toEqual(hiddenAs("below_threshold"));
    expect(survey.view({ team: "data-platform" })).toEqual(hiddenAs("complement"));
    expect(survey.shownTeams.map((c) => c.id)).toEqual(["search", "payments", "mobile"]);
    expect(survey.count({})).toBe(36);
  });

  it("leaves nothing under k to subtract out of the total or either adoption group", () => {
    // Without Data Platform hidden, total − visible and on-platform − visible would both be Identity's 3.
    expect(leftover(survey, {})).toBe(9);
    expect(leftover(survey, { adoption: "on" })).toBe(9);
    expect(leftover(survey, { adoption: "off" })).toBe(0);
  });

  it("keeps Data Platform hidden when asked for through a team-within-adoption filter", () => {
    expect(survey.view({ team: "data-platform", adoption: "on" })).toEqual(hiddenAs("complement"));
    expect(survey.view({ team: "identity", adoption: "on" })).toEqual(hiddenAs("below_threshold"));
    expect(survey.view({ team: "data-platform", adoption: "off" })).toEqual({ kind: "empty" });
  });
});

describe("decidePublication: adoption groups", () => {
  it("hides a second off-platform team when the off-platform group is one small team plus visible teams", () => {
    const cells = [
      team("checkout", 10, "on"),
      team("search", 8, "on"),
      team("legacy", 2, "off"),
      team("billing", 6, "off"),
      team("ops", 9, "off"),
    ];
    const survey = publish(cells, 5);
    expect(survey.count({ adoption: "off" })).toBe(17);
    expect(survey.view({ team: "legacy" })).toEqual(hiddenAs("below_threshold"));
    expect(survey.view({ team: "billing" })).toEqual(hiddenAs("complement"));
    expect(survey.count({ team: "ops" })).toBe(9);
    // off-platform − Ops would be Legacy's 2 had Billing been shown.
    expect(leftover(survey, { adoption: "off" })).toBe(8);
    expect(leftover(survey, {})).toBe(8);
  });

  it("withdraws an adoption group when total − on − off would leave the no-team answers under k", () => {
    const cells = [
      team("", 2, "none"),
      team("a", 6, "on"),
      team("b", 7, "on"),
      team("c", 8, "off"),
      team("d", 9, "off"),
    ];
    const survey = publish(cells, 5);
    // Both groups are k strong, but together with the total they isolate the 2 answers without a team.
    expect(survey.view({ adoption: "on" })).toEqual(hiddenAs("complement"));
    expect(survey.count({ adoption: "off" })).toBe(17);
    expect(survey.view({ team: "" })).toEqual(hiddenAs("below_threshold"));
    // With on-platform withdrawn, total − off − visible on-platform teams must not be the 2 either.
    expect(survey.view({ team: "a" })).toEqual(hiddenAs("complement"));
    expect(survey.shownTeams.map((c) => c.id)).toEqual(["b", "c", "d"]);
    expect(survey.count({})! - survey.count({ adoption: "off" })! - survey.count({ team: "b" })!).toBe(8);
  });

  it("withdraws the only adoption group when every team is on the platform and the no-team answers are few", () => {
    const cells = [team("", 3, "none"), team("a", 10, "on"), team("b", 12, "on")];
    const survey = publish(cells, 5);
    // Total − on-platform would be exactly the 3 answers without a team.
    expect(survey.view({ adoption: "on" })).toEqual(hiddenAs("complement"));
    expect(survey.view({ adoption: "off" })).toEqual({ kind: "empty" });
    expect(survey.view({ team: "a" })).toEqual(hiddenAs("complement"));
    expect(survey.count({ team: "b" })).toBe(12);
    expect(leftover(survey, {})).toBe(13);
  });
});

describe("decidePublication: small surveys", () => {
  it("shows nothing of a survey under k", () => {
    const cells = [team("a", 2, "on"), team("b", 2, "off"), team("", 0, "none")];
    const { view } = publish(cells, 5);
    for (const request of allGroupRequests(cells)) {
      expect(["hidden", "empty"]).toContain(view(request).kind);
      if (view(request).kind === "hidden") expect(view(request)).toEqual(hiddenAs("below_threshold"));
    }
    expect(view({})).toEqual(hiddenAs("below_threshold"));
  });

  it("shows the total of a survey exactly k strong while its small teams stay hidden", () => {
    const survey = publish([team("a", 3, "on"), team("b", 2, "on")], 5);
    expect(survey.count({})).toBe(5);
    expect(survey.shownTeams).toEqual([]);
  });

  it("publishes nothing while the survey is collecting, however large its groups", () => {
    const cells = [team("a", 40, "on"), team("b", 30, "off")];
    const publication = withholdWhileCollecting(cells, 5);
    for (const request of allGroupRequests(cells)) {
      const group = resolveGroup(publication, cells, request);
      expect(group.kind === "empty" || (group.kind === "hidden" && group.reason === "collecting")).toBe(true);
    }
  });
});

describe("decidePublication: a reader who knows the algorithm and reads the reasons", () => {
  /** Every count for the hidden teams (shown ones are known) under which the viewer would see exactly what they see. */
  function consistentCounts(actual: Cell[], k: number, maxN: number): number[][] {
    const views = (cells: Cell[]) =>
      JSON.stringify(allGroupRequests(cells).map((r) => resolveGroup(decidePublication(cells, k), cells, r)));
    const observed = views(actual);
    const hidden = actual.flatMap((c, i) =>
      resolveGroup(decidePublication(actual, k), actual, { team: c.id }).kind === "hidden" ? [i] : [],
    );
    const out: number[][] = [];
    const walk = (counts: number[]) => {
      if (counts.length === hidden.length) {
        const candidate = actual.map((c, i) => (hidden.includes(i) ? { ...c, n: counts[hidden.indexOf(i)] } : c));
        if (views(candidate) === observed) out.push(counts);
        return;
      }
      for (let n = 1; n <= maxN; n++) walk([...counts, n]);
    };
    walk([]);
    return out;
  }

  it("cannot pin Identity or Data Platform in the issue's example", () => {
    const cells = [
      team("identity", 3, "on"),
      team("data-platform", 6, "on"),
      team("search", 7, "on"),
      team("payments", 8, "off"),
      team("mobile", 12, "off"),
    ];
    const candidates = consistentCounts(cells, 5, 15);
    expect(candidates).toContainEqual([3, 6]);
    expect(new Set(candidates.map(([identity]) => identity)).size).toBeGreaterThan(1);
  });

  // Known leak, reported to the lead: "below_threshold" says 1 ≤ n < k, so with a shown total of 8 and
  // two hidden teams both labelled that way (k = 5), each team must hold exactly 4. The linear property
  // (model.property.test.ts) holds; the reason labels, and "hidden" vs "empty" (n ≥ 1 vs n = 0), add
  // bounds it does not model. This starts passing, and so fails as written, once the leak is closed.
  it.fails("cannot pin a hidden team's count from the published total and the hidden reasons", () => {
    const candidates = consistentCounts([team("a", 4, "on"), team("b", 4, "on")], 5, 12);
    expect(new Set(candidates.map(([a]) => a)).size).toBeGreaterThan(1);
  });
});
