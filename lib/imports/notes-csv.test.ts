import { describe, expect, it } from "vitest";
import { mapNoteRows } from "./notes-csv";
import { readCsv, type ParsedCsv } from "./survey-csv";

const teams = [{ id: "t-pay", name: "Payments" }];
const csv = (text: string) => readCsv(text) as ParsedCsv;

describe("support-channel CSV → feedback notes", () => {
  it("reads text, quarter, team and loop, defaulting the quarter and dropping other columns", () => {
    const out = mapNoteRows({
      csv: csv(
        'Asked by,Text,Team,Loop,Period\nana@x.example,"How do I see logs?",payments,OUTER,\nbo,Slow build,,,2026-Q1\n',
      ),
      teams,
      defaultPeriod: "2026-Q4",
    });
    expect(out.errors).toEqual([]);
    expect(out.rows).toEqual([
      { text: "How do I see logs?", period: "2026-Q4", teamId: "t-pay", loop: "outer" },
      { text: "Slow build", period: "2026-Q1", teamId: null, loop: null },
    ]);
  });
  it("names each problem by line and column, and needs a text column", () => {
    const out = mapNoteRows({
      csv: csv("text,period,team,loop\n,2026-Q5,Nowhere,middle\n"),
      teams,
      defaultPeriod: "2026-Q4",
    });
    expect(out.rows).toEqual([]);
    expect(out.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "text"],
      [2, "period"],
      [2, "team"],
      [2, "loop"],
    ]);
    expect(mapNoteRows({ csv: csv("question\nx\n"), teams, defaultPeriod: "2026-Q4" }).errors).toEqual([
      { line: 1, column: null, message: "Missing column text" },
    ]);
  });
});
