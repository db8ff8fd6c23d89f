import { describe, expect, it } from "vitest";
import { benchmarkOf, benchmarkPosition, percentile, summarizeScore, tCritical95 } from "./scores";

describe("summarizeScore", () => {
  it("matches a hand-computed example", () => {
    // Scores 2, 3, 4, 4, 5: mean 3.6, sd = √(((−1.6)² + (−.6)² + .4² + .4² + 1.4²)/4) = √(5.2/4) = 1.140175
    // margin = 2.776 · 1.140175 / √5 = 1.41553; favorable 3 of 5 answers = 60%
    const s = summarizeScore({ n: 5, mean: 3.6, sd: Math.sqrt(1.3), favorable: 3, answers: 5 });
    expect(s.favorablePct).toBeCloseTo(60, 10);
    expect(s.margin).toBeCloseTo(1.41553, 4);
    expect(s.ciLow).toBeCloseTo(2.18447, 4);
    expect(s.ciHigh).toBe(5); // 5.0155 clamped to the scale
  });

  it("n = 1 has no interval; identical answers have zero width", () => {
    expect(summarizeScore({ n: 1, mean: 4, sd: null, favorable: 1, answers: 1 })).toMatchObject({
      margin: null,
      ciLow: null,
      ciHigh: null,
      favorablePct: 100,
    });
    expect(summarizeScore({ n: 8, mean: 3, sd: 0, favorable: 0, answers: 8 })).toMatchObject({
      margin: 0,
      ciLow: 3,
      ciHigh: 3,
      favorablePct: 0,
    });
  });

  it("uses the normal value for large samples", () => {
    expect(tCritical95(1)).toBe(12.706);
    expect(tCritical95(30)).toBe(2.042);
    expect(tCritical95(60)).toBeCloseTo(2.0003, 3);
    expect(tCritical95(100000)).toBeCloseTo(1.96, 3);
    expect(() => tCritical95(0)).toThrow(RangeError);
  });
});

describe("percentiles and benchmarks", () => {
  it("interpolates like percentile_cont", () => {
    const v = [10, 20, 30, 40, 50];
    expect(percentile(v, 0.5)).toBe(30);
    expect(percentile(v, 0.75)).toBe(40);
    expect(percentile(v, 0.9)).toBeCloseTo(46, 10);
    expect(percentile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it("needs enough teams, then places a team against them", () => {
    expect(benchmarkOf([1, 2])).toBeNull();
    const b = benchmarkOf([10, 20, 30, 40, 50])!;
    expect(b).toEqual({ p50: 30, p75: 40, p90: 46, teams: 5 });
    expect([50, 41, 30, 29].map((v) => benchmarkPosition(v, b))).toEqual([
      "top10",
      "top25",
      "above_median",
      "below_median",
    ]);
  });
});
