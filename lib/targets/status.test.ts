import { describe, expect, it } from "vitest";
import { readTarget, type TargetInput } from "./status";

// Platform NPS from +10 in 2026-Q1 to +40 by 2027-Q1: four quarters.
const nps: TargetInput = { direction: "higher", goal: 40, baseline: { period: "2026-Q1", value: 10 }, due: "2027-Q1" };
// Time to first deploy from 120 to 30 minutes by 2026-Q3.
const timing: TargetInput = {
  direction: "lower",
  goal: 30,
  baseline: { period: "2026-Q1", value: 120 },
  due: "2026-Q3",
};

describe("readTarget", () => {
  it("has no status without a closed quarter", () => {
    expect(readTarget(nps, null).status).toBe("no_data");
  });

  it("does not count a change inside the interval as progress", () => {
    // +18 half-way, but the interval (−2 to 38) still contains the baseline +10.
    const reading = readTarget(nps, { period: "2026-Q3", value: 18, low: -2, high: 38 });
    expect(reading.withinNoise).toBe(true);
    expect(reading.progress).toBe(0);
    expect(reading.status).toBe("off_track");
    expect(reading.summary).toMatch(/within noise/);
  });

  it("is on track when a real change keeps pace with the straight line to the goal", () => {
    const reading = readTarget(nps, { period: "2026-Q3", value: 27, low: 15, high: 39 });
    expect(reading.withinNoise).toBe(false);
    expect(reading.elapsed).toBeCloseTo(0.5);
    expect(reading.progress).toBeCloseTo(17 / 30);
    expect(reading.status).toBe("on_track");
  });

  it("is at risk when a real change lags the line a little, off track when it lags a lot", () => {
    expect(readTarget(nps, { period: "2026-Q4", value: 25, low: 14, high: 36 }).status).toBe("at_risk");
    expect(readTarget(nps, { period: "2026-Q4", value: 16, low: 12, high: 20 }).status).toBe("off_track");
  });

  it("is achieved only when the whole interval is past the goal", () => {
    expect(readTarget(nps, { period: "2026-Q4", value: 44, low: 30, high: 58 }).status).toBe("on_track");
    expect(readTarget(nps, { period: "2026-Q4", value: 52, low: 41, high: 63 }).status).toBe("achieved");
  });

  it("after the due quarter, missing the goal is off track and a point estimate at the goal is at risk", () => {
    expect(readTarget(nps, { period: "2027-Q1", value: 30, low: 20, high: 38 }).status).toBe("off_track");
    expect(readTarget(nps, { period: "2027-Q2", value: 41, low: 31, high: 51 }).status).toBe("at_risk");
  });

  it("reads lower-is-better measures, and measures without intervals, the right way round", () => {
    expect(readTarget(timing, { period: "2026-Q2", value: 70, low: null, high: null }).status).toBe("on_track");
    expect(readTarget(timing, { period: "2026-Q2", value: 110, low: null, high: null }).status).toBe("off_track");
    expect(readTarget(timing, { period: "2026-Q2", value: 25, low: null, high: null }).status).toBe("achieved");
  });

  it("prints negative values with a minus sign", () => {
    const fall: TargetInput = {
      direction: "higher",
      goal: 0,
      baseline: { period: "2026-Q1", value: -20 },
      due: "2026-Q4",
    };
    expect(readTarget(fall, { period: "2026-Q2", value: -12, low: -18, high: -6 }).summary).toMatch(/^−12 in 2026-Q2/);
  });

  it("reads a target set this quarter as its baseline, in whole numbers for NPS and two decimals for scores", () => {
    const set = { ...nps, baseline: { period: "2026-Q3", value: 12.26 } };
    expect(readTarget(set, { period: "2026-Q3", value: 12.26, low: 2.1, high: 22.4 }).summary).toBe(
      "12 in 2026-Q3: the baseline; goal 40 by 2027-Q1.",
    );
    const score: TargetInput = {
      direction: "higher",
      goal: 4,
      baseline: { period: "2026-Q1", value: 3.1 },
      due: "2027-Q1",
    };
    expect(readTarget(score, { period: "2026-Q3", value: 3.55, low: 3.4, high: 3.7 }).summary).toContain(
      "from 3.10 to 4",
    );
  });
});
