import { describe, expect, it } from "vitest";
import { compareJourneyPaths, computePathTotals, formatMinutes, type ComparableStep } from "./comparison";

let n = 0;
const step = (
  path: ComparableStep["path"],
  name: string,
  minutes: number,
  loadType: ComparableStep["loadType"],
  loadLevel: number,
  extra: Partial<ComparableStep> = {},
): ComparableStep => ({
  id: extra.id ?? `s${++n}`,
  path,
  position: n,
  name,
  minutes,
  loadType,
  loadLevel,
  counterpartStepId: null,
  outcome: null,
  ...extra,
});

describe("computePathTotals", () => {
  it("sums time, steps and load, counting only extraneous levels as extraneous load", () => {
    const totals = computePathTotals([
      step("current", "a", 30, "extraneous", 4),
      step("current", "b", 15.5, "intrinsic", 3),
      step("current", "c", 10, "extraneous", 2),
    ]);
    expect(totals).toEqual({ steps: 3, minutes: 55.5, extraneousLoad: 6, totalLoad: 9 });
  });
  it("is zero for an empty path", () => {
    expect(computePathTotals([])).toEqual({ steps: 0, minutes: 0, extraneousLoad: 0, totalLoad: 0 });
  });
});

describe("compareJourneyPaths", () => {
  const copy = step("current", "Copy a repo", 60, "extraneous", 3, { id: "c1", position: 0 });
  const ticket = step("current", "Ticket for CI", 1440, "extraneous", 2, { id: "c2", position: 1 });
  const yaml = step("current", "Write manifests", 240, "extraneous", 5, { id: "c3", position: 2 });
  const model = step("current", "Design the data model", 240, "intrinsic", 4, { id: "c4", position: 3 });
  const steps = [
    copy,
    ticket,
    yaml,
    model,
    step("golden", "Scaffold", 10, "extraneous", 1, {
      id: "g1",
      position: 0,
      counterpartStepId: "c1",
      outcome: "abstracted",
    }),
    step("golden", "Manifests generated", 5, "extraneous", 1, {
      id: "g2",
      position: 1,
      counterpartStepId: "c3",
      outcome: "automated",
    }),
    step("golden", "Design the data model", 240, "intrinsic", 4, {
      id: "g3",
      position: 2,
      counterpartStepId: "c4",
      outcome: "kept",
    }),
    step("golden", "Learn canary deploys", 30, "germane", 2, { id: "g4", position: 3 }),
  ];

  it("computes time saved, its share and the extraneous load removed", () => {
    const result = compareJourneyPaths(steps);
    expect(result.current).toMatchObject({ steps: 4, minutes: 1980, extraneousLoad: 10 });
    expect(result.golden).toMatchObject({ steps: 4, minutes: 285, extraneousLoad: 2 });
    expect(result.minutesSaved).toBe(1695);
    expect(result.timeSavedShare).toBeCloseTo(1695 / 1980);
    expect(result.extraneousLoadRemoved).toBe(8);
  });

  it("lists what happened to each current step; unclaimed current steps are eliminated", () => {
    const result = compareJourneyPaths(steps);
    expect(result.eliminated.map((c) => c.currentName)).toEqual(["Ticket for CI"]);
    expect(result.automated).toEqual([
      { currentStepId: "c3", currentName: "Write manifests", goldenStepId: "g2", goldenName: "Manifests generated" },
    ]);
    expect(result.abstracted.map((c) => c.goldenName)).toEqual(["Scaffold"]);
    expect(result.kept.map((c) => c.currentName)).toEqual(["Design the data model"]);
    expect(result.added.map((c) => c.goldenName)).toEqual(["Learn canary deploys"]);
  });

  it("a golden step marked eliminated documents the removal and does not count as a golden step", () => {
    const result = compareJourneyPaths([
      ...steps,
      step("golden", "Ticket removed", 0, "extraneous", 1, {
        id: "g5",
        position: 4,
        counterpartStepId: "c2",
        outcome: "eliminated",
      }),
    ]);
    expect(result.golden.steps).toBe(4);
    expect(result.eliminated).toEqual([
      { currentStepId: "c2", currentName: "Ticket for CI", goldenStepId: null, goldenName: null },
    ]);
  });

  it("reports no share when the current path is empty, and a negative saving when golden is slower", () => {
    const result = compareJourneyPaths([step("golden", "New review", 20, "germane", 2)]);
    expect(result.timeSavedShare).toBeNull();
    expect(result.minutesSaved).toBe(-20);
    expect(result.extraneousLoadRemoved).toBe(0);
  });
});

describe("formatMinutes", () => {
  it("reads in minutes, hours and eight-hour working days", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(90)).toBe("1 h 30 min");
    expect(formatMinutes(1440)).toBe("3 d");
    expect(formatMinutes(-120)).toBe("−2 h");
  });
});
