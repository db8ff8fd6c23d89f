import { describe, expect, it } from "vitest";
import { findComplementLeak, hiddenMessage, suppressSmallGroups } from "./suppression";

type Row = { period: string; team: string; n: number; score: number | null };
const shape = (r: Row) => ({ n: r.n, score: r.score });

describe("suppressSmallGroups", () => {
  it("hides a group of k − 1 and strips all of its numbers", () => {
    const out = suppressSmallGroups<Row, "period" | "team", { n: number; score: number | null }>(
      [
        { period: "2026-Q1", team: "a", n: 5, score: 10 },
        { period: "2026-Q1", team: "b", n: 4, score: 99 },
      ],
      { k: 5, keys: ["period", "team"], shape },
    );
    expect(out[0]).toEqual({ period: "2026-Q1", team: "a", hidden: false, n: 5, score: 10 });
    expect(out[1]).toEqual({ period: "2026-Q1", team: "b", hidden: true, reason: "below_threshold" });
    expect(JSON.stringify(out[1])).not.toContain("99");
  });

  it("drops empty groups", () => {
    expect(suppressSmallGroups([{ period: "p", team: "a", n: 0, score: null }], { k: 5, keys: ["team"], shape })).toEqual([]);
  });

  it("hides the smallest visible group of a partition when the hidden ones add up to fewer than k", () => {
    const rows: Row[] = [
      { period: "Q1", team: "big", n: 40, score: 1 },
      { period: "Q1", team: "mid", n: 9, score: 2 },
      { period: "Q1", team: "tiny", n: 3, score: 3 },
      { period: "Q2", team: "big", n: 40, score: 1 },
      { period: "Q2", team: "mid", n: 9, score: 2 },
      { period: "Q2", team: "tiny", n: 3, score: 3 },
      { period: "Q2", team: "tiny2", n: 2, score: 3 },
    ];
    const out = suppressSmallGroups(rows, { k: 5, keys: ["period", "team"], partitionBy: ["period"], shape });
    const status = out.map((r) => `${r.period}/${r.team}:${r.hidden ? r.reason : "shown"}`);
    expect(status).toEqual([
      "Q1/big:shown",
      "Q1/mid:complement",
      "Q1/tiny:below_threshold",
      // Two small groups already add up to k: nothing else needs hiding.
      "Q2/big:shown",
      "Q2/mid:shown",
      "Q2/tiny:below_threshold",
      "Q2/tiny2:below_threshold",
    ]);
  });

  it("says why a group is hidden", () => {
    expect(hiddenMessage("below_threshold", 5)).toBe("Hidden: fewer than 5 responses");
    expect(hiddenMessage("complement", 3)).toContain("fewer than 3");
  });
});

describe("findComplementLeak", () => {
  it("refuses a filter whose leftover is between 1 and k − 1", () => {
    expect(findComplementLeak([{ label: "Q1", filtered: 20, supersets: [24] }], 5)?.label).toBe("Q1");
    expect(findComplementLeak([{ label: "Q1", filtered: 20, supersets: [25] }], 5)).toBeNull();
    expect(findComplementLeak([{ label: "Q1", filtered: 20, supersets: [20] }], 5)).toBeNull();
  });

  it("checks every broader view of a combined filter", () => {
    // team X on platform: 12; all of team X: 14 (2 were off platform that quarter) → refused
    expect(findComplementLeak([{ label: "Q2", filtered: 12, supersets: [80, 14, 40] }], 5)?.label).toBe("Q2");
  });

  it("ignores broader views that are themselves hidden", () => {
    expect(findComplementLeak([{ label: "Q1", filtered: 0, supersets: [50, 3] }], 5)).toBeNull();
  });
});

describe("NPS groups at the threshold", () => {
  const rows = [
    { period: "2026-Q1", n: 5, promoters: 5, passives: 0, detractors: 0 },
    { period: "2026-Q2", n: 4, promoters: 4, passives: 0, detractors: 0 },
  ];
  it("shows n = k and suppresses n = k − 1 without any of its counts", async () => {
    const { computeNps } = await import("./nps");
    const out = suppressSmallGroups(rows, { k: 5, keys: ["period"], shape: (r) => computeNps(r.promoters, r.passives, r.detractors)! });
    expect(out[0]).toMatchObject({ period: "2026-Q1", hidden: false, n: 5, score: 100, margin: 0 });
    expect(out[1]).toEqual({ period: "2026-Q2", hidden: true, reason: "below_threshold" });
  });
});
