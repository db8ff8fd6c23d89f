import { z } from "zod";

// Reading a distribution list as people paste it or export it from a spreadsheet: one person a line,
// either a bare address, "Name <address>", or a CSV/TSV row in which exactly one cell is an address.
// A first line without any address that names an email column is a header and is skipped.

/** Large enough for any engineering org; a list is one request and one transaction. */
export const MAX_LIST_PEOPLE = 5000;
export const MAX_LIST_CHARS = 500_000;

const emailSchema = z.email();

export type InvalidLine = { line: number; text: string; reason: string };
export type ParsedEmailList = {
  /** In the order first seen, with the spelling first seen. */
  emails: string[];
  /** Lines naming an address already on the list (compared case-insensitively). */
  duplicates: number;
  invalid: InvalidLine[];
};

const unquote = (cell: string) =>
  cell
    .trim()
    .replace(/^"(.*)"$/s, "$1")
    .replace(/""/g, '"')
    .trim();

/** The address a line names, "" for a line with none that could be a header, or an error. */
function addressOf(line: string): { email: string } | { reason: string } {
  const cells = line.split(/[,;\t]/).map(unquote);
  const candidates = cells
    .map((cell) => /<([^<>]+)>/.exec(cell)?.[1]?.trim() ?? cell)
    .filter((cell) => cell.includes("@"));
  if (candidates.length === 0) return { reason: "no email address" };
  if (candidates.length > 1) return { reason: "more than one email address" };
  const email = candidates[0];
  return emailSchema.safeParse(email).success ? { email } : { reason: "not a valid email address" };
}

const looksLikeHeader = (line: string) => /e-?mail/i.test(line) && !line.includes("@");

export function parseEmailList(text: string): ParsedEmailList {
  const seen = new Set<string>();
  const result: ParsedEmailList = { emails: [], duplicates: 0, invalid: [] };
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const firstContentLine = lines.findIndex((l) => l.trim() !== "");
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    if (index === firstContentLine && looksLikeHeader(line)) return;
    const read = addressOf(line);
    if ("reason" in read) {
      result.invalid.push({ line: index + 1, text: line.slice(0, 80), reason: read.reason });
      return;
    }
    const key = read.email.toLowerCase();
    if (seen.has(key)) result.duplicates += 1;
    else {
      seen.add(key);
      result.emails.push(read.email);
    }
  });
  return result;
}

/** "42 people, 3 duplicates merged" */
export function describeListCount({ people, duplicates }: { people: number; duplicates: number }): string {
  const who = `${people} ${people === 1 ? "person" : "people"}`;
  return duplicates ? `${who}, ${duplicates} ${duplicates === 1 ? "duplicate" : "duplicates"} merged` : who;
}

/** One sentence per refused line, for the form and the API's field errors. */
export const describeInvalidLine = ({ line, text, reason }: InvalidLine) => `Line ${line}: “${text}” — ${reason}`;
