import { describe, expect, it } from "vitest";
import { assignQuadrant, computeImpact, rankBacklog } from "./prioritise";

describe("computeImpact", () => {
  it("is 0.5 on score components when mentioners score like everyone", () => {
    const r = computeImpact({
      mentionersNps: 7,
      everyoneNps: 7,
      mentionersLikert: 3.2,
      everyoneLikert: 3.2,
      negativeShare: 0.5,
    });
    expect(r.components).toEqual({ nps: 0.5, likert: 0.5, sentiment: 0.5 });
    expect(r.impact).toBeCloseTo(0.5);
  });

  it("reaches 1 when mentioners are 20% of the scale lower and every mention is negative", () => {
    const r = computeImpact({
      mentionersNps: 5,
      everyoneNps: 7,
      mentionersLikert: 2.4,
      everyoneLikert: 3.2,
      negativeShare: 1,
    });
    expect(r.components.nps).toBeCloseTo(1);
    expect(r.components.likert).toBeCloseTo(1);
    expect(r.impact).toBeCloseTo(1);
  });

  it("clamps and weights: 0.35 NPS + 0.35 Likert + 0.30 sentiment", () => {
    const r = computeImpact({
      mentionersNps: 10,
      everyoneNps: 5,
      mentionersLikert: 3.6,
      everyoneLikert: 3.2,
      negativeShare: 0.2,
    });
    expect(r.components.nps).toBe(0);
    expect(r.components.likert).toBeCloseTo(0.25);
    expect(r.impact).toBeCloseTo(0.35 * 0 + 0.35 * 0.25 + 0.3 * 0.2);
  });

  it("re-weights over the components it has (friction entries carry no scores)", () => {
    const r = computeImpact({
      mentionersNps: null,
      everyoneNps: null,
      mentionersLikert: null,
      everyoneLikert: null,
      negativeShare: 0.8,
    });
    expect(r.impact).toBeCloseTo(0.8);
    expect(
      computeImpact({
        mentionersNps: null,
        everyoneNps: 7,
        mentionersLikert: null,
        everyoneLikert: null,
        negativeShare: null,
      }).impact,
    ).toBe(0);
  });
});

describe("assignQuadrant", () => {
  const t = { frequencyThreshold: 0.1, impactThreshold: 0.5 };
  it("maps the four corners, thresholds inclusive", () => {
    expect(assignQuadrant({ share: 0.3, impact: 0.8 }, t)).toBe("do_first");
    expect(assignQuadrant({ share: 0.3, impact: 0.2 }, t)).toBe("automate_or_document");
    expect(assignQuadrant({ share: 0.02, impact: 0.8 }, t)).toBe("schedule");
    expect(assignQuadrant({ share: 0.02, impact: 0.2 }, t)).toBe("ignore");
    expect(assignQuadrant({ share: 0.1, impact: 0.5 }, t)).toBe("do_first");
  });
  it("moves with edited thresholds", () => {
    expect(assignQuadrant({ share: 0.15, impact: 0.6 }, { frequencyThreshold: 0.2, impactThreshold: 0.5 })).toBe(
      "schedule",
    );
  });
});

describe("rankBacklog", () => {
  const base = { effort: null, status: "new" } as const;
  it("scores share × impact ÷ effort weight", () => {
    const ranked = rankBacklog([
      { ...base, id: "a", label: "A", share: 0.4, impact: 0.5, effort: "L" as const }, // 0.05
      { ...base, id: "b", label: "B", share: 0.2, impact: 0.6, effort: "S" as const }, // 0.12
      { ...base, id: "c", label: "C", share: 0.3, impact: 0.5 }, // 0.075 (unsized = M)
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["b", "c", "a"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked[0].score).toBeCloseTo(0.12);
  });
  it("sinks done and won't-do below every open item", () => {
    const ranked = rankBacklog([
      { ...base, id: "done", label: "Done", share: 0.9, impact: 0.9, status: "done" as const },
      { ...base, id: "small", label: "Small", share: 0.01, impact: 0.1 },
      { ...base, id: "wont", label: "Wont", share: 0.5, impact: 0.9, status: "wont_do" as const },
      { ...base, id: "planned", label: "Planned", share: 0.05, impact: 0.5, status: "planned" as const },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["planned", "small", "done", "wont"]);
  });
  it("breaks ties by frequency, then label", () => {
    const ranked = rankBacklog([
      { ...base, id: "1", label: "Zeta", share: 0, impact: 0 },
      { ...base, id: "2", label: "Alpha", share: 0, impact: 0 },
      { ...base, id: "3", label: "Mid", share: 0.1, impact: 0 },
    ]);
    expect(ranked.map((r) => r.label)).toEqual(["Mid", "Alpha", "Zeta"]);
  });
});
