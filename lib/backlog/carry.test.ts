import { describe, expect, it } from "vitest";
import { chooseCarrySource, planCarry, termSimilarity, type CarryFreshTheme, type CarrySourceItem } from "./carry";

const ids = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const source = (id: string, memberIds: string[], extra: Partial<CarrySourceItem> = {}): CarrySourceItem => ({
  id,
  memberIds,
  terms: [],
  mergedIntoId: null,
  curated: true,
  ...extra,
});
const fresh = (id: string, memberIds: string[], extra: Partial<CarryFreshTheme> = {}): CarryFreshTheme => ({
  id,
  memberIds,
  terms: [],
  respondents: memberIds.length,
  ...extra,
});
const scopeOf = (...themes: CarryFreshTheme[]) => new Set(themes.flatMap((t) => t.memberIds));

describe("planCarry", () => {
  it("carries a theme that kept its answers and gained new ones (the wider scope)", () => {
    const t = fresh("0", [...ids("a:", 1, 10), ...ids("a:", 100, 104)]);
    const plan = planCarry({ sources: [source("ci", ids("a:", 1, 10))], fresh: [t], scopeSourceIds: scopeOf(t), k: 5 });
    expect(plan.carries).toEqual([{ freshId: "0", fromItemId: "ci", via: "answers", mergeIntoFreshId: null }]);
    expect(plan.notCarried).toEqual([]);
  });

  it("a theme split in two carries into the larger part only; the other starts fresh", () => {
    const big = fresh("0", ids("a:", 1, 7));
    const small = fresh("1", ids("a:", 8, 12));
    const plan = planCarry({
      sources: [source("ci", ids("a:", 1, 12))],
      fresh: [big, small],
      scopeSourceIds: scopeOf(big, small),
      k: 5,
    });
    expect(plan.carries).toEqual([{ freshId: "0", fromItemId: "ci", via: "answers", mergeIntoFreshId: null }]);
  });

  it("two themes that now form one carry the closer; the other is reported as not carried", () => {
    const both = fresh("0", ids("a:", 1, 16));
    const plan = planCarry({
      sources: [source("ci", ids("a:", 1, 10)), source("flaky", ids("a:", 11, 16))],
      fresh: [both],
      scopeSourceIds: scopeOf(both),
      k: 5,
    });
    expect(plan.carries).toEqual([{ freshId: "0", fromItemId: "ci", via: "answers", mergeIntoFreshId: null }]);
    expect(plan.notCarried).toEqual(["flaky"]);
  });

  it("a theme that disappeared carries nowhere, and its answers' new home does not take it by terms", () => {
    const other = fresh("0", ids("a:", 1, 8), { terms: ["deploy", "slow", "pipelin"] });
    const plan = planCarry({
      // The earlier theme's answers are in scope but scattered: the answers said no; terms must not override.
      sources: [source("gone", ["a:1", "a:50", "a:51"], { terms: ["deploy", "slow", "pipelin"] })],
      fresh: [other],
      scopeSourceIds: new Set([...other.memberIds, "a:50", "a:51"]),
      k: 5,
    });
    expect(plan.carries).toEqual([]);
    expect(plan.notCarried).toEqual(["gone"]);
  });

  it("matches by terms when none of the earlier theme's answers are in the new scope (a disjoint quarter)", () => {
    const t = fresh("0", ids("a:", 200, 206), { terms: ["deploy", "slow", "pipelin", "wait"] });
    const u = fresh("1", ids("a:", 300, 306), { terms: ["doc", "find", "search"] });
    const plan = planCarry({
      sources: [source("ci", ids("a:", 1, 10), { terms: ["deploy", "slow", "pipelin", "queue"] })],
      fresh: [t, u],
      scopeSourceIds: scopeOf(t, u),
      k: 5,
    });
    expect(plan.carries).toEqual([{ freshId: "0", fromItemId: "ci", via: "terms", mergeIntoFreshId: null }]);
  });

  it("a theme under k carries nothing, however well it matches", () => {
    const small = fresh("0", ids("a:", 1, 6), { respondents: 4 });
    const plan = planCarry({
      sources: [source("ci", ids("a:", 1, 6))],
      fresh: [small],
      scopeSourceIds: scopeOf(small),
      k: 5,
    });
    expect(plan.carries).toEqual([]);
    expect(plan.notCarried).toEqual(["ci"]);
  });

  it("uncurated earlier themes have nothing to carry", () => {
    const t = fresh("0", ids("a:", 1, 8));
    const plan = planCarry({
      sources: [source("plain", ids("a:", 1, 8), { curated: false })],
      fresh: [t],
      scopeSourceIds: scopeOf(t),
      k: 5,
    });
    expect(plan).toEqual({ carries: [], notCarried: [] });
  });

  it("merges follow: the merged theme's continuation is merged into the target's continuation", () => {
    const target = fresh("0", ids("a:", 1, 8));
    const child = fresh("1", ids("a:", 20, 26));
    const plan = planCarry({
      sources: [
        source("docs", ids("a:", 1, 8)),
        source("wiki", ids("a:", 20, 26), { mergedIntoId: "docs", curated: false }),
      ],
      fresh: [child, target],
      scopeSourceIds: scopeOf(target, child),
      k: 5,
    });
    expect(plan.carries).toEqual([
      { freshId: "0", fromItemId: "docs", via: "answers", mergeIntoFreshId: null },
      { freshId: "1", fromItemId: "wiki", via: "answers", mergeIntoFreshId: "0" },
    ]);
  });

  it("when only the merged-away part continues, it carries the target's curation", () => {
    const child = fresh("0", ids("a:", 20, 26));
    const plan = planCarry({
      sources: [
        source("docs", ids("a:", 1, 8)),
        source("wiki", ids("a:", 20, 26), { mergedIntoId: "docs", curated: false }),
      ],
      fresh: [child],
      scopeSourceIds: scopeOf(child),
      k: 5,
    });
    expect(plan.carries).toEqual([{ freshId: "0", fromItemId: "docs", via: "answers", mergeIntoFreshId: null }]);
  });

  it("a wrong carry undone is not made again on the next analysis", () => {
    const t = fresh("0", ids("a:", 1, 10));
    const input = { sources: [source("ci", ids("a:", 1, 10))], fresh: [t], scopeSourceIds: scopeOf(t), k: 5 };
    expect(planCarry(input).carries).toHaveLength(1);
    const plan = planCarry({ ...input, declined: new Set(["ci"]) });
    expect(plan.carries).toEqual([]);
    // Declined is not "lost": nothing to report about it.
    expect(plan.notCarried).toEqual([]);
  });

  it("does not depend on input order", () => {
    const a = fresh("0", ids("a:", 1, 8));
    const b = fresh("1", ids("a:", 9, 16));
    const sources = [source("x", ids("a:", 1, 8)), source("y", ids("a:", 9, 16))];
    const one = planCarry({ sources, fresh: [a, b], scopeSourceIds: scopeOf(a, b), k: 5 });
    const two = planCarry({ sources: [...sources].reverse(), fresh: [b, a], scopeSourceIds: scopeOf(a, b), k: 5 });
    expect(two).toEqual(one);
  });
});

describe("termSimilarity", () => {
  it("is Jaccard over distinct terms", () => {
    expect(termSimilarity(["a", "b", "c"], ["b", "c", "d"])).toEqual({ shared: 2, jaccard: 0.5 });
    expect(termSimilarity([], [])).toEqual({ shared: 0, jaccard: 0 });
  });
});

describe("chooseCarrySource", () => {
  const target = { scope: "periods:2026-Q1..2027-Q1", family: "answers" as const };
  it("prefers the scope sharing most answers, then the one analysed last", () => {
    const picked = chooseCarrySource(
      [
        { scope: "periods:2026-Q3..2026-Q3", family: "answers", sharedAnswers: 40, ranAt: "2026-12-01T00:00:00Z" },
        { scope: "periods:2026-Q1..2026-Q4", family: "answers", sharedAnswers: 160, ranAt: "2026-10-12T00:00:00Z" },
        { scope: "friction", family: "friction", sharedAnswers: 0, ranAt: "2026-12-02T00:00:00Z" },
      ],
      target,
    );
    expect(picked?.scope).toBe("periods:2026-Q1..2026-Q4");
    expect(
      chooseCarrySource(
        [
          { scope: "periods:2026-Q3..2026-Q3", family: "answers", sharedAnswers: 0, ranAt: "2026-12-01T00:00:00Z" },
          { scope: "periods:2026-Q1..2026-Q4", family: "answers", sharedAnswers: 0, ranAt: "2026-10-12T00:00:00Z" },
        ],
        target,
      )?.scope,
    ).toBe("periods:2026-Q3..2026-Q3");
  });
  it("never carries from the scope itself or across families", () => {
    expect(
      chooseCarrySource(
        [
          { scope: target.scope, family: "answers", sharedAnswers: 99, ranAt: "2026-12-01T00:00:00Z" },
          { scope: "friction", family: "friction", sharedAnswers: 0, ranAt: "2026-12-01T00:00:00Z" },
        ],
        target,
      ),
    ).toBeNull();
  });
});
