import { describe, expect, it } from "vitest";
import { toThemeEvidence } from "./evidence";

const theme = { id: "t1", label: "Slow CI" };

describe("toThemeEvidence", () => {
  it("shows nothing about a theme traced to fewer than k people", () => {
    const rows = [{ period: "2026-Q1", respondents: 4, population: 100 }];
    expect(toThemeEvidence(theme, rows, 5)).toEqual({
      backlogItemId: "t1",
      label: "Slow CI",
      hidden: true,
      respondents: null,
      population: null,
      share: null,
      trend: [],
      quotes: [],
    });
  });

  it("shows the share over the scope and hides each quarter whose mentioners or population is under k", () => {
    const rows = [
      { period: "2026-Q1", respondents: 6, population: 30 },
      { period: "2026-Q2", respondents: 3, population: 40 },
      { period: "2026-Q3", respondents: 0, population: 4 },
    ];
    const evidence = toThemeEvidence(theme, rows, 5);
    expect(evidence).toMatchObject({ hidden: false, respondents: 9, population: 74, share: 9 / 74 });
    expect(evidence.trend).toEqual([
      { period: "2026-Q1", hidden: false, share: 0.2 },
      { period: "2026-Q2", hidden: true, share: null },
      { period: "2026-Q3", hidden: true, share: null },
    ]);
  });

  it("has no share without a population", () => {
    expect(toThemeEvidence(theme, [{ period: "2026-Q1", respondents: 5, population: 0 }], 5)).toMatchObject({
      population: null,
      share: null,
    });
  });
});
