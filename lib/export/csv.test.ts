import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvResponse, csvStream, neutralizeCell } from "./csv";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

describe("neutralizeCell", () => {
  it("prefixes text that a spreadsheet would run as a formula", () => {
    for (const v of ["=SUM(A1:A9)", "+1+2", "-2+3", "@cmd", "\tx", "\rx"]) expect(neutralizeCell(v)).toBe(`'${v}`);
    expect(neutralizeCell("plain = text")).toBe("plain = text");
    expect(neutralizeCell("")).toBe("");
  });

  it("strips bidirectional and zero-width characters, before looking for a formula", () => {
    expect(neutralizeCell("Pay\u200Bments \u202Eexe.pdf")).toBe("Payments exe.pdf");
    expect(neutralizeCell("\u202E=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(neutralizeCell("\uFEFF@cmd")).toBe("'@cmd");
  });

  it("keeps numbers, booleans and empties as values", () => {
    expect(neutralizeCell(-12.5)).toBe("-12.5");
    expect(neutralizeCell(0)).toBe("0");
    expect(neutralizeCell(Number.NaN)).toBe("");
    expect(neutralizeCell(null)).toBe("");
    expect(neutralizeCell(undefined)).toBe("");
    expect(neutralizeCell(true)).toBe("true");
    expect(neutralizeCell(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
  });
});

describe("csvStream", () => {
  const tricky = [
    ["comma, inside", 'a "quoted" word', "line\nbreak", "naïve café ✓ 日本"],
    ['=HYPERLINK("http://evil")', "+cmd", "@SUM(1)", -3.25],
    ["\tTabbed", "\rReturn", null, true],
  ];

  it("starts with a UTF-8 BOM, uses CRLF and round-trips through csv-parse", async () => {
    const bytes = await readAll(csvStream(["a", "b", "c", "d"], tricky));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("\r\n");
    const parsed: string[][] = parse(text, { bom: true, relax_column_count: false });
    expect(parsed[0]).toEqual(["a", "b", "c", "d"]);
    expect(parsed[1]).toEqual(["comma, inside", 'a "quoted" word', "line\nbreak", "naïve café ✓ 日本"]);
    expect(parsed[2]).toEqual(['\'=HYPERLINK("http://evil")', "'+cmd", "'@SUM(1)", "-3.25"]);
    expect(parsed[3]).toEqual(["'\tTabbed", "'\rReturn", "", "true"]);
  });

  it("pulls rows from an async source, many of them", async () => {
    async function* rows() {
      for (let i = 0; i < 5000; i++) yield [i, `team ${i}`, i % 2 ? "-x" : "ok"];
    }
    const parsed: string[][] = parse((await readAll(csvStream(["i", "name", "v"], rows()))).toString("utf8"), {
      bom: true,
    });
    expect(parsed).toHaveLength(5001);
    expect(parsed[5000]).toEqual(["4999", "team 4999", "'-x"]);
  });

  it("fails the stream when the source fails", async () => {
    async function* rows() {
      yield [1];
      throw new Error("cursor lost");
    }
    await expect(readAll(csvStream(["i"], rows()))).rejects.toThrow();
  });

  it("makes a download response with a safe file name", async () => {
    const res = csvResponse('nps "trend"/2026', ["x"], [[1]]);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="nps-trend-2026.csv"');
    expect(parse(await res.text(), { bom: true })).toEqual([["x"], ["1"]]);
  });
});
