import { describe, expect, it } from "vitest";
import {
  alignReplacedSteps,
  compareJourneyPaths,
  computePathTotals,
  formatMinutes,
  minutesSavedFromTotals,
  type ComparableStep,
} from "./comparison";

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

  it("computes time saved, its share and the extraneous load removed from what the golden path decided", () => {
    const result = compareJourneyPaths(steps);
    expect(result.current).toMatchObject({ steps: 4, minutes: 1980, extraneousLoad: 10 });
    expect(result.golden).toMatchObject({ steps: 4, minutes: 285, extraneousLoad: 2 });
    // The CI ticket (1440 min, load 2) has no golden step yet: it stays as it is.
    expect(result.notDesigned).toMatchObject({ steps: 1, minutes: 1440, extraneousLoad: 2 });
    expect(result.minutesSaved).toBe(1980 - 285 - 1440);
    expect(result.timeSavedShare).toBeCloseTo(255 / 1980);
    expect(result.extraneousLoadRemoved).toBe(10 - 2 - 2);
  });

  it("lists what happened to each current step; a current step no golden step covers is not yet designed, not eliminated", () => {
    const result = compareJourneyPaths(steps);
    expect(result.eliminated).toEqual([]);
    expect(result.notDesignedSteps.map((c) => c.currentName)).toEqual(["Ticket for CI"]);
    expect(result.automated).toEqual([
      { currentStepId: "c3", currentName: "Write manifests", goldenStepId: "g2", goldenName: "Manifests generated" },
    ]);
    expect(result.abstracted.map((c) => c.goldenName)).toEqual(["Scaffold"]);
    expect(result.kept.map((c) => c.currentName)).toEqual(["Design the data model"]);
    expect(result.added.map((c) => c.goldenName)).toEqual(["Learn canary deploys"]);
  });

  it("adding a current step without deciding its fate does not change the time saved", () => {
    const before = compareJourneyPaths(steps);
    const after = compareJourneyPaths([
      ...steps,
      step("current", "Wait for a security review", 960, "extraneous", 3, { id: "c5", position: 4 }),
    ]);
    expect(after.minutesSaved).toBe(before.minutesSaved);
    expect(after.extraneousLoadRemoved).toBe(before.extraneousLoadRemoved);
    expect(after.timeSavedShare!).toBeLessThan(before.timeSavedShare!);
    expect(after.eliminated).toEqual([]);
    expect(after.notDesignedSteps.map((c) => c.currentName)).toContain("Wait for a security review");
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
    expect(result.notDesignedSteps).toEqual([]);
    expect(result.minutesSaved).toBe(1980 - 285);
    expect(result.extraneousLoadRemoved).toBe(8);
    expect(minutesSavedFromTotals({ currentMinutes: 1980, goldenMinutes: 285, notDesignedMinutes: 0 })).toBe(
      result.minutesSaved,
    );
  });

  it("reports no share when the current path is empty, and a negative saving when golden is slower", () => {
    const result = compareJourneyPaths([step("golden", "New review", 20, "germane", 2)]);
    expect(result.timeSavedShare).toBeNull();
    expect(result.minutesSaved).toBe(-20);
    expect(result.extraneousLoadRemoved).toBe(0);
  });
});

describe("alignReplacedSteps", () => {
  const c = (id: string, position: number) => step("current", id, 10, "intrinsic", 1, { id, position });
  const g = (id: string, position: number, extra: Partial<ComparableStep> = {}) =>
    step("golden", id, 10, "intrinsic", 1, { id, position, ...extra });
  const ids = (rows: ReturnType<typeof alignReplacedSteps<ComparableStep>>) =>
    rows.map((r) => `${r.current?.id ?? "-"}/${r.golden?.id ?? "-"}`);

  it("puts a golden step on the row of the current step it replaces, whatever their positions", () => {
    const rows = alignReplacedSteps([
      c("c1", 0),
      c("c2", 1),
      c("c3", 2),
      g("g1", 0, { counterpartStepId: "c1" }),
      g("g3", 1, { counterpartStepId: "c3" }),
      g("gx", 2, { counterpartStepId: "c2", outcome: "eliminated" }),
    ]);
    // Step 2 of the golden path replaces step 3 of the current one; the eliminated step has no partner.
    expect(ids(rows)).toEqual(["c1/g1", "c2/-", "c3/g3"]);
  });

  it("places new golden work after the golden step before it, and a second replacement after the first", () => {
    const rows = alignReplacedSteps([
      c("c1", 0),
      c("c2", 1),
      g("g1", 0, { counterpartStepId: "c1" }),
      g("new", 1),
      g("g2", 2, { counterpartStepId: "c2" }),
      g("g2b", 3, { counterpartStepId: "c2" }),
    ]);
    expect(ids(rows)).toEqual(["c1/g1", "-/new", "c2/g2", "-/g2b"]);
    expect(ids(alignReplacedSteps([g("first", 0), c("c1", 0)]))).toEqual(["-/first", "c1/-"]);
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
