import { describe, expect, it } from "vitest";
import { byDimensionOrder, doraOf, npsOf, scoresOf } from "./cell-sums";
import type { ShownGroup } from "./groups";

const group = (surveyId: string, cells: string[]): ShownGroup =>
  ({ hidden: false, survey: { surveyId }, cells: new Set(cells), n: 0 }) as unknown as ShownGroup;

describe("sums over a group's cells", () => {
  it("adds NPS buckets of the group's cells in its own survey only", () => {
    const rows = [
      { survey_id: "s1", cell: "a", key: "nps", promoters: 4, passives: 1, detractors: 0 },
      { survey_id: "s1", cell: "b", key: "nps", promoters: 0, passives: 0, detractors: 5 },
      { survey_id: "s2", cell: "a", key: "nps", promoters: 100, passives: 0, detractors: 0 },
    ];
    expect(npsOf(rows, group("s1", ["a"]))?.score).toBe(80);
    expect(npsOf(rows, group("s1", ["a", "b"]))?.score).toBeCloseTo(-10, 10);
  });

  it("scores a dimension over every answer to its questions, n being the best-answered question", () => {
    const row = (cell: string, key: string, answers: number, total: number, squares: number, favorable: number) => ({
      survey_id: "s1",
      cell,
      key,
      dimension: "space.satisfaction",
      answers,
      total,
      squares,
      favorable,
    });
    // Key q1: answers 4,4,4,4 in cell a and 2,2 in cell b; key q2: 5,5 in cell a.
    const rows = [row("a", "q1", 4, 16, 64, 4), row("b", "q1", 2, 4, 8, 0), row("a", "q2", 2, 10, 50, 2)];
    const stats = scoresOf(rows, group("s1", ["a", "b"])).get("space.satisfaction")!;
    expect(stats.n).toBe(6);
    expect(stats.mean).toBeCloseTo(30 / 8, 10);
    expect(stats.favorablePct).toBeCloseTo(75, 10);
  });

  it("takes the median DORA band of the group's answers", () => {
    const rows = [
      { survey_id: "s1", cell: "a", metric: "dora.lead_time", elite: 1, high: 1, medium: 3, low: 0 },
      { survey_id: "s1", cell: "b", metric: "dora.lead_time", elite: 0, high: 0, medium: 0, low: 9 },
    ];
    expect(doraOf(rows, group("s1", ["a"])).get("dora.lead_time")).toMatchObject({ n: 5, median: "medium" });
  });

  it("orders dimensions SPACE, DevEx, custom, DORA", () => {
    expect(["dora.x", "custom.ci", "space.b", "devex.flow", "space.a"].sort(byDimensionOrder)).toEqual([
      "space.a",
      "space.b",
      "devex.flow",
      "custom.ci",
      "dora.x",
    ]);
  });
});
