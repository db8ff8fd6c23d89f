// The imports domain's enums, labels and limits, free of drizzle so client components import them too.
// lib/db/schema/imports.ts builds its PostgreSQL enums from these lists.

/** Where an editor's feedback note came from. */
export const NOTE_SOURCES = ["interview", "shadowing", "office_hours", "support"] as const;
export type NoteSource = (typeof NOTE_SOURCES)[number];
export const noteSourceLabels: Record<NoteSource, string> = {
  interview: "Interview",
  shadowing: "Shadowing",
  office_hours: "Office hours",
  support: "Support channel",
};

/** Inner loop: write, build, test, debug locally. Outer loop: CI, review, deploy, monitor. */
export const DEV_LOOPS = ["inner", "outer"] as const;
export type DevLoop = (typeof DEV_LOOPS)[number];
export const devLoopLabels: Record<DevLoop, string> = { inner: "Inner loop", outer: "Outer loop" };

/** A CSV import's cap: about 20,000 rows of a dozen answers fit well under it. */
export const IMPORT_MAX_BYTES = 12 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;
/** Rows the preview shows as they will be stored. */
export const PREVIEW_ROWS = 5;
/** Distinct values listed per mapped column (a free-text column is not listed). */
export const MAX_DISTINCT_VALUES = 40;

/** What a column can be mapped to besides a question key. */
export const TEAM_COLUMN = "@team";

/** The support-channel CSV's columns (lib/imports/notes-csv.ts). */
export const NOTES_CSV_COLUMNS = ["text", "period", "team", "loop"] as const;
export const NOTES_CSV_EXAMPLE = [
  NOTES_CSV_COLUMNS.join(","),
  '"How do I see logs of my staging deploy?",2026-Q2,Payments,outer',
  '"Local build takes 12 minutes after a clean checkout",2026-Q2,,inner',
].join("\n");

/** Likert labels as form tools export them, lower-cased, and the score each stands for. */
export const LIKERT_LABELS: Record<string, number> = {
  "strongly disagree": 1,
  disagree: 2,
  "neither agree nor disagree": 3,
  neutral: 3,
  agree: 4,
  "strongly agree": 5,
  "very difficult": 1,
  difficult: 2,
  easy: 4,
  "very easy": 5,
  "very dissatisfied": 1,
  dissatisfied: 2,
  satisfied: 4,
  "very satisfied": 5,
  "not at all confident": 1,
  "very confident": 5,
};
