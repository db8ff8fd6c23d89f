import { describe, expect, it } from "vitest";
import { assessTiming, medianOf, timingPeriodOptions } from "./timings";

describe("medianOf", () => {
  it("takes the middle of an odd count and the mean of the two middles of an even count", () => {
    expect(medianOf([30, 10, 20])).toBe(20);
    expect(medianOf([10, 40])).toBe(25);
    expect(medianOf([7])).toBe(7);
    expect(medianOf([])).toBeNull();
  });
  it("is not thrown by an outlier", () => {
    expect(medianOf([12, 11, 400])).toBe(12);
  });
});

describe("assessTiming", () => {
  it("is met at or under target", () => {
    expect(assessTiming([10, 15, 12], 15)).toEqual({ median: 12, gapMinutes: -3, ratio: 0.8, status: "met" });
    expect(assessTiming([15], 15).status).toBe("met");
  });
  it("is close up to 25% over target and missed beyond", () => {
    expect(assessTiming([18, 19, 17], 15)).toMatchObject({ median: 18, gapMinutes: 3, status: "close" });
    expect(assessTiming([18.75], 15).status).toBe("close");
    expect(assessTiming([19], 15)).toMatchObject({ gapMinutes: 4, status: "missed" });
  });
  it("has no status without measurements", () => {
    expect(assessTiming([], 10)).toEqual({ median: null, gapMinutes: null, ratio: null, status: null });
  });
});

describe("timingPeriodOptions", () => {
  it("offers periods with data plus the current and next quarter, newest first", () => {
    expect(timingPeriodOptions(["2026-Q3", "2026-Q4"], new Date(Date.UTC(2026, 10, 1)))).toEqual([
      "2027-Q1",
      "2026-Q4",
      "2026-Q3",
    ]);
    expect(timingPeriodOptions(["2025-Q2"], new Date(Date.UTC(2026, 11, 31)))).toEqual([
      "2027-Q1",
      "2026-Q4",
      "2025-Q2",
    ]);
  });
});
