import { describe, expect, it } from "vitest";
import type { Cell } from "@/lib/anonymity/model";
import { publishSurvey, type SurveyPublication } from "@/lib/anonymity/surveys";
import { quartersOf } from "./groups";
import {
  describeLine,
  describeOption,
  describeWayOut,
  explainHidden,
  filterOptions,
  rangeNotice,
  surveyNotice,
  widerGroup,
} from "./suppression-notice";

const K = 5;
const survey = (period: string, cells: Cell[], status = "closed"): SurveyPublication =>
  publishSurvey(
    {
      surveyId: `s-${period}-${status}`,
      title: `DX ${period}`,
      period,
      status,
      n: cells.reduce((sum, c) => sum + c.n, 0),
      cells,
    },
    K,
  );
const names: Record<string, string> = {
  dp: "Data Platform",
  id: "Identity",
  gr: "Growth",
  pay: "Payments",
  "": "answers without a team",
};
const nameOf = (id: string) => names[id] ?? id;

// The finding: Data Platform answered 6 times, one more person answered without a team.
const sixAndOne = survey("2026-Q3", [
  { id: "dp", n: 6, adoption: "on" },
  { id: "", n: 1, adoption: "none" },
]);
// The demo's 2026-Q3: Identity under k, Growth hidden with it, both off the platform.
const demoQ3 = survey("2026-Q3", [
  { id: "pay", n: 17, adoption: "on" },
  { id: "gr", n: 12, adoption: "off" },
  { id: "id", n: 3, adoption: "off" },
]);
const demoQ2 = survey("2026-Q2", [
  { id: "pay", n: 15, adoption: "on" },
  { id: "gr", n: 18, adoption: "off" },
  { id: "id", n: 5, adoption: "off" },
]);

describe("explainHidden", () => {
  it("names the group a team of 6 is hidden to protect, instead of calling it small", () => {
    expect(explainHidden(sixAndOne, { team: "dp" })).toEqual({ reason: "complement", protects: [""] });
    const line = describeLine("Data Platform", { periods: [], reason: "complement", protects: [""] }, K, nameOf);
    expect(line).toMatch(/^Data Platform is hidden to protect answers without a team \(fewer than 5\)/);
  });

  it("finds the protected cell in the adoption group a reader would subtract from", () => {
    expect(explainHidden(demoQ3, { team: "gr" })).toEqual({ reason: "complement", protects: ["id"] });
    expect(explainHidden(demoQ3, { team: "id" })).toEqual({ reason: "below_threshold", protects: [] });
    expect(explainHidden(demoQ3, { team: "pay" })).toBeNull();
  });

  it("says collecting for an open survey, whatever the group", () => {
    const open = survey("2026-Q4", [{ id: "pay", n: 12, adoption: "on" }], "open");
    expect(explainHidden(open, { team: "pay" })).toEqual({ reason: "collecting", protects: [] });
  });
});

describe("ways out", () => {
  it("offers the adoption group that shows a hidden team together with the team it protects", () => {
    expect(widerGroup(demoQ3, { team: "gr" })).toEqual({ kind: "group", team: null, adoption: "off" });
    expect(describeWayOut({ kind: "group", team: null, adoption: "off" }, nameOf)).toBe(
      "Show Not on the platform instead",
    );
  });

  it("falls back to everyone when the team has no adoption group of its own", () => {
    expect(widerGroup(sixAndOne, { team: "dp" })).toEqual({ kind: "group", team: null, adoption: null });
    expect(describeWayOut({ kind: "group", team: null, adoption: null }, nameOf)).toBe("Show all teams instead");
  });

  it("a survey view's notice offers no wider group while the survey collects", () => {
    const open = survey("2026-Q4", [{ id: "pay", n: 12, adoption: "on" }], "open");
    expect(surveyNotice(open, { team: "pay" })).toEqual({
      lines: [{ periods: [], reason: "collecting", protects: [] }],
      nothingShown: true,
      wayOuts: [],
    });
    expect(surveyNotice(demoQ3, { team: "pay" })).toBeNull();
  });
});

describe("rangeNotice", () => {
  const q4 = survey("2026-Q4", [{ id: "pay", n: 20, adoption: "on" }], "open");
  const every = quartersOf([demoQ2, demoQ3, q4]);

  it("when nothing in the range is shown, narrows to the quarters that are", () => {
    const notice = rangeNotice(every.slice(1), every, { team: "id" })!;
    expect(notice.nothingShown).toBe(true);
    expect(notice.lines).toEqual([
      { periods: ["2026-Q3"], reason: "below_threshold", protects: [] },
      { periods: ["2026-Q4"], reason: "collecting", protects: [] },
    ]);
    expect(notice.wayOuts[0]).toEqual({ kind: "range", from: "2026-Q2", to: "2026-Q2" });
    expect(notice.wayOuts[1]).toEqual({ kind: "group", team: null, adoption: "off" });
  });

  it("when some quarters are shown, lists the hidden ones and leaves collecting to the trend's own note", () => {
    const notice = rangeNotice(every, every, { team: "gr" })!;
    expect(notice.nothingShown).toBe(false);
    expect(notice.lines).toEqual([{ periods: ["2026-Q3"], reason: "complement", protects: ["id"] }]);
    expect(notice.wayOuts).toEqual([]);
    expect(rangeNotice(every, every, { adoption: "on" })).toBeNull();
  });

  it("a range that is only collecting points back to the closed quarters", () => {
    const notice = rangeNotice(every.slice(2), every, { adoption: "on" })!;
    expect(notice.lines).toEqual([{ periods: ["2026-Q4"], reason: "collecting", protects: [] }]);
    expect(describeWayOut(notice.wayOuts[0], nameOf)).toBe("Show 2026-Q2 to 2026-Q3 instead");
  });
});

describe("filterOptions", () => {
  it("disables choices that show nothing in any survey, with their reason", () => {
    const options = filterOptions([demoQ3], ["pay", "gr", "id"], {});
    expect(options.teams.map((o) => [o.value, o.available, o.reason])).toEqual([
      ["pay", true, null],
      ["gr", false, "complement"],
      ["id", false, "below_threshold"],
    ]);
    expect(describeOption(options.teams[1], K)).toBe("hidden to protect a smaller group");
    expect(describeOption(options.teams[2], K)).toBe("hidden: fewer than 5 answers");
  });

  it("keeps a team available when any quarter shows it, and marks teams outside the platform group empty", () => {
    const options = filterOptions([demoQ2, demoQ3], ["pay", "gr", "id"], { adoption: "on" });
    expect(options.teams.map((o) => [o.value, o.available, o.reason])).toEqual([
      ["pay", true, null],
      ["gr", false, "empty"],
      ["id", false, "empty"],
    ]);
    expect(filterOptions([demoQ2, demoQ3], ["id"], {}).teams[0].available).toBe(true);
  });
});

describe("wording", () => {
  it("never gives a count for a hidden group beyond its published reason", () => {
    const lines = [
      describeLine("Growth", { periods: ["2026-Q3"], reason: "complement", protects: ["id"] }, K, nameOf),
      describeLine("Identity", { periods: ["2026-Q3"], reason: "below_threshold", protects: [] }, K, nameOf),
    ];
    expect(lines[0]).toBe(
      "Growth is hidden in 2026-Q3 to protect Identity (fewer than 5), who could otherwise be worked out by subtracting Growth from a total that is shown.",
    );
    expect(lines[1]).toBe("Identity is hidden in 2026-Q3: fewer than 5 people answered from it.");
    for (const line of lines) expect(line.replace(/2026-Q3|fewer than 5/g, "")).not.toMatch(/\d/);
  });
});
