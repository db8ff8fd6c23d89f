// Past survey results from a form tool's CSV export (Google Forms, Typeform, Culture Amp…), mapped
// column by column onto a survey's questions. Pure: the CSV's rows in, the rows as they will be stored
// (or every row's errors, named by line and column) out; the import stores all or nothing.
// Only mapped columns are read: a column left unmapped (names, emails, timestamps) is dropped here
// and never reaches the database.
import { parse } from "csv-parse/sync";
import type { QuestionKind } from "@/lib/surveys/constants";
import { displaySafe } from "@/lib/text/display-safe";
import { IMPORT_MAX_ROWS, LIKERT_LABELS, MAX_DISTINCT_VALUES, PREVIEW_ROWS, TEAM_COLUMN } from "./constants";

export type ImportQuestion = {
  key: string;
  kind: QuestionKind;
  prompt: string;
  options: { id: string; label: string }[] | null;
  maxLength: number | null;
};
export type ImportTeam = { id: string; name: string };
/** Column header → question key or TEAM_COLUMN; a column not named here is dropped. */
export type ColumnMapping = Record<string, string>;
/** Column header → a value as written in the file → a score, an option id, or null to leave it unanswered. */
export type ValueMapping = Record<string, Record<string, number | string | null>>;

export type ParsedCsv = { header: string[]; records: { line: number; cells: string[] }[] };
export type RowError = { line: number; column: string | null; message: string };
export type MappedAnswer = {
  questionKey: string;
  numberValue: number | null;
  choiceValues: string[] | null;
  textValue: string | null;
};
export type MappedRow = { teamId: string | null; answers: MappedAnswer[] };
export type ColumnValue = { raw: string; value: number | string | null; count: number; mapped: boolean };
export type ColumnPreview = { column: string; target: string | null; values: ColumnValue[]; moreValues: boolean };
export type MappedImport = { rows: MappedRow[]; errors: RowError[]; columns: ColumnPreview[] };

/** Reads a CSV with a header row; an unreadable file is one error on the line where reading stopped. */
export function readCsv(text: string): ParsedCsv | RowError {
  try {
    const rows = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    if (rows.length === 0) return { line: 1, column: null, message: "The file is empty" };
    if (rows.length - 1 > IMPORT_MAX_ROWS)
      return { line: 1, column: null, message: `At most ${IMPORT_MAX_ROWS} rows per import` };
    const header = rows[0].record.map((h) => displaySafe(h).trim());
    const seen = new Set<string>();
    for (const h of header) {
      if (!h) return { line: 1, column: null, message: "Every column needs a name in the first row" };
      if (seen.has(h)) return { line: 1, column: h, message: "Two columns share this name" };
      seen.add(h);
    }
    return { header, records: rows.slice(1).map((r) => ({ line: r.info.lines, cells: r.record })) };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { line, column: null, message: "The file is not readable as CSV (check quotes and the number of columns)" };
  }
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** A first guess at the mapping: a column named like a question's key or prompt, and a "team" column. Nothing else. */
export function suggestColumns(header: string[], questions: ImportQuestion[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const column of header) {
    const name = normalise(column);
    if (["team", "team name", "squad", "group"].includes(name)) {
      if (!taken.has(TEAM_COLUMN)) mapping[column] = TEAM_COLUMN;
      taken.add(TEAM_COLUMN);
      continue;
    }
    const q = questions.find((q) => !taken.has(q.key) && (normalise(q.key) === name || normalise(q.prompt) === name));
    if (q) {
      mapping[column] = q.key;
      taken.add(q.key);
    }
  }
  return mapping;
}

/** The value a cell stands for without an editor's mapping; undefined when it needs one. */
export function suggestValue(question: ImportQuestion, raw: string): number | string | null | undefined {
  const text = raw.trim();
  if (question.kind === "likert" || question.kind === "nps") {
    const max = question.kind === "likert" ? 5 : 10;
    const min = question.kind === "likert" ? 1 : 0;
    // "9", "9 - very likely", "4 (Agree)": a leading whole number is the score.
    const lead = /^(\d{1,2})(?!\d)(?![.,]\d)/.exec(text);
    if (lead) {
      const n = Number(lead[1]);
      return n >= min && n <= max ? n : undefined;
    }
    return question.kind === "likert" ? LIKERT_LABELS[normalise(text)] : undefined;
  }
  if (question.kind === "single_choice" || question.kind === "multiple_choice") {
    const wanted = normalise(text);
    return (question.options ?? []).find((o) => normalise(o.label) === wanted || o.id === text)?.id;
  }
  return text;
}

/** A multiple-choice cell's parts: "Docker; Kubernetes" or Google Forms' "Docker, Kubernetes" (unless the whole cell is one option). */
export function splitChoices(question: ImportQuestion, raw: string): string[] {
  if (suggestValue(question, raw) !== undefined) return [raw.trim()];
  return raw
    .split(raw.includes(";") ? ";" : ",")
    .map((p) => p.trim())
    .filter(Boolean);
}

function describeAllowed(q: ImportQuestion): string {
  if (q.kind === "likert") return "a score from 1 to 5 or a label such as Strongly agree";
  if (q.kind === "nps") return "a whole number from 0 to 10";
  return `one of the options: ${(q.options ?? []).map((o) => o.label).join(", ")}`;
}

function valueAllowed(q: ImportQuestion, value: number | string): boolean {
  if (q.kind === "likert") return Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 5;
  if (q.kind === "nps") return Number.isInteger(value) && Number(value) >= 0 && Number(value) <= 10;
  return (q.options ?? []).some((o) => o.id === value);
}

/**
 * Maps every record onto the questions. `values` overrides the suggested value of a label per column
 * (keys are the labels as written, trimmed). Errors name the line and the column.
 */
export function mapSurveyRows(input: {
  csv: ParsedCsv;
  columns: ColumnMapping;
  values?: ValueMapping;
  questions: ImportQuestion[];
  teams: ImportTeam[];
}): MappedImport {
  const { csv, columns, questions, teams } = input;
  const values = input.values ?? {};
  const errors: RowError[] = [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const teamByName = new Map(teams.map((t) => [normalise(t.name), t.id]));
  const mapped: { index: number; column: string; target: string; question: ImportQuestion | null }[] = [];
  const targets = new Set<string>();
  csv.header.forEach((column, index) => {
    const target = columns[column];
    if (!target) return;
    const question = target === TEAM_COLUMN ? null : (byKey.get(target) ?? null);
    if (target !== TEAM_COLUMN && !question)
      errors.push({ line: 1, column, message: "Mapped to a question the survey does not have" });
    else if (targets.has(target))
      errors.push({ line: 1, column, message: "Another column is mapped to the same question" });
    else mapped.push({ index, column, target, question });
    targets.add(target);
  });
  for (const column of Object.keys(columns))
    if (!csv.header.includes(column)) errors.push({ line: 1, column, message: "The file has no such column" });
  if (mapped.every((m) => m.question === null))
    errors.push({ line: 1, column: null, message: "Map at least one column to a question" });

  const tallies = new Map<string, Map<string, number>>(mapped.map((m) => [m.column, new Map()]));
  const resolve = (m: (typeof mapped)[number], raw: string) => {
    const tally = tallies.get(m.column)!;
    tally.set(raw, (tally.get(raw) ?? 0) + 1);
    const given = values[m.column];
    return given && raw in given ? given[raw] : suggestValue(m.question!, raw);
  };

  const rows: MappedRow[] = [];
  for (const { line, cells } of csv.records) {
    const row: MappedRow = { teamId: null, answers: [] };
    const before = errors.length;
    for (const m of mapped) {
      const raw = (cells[m.index] ?? "").trim();
      if (!raw) continue;
      const fail = (message: string) => errors.push({ line, column: m.column, message });
      if (!m.question) {
        const teamId = teamByName.get(normalise(raw));
        if (teamId) row.teamId = teamId;
        else fail(`No team is named “${displaySafe(raw).slice(0, 80)}”`);
        continue;
      }
      const q = m.question;
      const answer: MappedAnswer = { questionKey: q.key, numberValue: null, choiceValues: null, textValue: null };
      if (q.kind === "free_text") {
        const text = displaySafe(raw);
        if (q.maxLength && text.length > q.maxLength) fail(`Longer than the question's ${q.maxLength} characters`);
        answer.textValue = text;
      } else if (q.kind === "multiple_choice") {
        const ids: string[] = [];
        for (const part of splitChoices(q, raw)) {
          const value = resolve(m, part);
          if (value === null) continue;
          if (value === undefined || !valueAllowed(q, value))
            fail(`“${displaySafe(part).slice(0, 80)}” is not ${describeAllowed(q)}`);
          else if (!ids.includes(String(value))) ids.push(String(value));
        }
        if (ids.length === 0) continue;
        answer.choiceValues = ids;
      } else {
        const value = resolve(m, raw);
        if (value === null) continue;
        if (value === undefined || !valueAllowed(q, value)) {
          fail(`“${displaySafe(raw).slice(0, 80)}” is not ${describeAllowed(q)}`);
          continue;
        }
        if (q.kind === "single_choice") answer.choiceValues = [String(value)];
        else answer.numberValue = Number(value);
      }
      row.answers.push(answer);
    }
    if (errors.length === before && row.answers.length === 0)
      errors.push({ line, column: null, message: "The row answers none of the mapped questions" });
    if (errors.length === before) rows.push(row);
  }

  const previews: ColumnPreview[] = csv.header.map((column) => {
    const m = mapped.find((x) => x.column === column);
    if (!m || !m.question || m.question.kind === "free_text")
      return { column, target: columns[column] ?? null, values: [], moreValues: false };
    const tally = [...tallies.get(column)!.entries()].sort((a, b) => b[1] - a[1]);
    return {
      column,
      target: m.target,
      moreValues: tally.length > MAX_DISTINCT_VALUES,
      values: tally.slice(0, MAX_DISTINCT_VALUES).map(([raw, count]) => {
        const given = values[column];
        const value = given && raw in given ? given[raw] : suggestValue(m.question!, raw);
        return { raw: displaySafe(raw), value: value ?? null, count, mapped: value !== undefined };
      }),
    };
  });
  return { rows, errors, columns: previews };
}

export const previewRows = (rows: MappedRow[]) => rows.slice(0, PREVIEW_ROWS);
