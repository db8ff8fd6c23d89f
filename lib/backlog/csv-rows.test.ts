import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvStream } from "@/lib/export/csv";
import { backlogCsvHeader, toBacklogCsvRow, type BacklogCsvItem } from "./csv-rows";

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
    ]);
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
