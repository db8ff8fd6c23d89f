// A CSV of support-channel questions → feedback notes, or every row's errors by line and column. Pure;
// the import stores all or nothing. Columns: text (required), period, team, loop; others are dropped.
import { isPeriod } from "@/lib/period";
import { displaySafe } from "@/lib/text/display-safe";
import { DEV_LOOPS, type DevLoop } from "./constants";
import type { ImportTeam, ParsedCsv, RowError } from "./survey-csv";

export type NoteRow = { text: string; period: string; teamId: string | null; loop: DevLoop | null };

export function mapNoteRows(input: { csv: ParsedCsv; teams: ImportTeam[]; defaultPeriod: string }) {
  const { csv, teams } = input;
  const errors: RowError[] = [];
  const rows: NoteRow[] = [];
  const at = (name: string) => csv.header.findIndex((h) => h.trim().toLowerCase() === name);
  const col = { text: at("text"), period: at("period"), team: at("team"), loop: at("loop") };
  if (col.text < 0) return { rows, errors: [{ line: 1, column: null, message: "Missing column text" }] };
  const teamByName = new Map(teams.map((t) => [t.name.trim().toLowerCase(), t.id]));
  for (const { line, cells } of csv.records) {
    const cell = (i: number) => (i < 0 ? "" : (cells[i] ?? "").trim());
    const before = errors.length;
    const fail = (column: string, message: string) =>
      errors.push({ line, column: csv.header[col[column as keyof typeof col]] ?? column, message });
    const text = displaySafe(cell(col.text));
    if (!text) fail("text", "text is empty");
    else if (text.length > 2000) fail("text", "Longer than 2000 characters");
    const period = cell(col.period) || input.defaultPeriod;
    if (!isPeriod(period)) fail("period", "period must be a quarter such as 2026-Q2");
    const teamName = cell(col.team);
    const teamId = teamName ? (teamByName.get(teamName.toLowerCase()) ?? null) : null;
    if (teamName && !teamId) fail("team", `No team is named “${displaySafe(teamName).slice(0, 80)}”`);
    const loopText = cell(col.loop).toLowerCase();
    const loop = (DEV_LOOPS as readonly string[]).includes(loopText) ? (loopText as DevLoop) : null;
    if (loopText && !loop) fail("loop", "loop must be inner, outer or empty");
    if (errors.length === before) rows.push({ text, period, teamId, loop });
  }
  return { rows, errors };
}
