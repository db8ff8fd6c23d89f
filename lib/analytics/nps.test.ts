import { describe, expect, it } from "vitest";
import { computeNps, npsBand, npsCategory, npsChange } from "./nps";

describe("computeNps", () => {
  it("matches a hand-computed example", () => {
    // 50 promoters, 30 passives, 20 detractors: p = .5, d = .2, NPS = 30
    // variance = ((.5 + .2) − (.3)²) / 100 = (.7 − .09) / 100 = .0061; margin = 1.96·√.0061·100 = 15.308…
    const r = computeNps(50, 30, 20)!;
    expect(r.n).toBe(100);
    expect(r.score).toBeCloseTo(30, 10);
    expect(r.variance).toBeCloseTo(0.0061, 12);
    expect(r.margin).toBeCloseTo(15.308, 3);
    expect(r.ciLow).toBeCloseTo(14.692, 3);
    expect(r.ciHigh).toBeCloseTo(45.308, 3);
  });

  it("all promoters: +100 with zero variance", () => {
    const r = computeNps(12, 0, 0)!;
    expect(r.score).toBe(100);
    expect(r.variance).toBe(0);
    expect(r.margin).toBe(0);
    expect([r.ciLow, r.ciHigh]).toEqual([100, 100]);
  });

  it("n = 1: a single detractor is −100 and the interval has no width to estimate", () => {
    const r = computeNps(0, 0, 1)!;
    expect(r.score).toBe(-100);
    expect(r.variance).toBe(0);
    const passive = computeNps(0, 1, 0)!;
    expect(passive.score).toBe(0);
    expect(passive.margin).toBe(0);
  });

  it("clamps the interval to −100..+100", () => {
    // 3 promoters, 1 detractor: p = .75, d = .25, NPS 50, var = (1 − .25)/4 = .1875, margin = 84.87
    const r = computeNps(3, 0, 1)!;
    expect(r.margin).toBeCloseTo(1.96 * Math.sqrt(0.1875) * 100, 9);
    expect(r.ciHigh).toBe(100);
    expect(r.ciLow).toBeCloseTo(50 - 84.87, 1);
  });

  it("an empty group has no score, and bad counts are refused", () => {
    expect(computeNps(0, 0, 0)).toBeNull();
    expect(() => computeNps(-1, 0, 0)).toThrow(RangeError);
    expect(() => computeNps(1.5, 0, 0)).toThrow(RangeError);
  });
});

describe("npsChange", () => {
  it("adds variances and flags a change whose interval includes 0 as within noise", () => {
    const q1 = computeNps(10, 10, 10)!; // 0, var = (2/3 − 0)/30 = .022222
    const q2 = computeNps(14, 9, 7)!; // 23.33, p=.4667 d=.2333 var = (.7 − .05444)/30 = .021519
    const c = npsChange(q1, q2);
    expect(c.delta).toBeCloseTo(23.333, 3);
    expect(c.margin).toBeCloseTo(1.96 * Math.sqrt(0.0222222 + 0.0215185) * 100, 2);
    expect(c.margin).toBeCloseTo(41.0, 1);
    expect(c.withinNoise).toBe(true);
  });

  it("a large change on big samples is significant", () => {
    const before = computeNps(200, 300, 500)!; // −30
    const after = computeNps(500, 300, 200)!; // +30
    const c = npsChange(before, after);
    expect(c.delta).toBeCloseTo(60, 9);
    expect(c.ciLow).toBeGreaterThan(0);
    expect(c.withinNoise).toBe(false);
  });

  it("no change between two all-promoter quarters has zero width and counts as noise", () => {
    const c = npsChange(computeNps(5, 0, 0)!, computeNps(9, 0, 0)!);
    expect(c).toMatchObject({ delta: 0, margin: 0, withinNoise: true });
  });
});

describe("categories and bands", () => {
  it("classifies answers and scores", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
    expect([npsBand(-10), npsBand(29.9), npsBand(30), npsBand(50), npsBand(50.1)]).toEqual([
      "problem",
      "problem",
      "good",
      "good",
      "excellent",
    ]);
  });
});
