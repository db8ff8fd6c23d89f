import { describe, expect, it } from "vitest";
import { publishSurvey } from "@/lib/anonymity/surveys";
import {
  chooseQuarter,
  groupsByQuarter,
  isCollecting,
  liveProgress,
  publishedRows,
  quartersOf,
  surveyViewGroup,
} from "./groups";

const K = 5;
const survey = (id: string, period: string, status: string, cells: [string, number, "on" | "off" | "none"][]) =>
  publishSurvey(
    {
      surveyId: id,
      title: id,
      period,
      status,
      n: cells.reduce((sum, [, n]) => sum + n, 0),
      cells: cells.map(([cellId, n, adoption]) => ({ id: cellId, n, adoption })),
    },
    K,
  );

describe("surveyViewGroup (a survey's results and comments)", () => {
  const closed = survey("s1", "2026-Q1", "closed", [
    ["a", 8, "on"],
    ["b", 9, "off"],
    ["c", 7, "on"],
  ]);

  it("covers the cells of a shown group", () => {
    const group = surveyViewGroup(closed, { team: "a" }, "closed");
    expect(group).toEqual({ hidden: false, survey: closed, cells: new Set(["a"]), n: 8 });
  });

  it("reads as under k when a closed survey has no publication or nobody in the group, and as collecting while open", () => {
    expect(surveyViewGroup(null, {}, "closed")).toEqual({ hidden: true, reason: "below_threshold" });
    expect(surveyViewGroup(null, {}, "open")).toEqual({ hidden: true, reason: "collecting" });
    expect(surveyViewGroup(null, {}, undefined)).toEqual({ hidden: true, reason: "collecting" });
    // Team "b" is off the platform: asking for it among on-platform teams names nobody.
    expect(surveyViewGroup(closed, { team: "b", adoption: "on" }, "closed")).toEqual({
      hidden: true,
      reason: "below_threshold",
    });
  });

  it("keeps the publication's own reason for a hidden group", () => {
    const small = survey("s2", "2026-Q1", "closed", [
      ["a", 8, "on"],
      ["b", 2, "off"],
      ["c", 9, "on"],
    ]);
    expect(surveyViewGroup(small, { team: "b" }, "closed")).toEqual({ hidden: true, reason: "below_threshold" });
    const open = survey("s3", "2026-Q2", "open", [["a", 20, "on"]]);
    expect(surveyViewGroup(open, {}, "open")).toEqual({ hidden: true, reason: "collecting" });
  });
});

describe("quarters", () => {
  const q1 = survey("q1", "2026-Q1", "closed", [["a", 10, "on"]]);
  const q2 = survey("q2", "2026-Q2", "open", [["a", 10, "on"]]);
  const quarters = quartersOf([q2, q1]);

  it("orders quarters and picks the latest published one unless another is asked for", () => {
    expect(quarters.map((q) => q.period)).toEqual(["2026-Q1", "2026-Q2"]);
    expect(chooseQuarter(quarters, undefined)?.period).toBe("2026-Q1");
    expect(chooseQuarter(quarters, "2026-Q2")?.period).toBe("2026-Q2");
  });

  it("shows a quarter still collecting as such and leaves out one that never asks the figure", () => {
    const groups = groupsByQuarter(quarters, {}, new Set(["q1"]));
    expect(groups.map((g) => [g.period, g.group.hidden])).toEqual([
      ["2026-Q1", false],
      ["2026-Q2", true],
    ]);
    expect(groupsByQuarter([quarters[0]], {}, new Set())).toEqual([]);
  });

  it("keeps an aggregate's rows of closed surveys only, when they were read over the whole range", () => {
    const rows = [
      { survey_id: "q1", cell: "a" },
      { survey_id: "q2", cell: "a" },
      { survey_id: "elsewhere", cell: "a" },
    ];
    expect(publishedRows(quarters, rows)).toEqual([{ survey_id: "q1", cell: "a" }]);
  });
});

describe("a new quarter still collecting (finding 1 of issue 13)", () => {
  const q4 = survey("q4", "2026-Q4", "closed", [
    ["a", 40, "on"],
    ["b", 30, "off"],
  ]);
  const live = survey("q1", "2027-Q1", "open", [
    ["a", 4, "on"],
    ["b", 3, "off"],
  ]);
  // A pulse opened and closed before anyone answered it: it publishes nothing.
  const emptyPulse = survey("p1", "2027-Q1", "closed", []);
  const quarters = quartersOf([q4, live, emptyPulse]);

  it("is never the default quarter, even beside a closed survey nobody answered", () => {
    expect(isCollecting(quarters[1])).toBe(true);
    expect(chooseQuarter(quarters, undefined, K)?.period).toBe("2026-Q4");
  });

  it("prefers the latest quarter with at least k answers over a closed one with fewer", () => {
    const tiny = survey("t", "2027-Q2", "closed", [["a", 3, "on"]]);
    expect(chooseQuarter(quartersOf([q4, tiny]), undefined, K)?.period).toBe("2026-Q4");
    expect(chooseQuarter(quartersOf([q4, tiny]), "2027-Q2", K)?.period).toBe("2027-Q2");
  });

  it("ends trends at the last closed quarter and marks the live one as collecting", () => {
    const groups = groupsByQuarter(quarters, {}, new Set(["q4", "q1"]));
    expect(groups.map((g) => [g.period, g.group.hidden && g.group.reason])).toEqual([
      ["2026-Q4", false],
      ["2027-Q1", "collecting"],
    ]);
  });

  it("counts live progress in steps of k and never under k", () => {
    expect(liveProgress(quarters[1], {}, K)).toEqual({ period: "2027-Q1", title: "q1", responses: 5, byGroup: false });
    // Live counts are for the whole survey only: a group's could be subtracted from another (attack 8).
    expect(liveProgress(quarters[1], { team: "a" }, K)).toMatchObject({ responses: null, byGroup: true });
    expect(liveProgress(quarters[1], { adoption: "off" }, K)?.responses).toBeNull();
    expect(liveProgress(quarters[0], {}, K)).toBeNull();
  });
});
