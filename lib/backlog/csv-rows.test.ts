import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvStream } from "@/lib/export/csv";
import { backlogCsvHeader, toBacklogCsvRow, toSubThemeCsvRow, type BacklogCsvItem } from "./csv-rows";
import type { BacklogSubTheme } from "./sub-theme-view";

const item: BacklogCsvItem = {
  rank: 1,
  label: "Slow CI",
  quadrant: "do_first",
  share: 0.23456,
  respondents: 42,
  impact: 0.71234,
  sentiment: -0.4567,
  effort: "M",
  status: "in_progress",
  owner: "Build team",
  terms: ["ci", "slow", "build", "cache", "queue", "minutes"],
  quotable: true,
  mentionRates: [
    { period: "2026-Q3", rate: 0.2 },
    { period: "2026-Q4", rate: null },
  ],
};

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("backlog CSV rows", () => {
  it("formats every column", () => {
    expect(toBacklogCsvRow(item, ["CI takes 40 minutes", "queue is slow"], 5)).toEqual([
      1,
      "Slow CI",
      "Do first",
      0.2346,
      42,
      0.712,
      -0.457,
      "M",
      "In progress",
      "Build team",
      "ci; slow; build; cache; queue",
      "CI takes 40 minutes | queue is slow",
      "2026-Q3: 20%; 2026-Q4: hidden",
      "theme",
      "",
    ]);
  });

  it("puts a sub-theme under its theme, its counts and quotes withheld when hidden", () => {
    const sub: BacklogSubTheme = {
      id: "00000000-0000-4000-8000-000000000001",
      label: "Cache misses",
      generatedLabel: "Cache misses",
      customLabel: null,
      terms: ["cache", "misses"],
      respondents: 12,
      answers: 14,
      share: 0.3,
      hidden: null,
      quotes: [{ id: "q", source: "survey", text: "the cache never hits", pinned: false, representative: true }],
    };
    const row = toSubThemeCsvRow({ rank: 3, label: "Slow CI" }, sub, { k: 5, population: 200 });
    expect(row).toHaveLength(backlogCsvHeader.length);
    expect(row).toEqual([
      3,
      "Cache misses",
      "",
      0.06,
      12,
      null,
      null,
      "",
      "",
      "",
      "cache; misses",
      "the cache never hits",
      "",
      "sub-theme",
      "Slow CI",
    ]);
    const hidden = toSubThemeCsvRow(
      { rank: 3, label: "Slow CI" },
      { ...sub, respondents: null, answers: null, share: null, hidden: "complement", quotes: [] },
      { k: 5, population: 200 },
    );
    expect(hidden[3]).toBeNull();
    expect(hidden[4]).toBe("hidden");
    expect(hidden[11]).toBe("[hidden: would reveal a smaller group]");
  });

  it("withholds quotes for a theme under k", () => {
    const row = toBacklogCsvRow({ ...item, quotable: false, respondents: 3 }, ["secret words"], 5);
    expect(row[11]).toBe("[hidden: fewer than 5 respondents]");
    expect(row.join()).not.toContain("secret words");
  });

  it("round-trips hostile PM text through the shared CSV stream and csv-parse", async () => {
    const hostile = { ...item, label: '=HYPERLINK("http://evil","x")', owner: "@admin", terms: ["-1+1"] };
    const csv = await text(
      csvStream(backlogCsvHeader, [toBacklogCsvRow(hostile, ["+cmd|' /C calc'!A0", 'a, "quoted"\nline'], 5)]),
    );
    const [header, row]: string[][] = parse(csv, { bom: true });
    expect(header).toEqual([...backlogCsvHeader]);
    expect(row[1]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(row[9]).toBe("'@admin");
    expect(row[10]).toBe("'-1+1");
    expect(row[11]).toBe(`'+cmd|' /C calc'!A0 | a, "quoted"\nline`);
    expect(row[6]).toBe("-0.457"); // numbers stay numbers
  });
});
