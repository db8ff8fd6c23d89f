// CSV export shared by every table in the app (analytics trends, the backlog): UTF-8 with a BOM so
// spreadsheets detect the encoding, CRLF lines, streamed, and safe against formula injection and
// bidirectional or zero-width characters (lib/text/display-safe.ts).
import { once } from "node:events";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { displaySafe } from "@/lib/text/display-safe";

export type CsvCell = string | number | boolean | null | undefined | Date;
export type CsvRows = Iterable<CsvCell[]> | AsyncIterable<CsvCell[]>;

// A spreadsheet treats text starting with these as a formula (or, for tab/CR, may shift it into one).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that could run as a formula gets a leading apostrophe, which spreadsheets show as plain text
 * (OWASP's advice). Numbers stay numbers: −12.5 is a value, not a formula, and must stay sortable.
 */
export function neutralizeCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  // Bidirectional and zero-width characters go first: "\u202E=cmd" must be seen as starting with "=".
  const text = displaySafe(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Streams rows as CSV; rows may come from an async source (a cursor) and are pulled as the client reads. */
export function csvStream(header: readonly string[], rows: CsvRows): ReadableStream<Uint8Array> {
  const stringifier = stringify({ bom: true, record_delimiter: "windows" });
  const pump = async () => {
    try {
      const writeRow = async (cells: CsvCell[]) => {
        if (!stringifier.write(cells.map(neutralizeCell))) await once(stringifier, "drain");
      };
      await writeRow([...header]);
      for await (const row of rows as AsyncIterable<CsvCell[]>) await writeRow(row);
      stringifier.end();
    } catch (error) {
      stringifier.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
  void pump();
  return Readable.toWeb(stringifier) as unknown as ReadableStream<Uint8Array>;
}

/** A download response: `attachment` with a safe ASCII file name. */
export function csvResponse(filename: string, header: readonly string[], rows: CsvRows): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "export";
  return new Response(csvStream(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safe.endsWith(".csv") ? safe : `${safe}.csv`}"`,
      "Cache-Control": "no-store",
    },
  });
}
