import { describe, expect, it } from "vitest";
import { npsTable, teamsTable } from "./export-rows";
import { computeNps, npsChange } from "./nps";
import type { NpsTrend, TeamComparison } from "./types";

describe("CSV tables", () => {
  it("keeps hidden quarters as rows without numbers", () => {
    const q1 = computeNps(10, 5, 5)!;
    const q3 = computeNps(12, 4, 4)!;
    const trend: NpsTrend = {
      k: 5,
      key: "platform_nps",
      points: [
        { period: "2026-Q1", hidden: false, ...q1 },
        { period: "2026-Q2", hidden: true, reason: "below_threshold" },
        { period: "2026-Q3", hidden: false, ...q3 },
      ],
      changes: [],
      collecting: [],
    };
    const t = npsTable(trend);
    expect(t.rows[0].slice(0, 7)).toEqual(["2026-Q1", "shown", 20, 10, 5, 5, 25]);
    expect(t.rows[1]).toEqual([
      "2026-Q2",
      "Hidden: fewer than 5 responses",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const withChange = npsTable({ ...trend, changes: [{ from: "2026-Q1", to: "2026-Q3", ...npsChange(q1, q3) }] });
    expect(withChange.rows[2].slice(-4)).toEqual([15, expect.any(Number), expect.any(Number), true]);
  });

  it("writes a hidden team's measures as a note", () => {
    const data: TeamComparison = {
      k: 5,
      period: "2026-Q4",
      dimensions: [{ key: "space.satisfaction", name: "Satisfaction" }],
      teams: [
        {
          teamId: "t1",
          name: "Tiny",
          headcount: 4,
          onPlatform: false,
          responses: { hidden: true, reason: "below_threshold" },
          hiddenWhy: { reason: "below_threshold", protects: [] },
          nps: { hidden: true, reason: "below_threshold" },
          scores: { "space.satisfaction": { hidden: true, reason: "complement" } },
        },
      ],
      benchmarks: {},
    };
    const [row] = teamsTable(data).rows;
    expect(row).toEqual([
      "2026-Q4",
      "Tiny",
      false,
      4,
      "Hidden: fewer than 5 responses",
      null,
      "Hidden: fewer than 5 responses",
      null,
      null,
      "Hidden to protect a smaller group (fewer than 5) that could otherwise be worked out by subtraction",
    ]);
  });
});
