import { describe, expect, it } from "vitest";
import {
  onPlatformIn,
  periodsChangingGroup,
  surveysExposedByMove,
  withPlatformChange,
  type PlatformHistory,
} from "./platform-history";

describe("onPlatformIn", () => {
  const changes = [
    { effectivePeriod: "2026-Q2", onPlatform: true },
    { effectivePeriod: "2025-Q4", onPlatform: false },
    { effectivePeriod: "2027-Q1", onPlatform: false },
  ];
  it("uses the flag that held in each quarter", () => {
    expect(onPlatformIn(changes, "2025-Q3")).toBe(false);
    expect(onPlatformIn(changes, "2026-Q1")).toBe(false);
    expect(onPlatformIn(changes, "2026-Q2")).toBe(true);
    expect(onPlatformIn(changes, "2026-Q4")).toBe(true);
    expect(onPlatformIn(changes, "2027-Q1")).toBe(false);
  });
  it("falls back when nothing is recorded yet", () => {
    expect(onPlatformIn([], "2026-Q1", true)).toBe(true);
  });
});

describe("periodsChangingGroup", () => {
  const periods = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
  const history: PlatformHistory = { changes: [{ effectivePeriod: "2026-Q2", onPlatform: false }], current: false };

  it("a change from a quarter on moves that quarter and every later one until the next change", () => {
    const after = withPlatformChange(history, { effectivePeriod: "2026-Q3", onPlatform: true }, "2026-Q4");
    expect(after.current).toBe(true);
    // 2026-Q1 predates every recorded change, so analytics reads the current flag there: it moves too.
    expect(periodsChangingGroup(history, after, periods)).toEqual(["2026-Q1", "2026-Q3", "2026-Q4"]);
    const future = withPlatformChange(history, { effectivePeriod: "2026-Q3", onPlatform: true }, "2026-Q2");
    expect(periodsChangingGroup(history, future, periods)).toEqual(["2026-Q3", "2026-Q4"]);
  });

  it("the current flag also decides the quarters before the first recorded change", () => {
    // Moving the only change to today flips the current flag, and with it 2026-Q1 (before any change).
    const onNow: PlatformHistory = { changes: [{ effectivePeriod: "2026-Q2", onPlatform: true }], current: true };
    const after = withPlatformChange(onNow, { effectivePeriod: "2026-Q4", onPlatform: false }, "2026-Q4");
    expect(periodsChangingGroup(onNow, after, periods)).toEqual(["2026-Q1", "2026-Q4"]);
  });

  it("a change to the flag that already held moves no one; a future change waits", () => {
    expect(
      periodsChangingGroup(
        history,
        withPlatformChange(history, { effectivePeriod: "2026-Q3", onPlatform: false }, "2026-Q4"),
        periods,
      ),
    ).toEqual([]);
    const future = withPlatformChange(history, { effectivePeriod: "2027-Q2", onPlatform: true }, "2026-Q4");
    expect(future.current).toBe(false);
    expect(periodsChangingGroup(history, future, periods)).toEqual([]);
  });
});

describe("surveysExposedByMove", () => {
  const surveys = [
    { surveyId: "a", title: "Q3", period: "2026-Q3", respondents: 3 },
    { surveyId: "b", title: "Q3 pulse", period: "2026-Q3", respondents: 7 },
    { surveyId: "c", title: "Q4", period: "2026-Q4", respondents: 4 },
  ];
  it("refuses moves of 1..k−1 respondents in any survey of a moved quarter, never of k or more", () => {
    expect(surveysExposedByMove({ surveys, periods: ["2026-Q3"], k: 5 }).map((s) => s.surveyId)).toEqual(["a"]);
    expect(surveysExposedByMove({ surveys, periods: ["2026-Q4"], k: 5 }).map((s) => s.surveyId)).toEqual(["c"]);
    expect(surveysExposedByMove({ surveys, periods: ["2026-Q4"], k: 4 })).toEqual([]);
    expect(surveysExposedByMove({ surveys, periods: [], k: 5 })).toEqual([]);
    expect(
      surveysExposedByMove({
        surveys: [{ surveyId: "d", title: "", period: "2026-Q1", respondents: 0 }],
        periods: ["2026-Q1"],
        k: 5,
      }),
    ).toEqual([]);
  });
});
