// A journey map as CSV: one row per step of both paths, ready for a spreadsheet.
// lib/export does not exist yet; when the shared CSV module lands, swap `toSafeCsv` for it.
import { stringify } from "csv-stringify/sync";
import type { AuditField, JourneyPath, LoadType, Pain, StepOutcome } from "./types";
import { auditFields, auditLabels } from "./types";

export type ExportableStep = {
  id: string;
  path: JourneyPath;
  position: number;
  name: string;
  minutes: number;
  pain: Pain;
  loadType: LoadType;
  loadLevel: number;
  notes: string;
  counterpartStepId: string | null;
  outcome: StepOutcome | null;
  themes: string[];
} & Record<AuditField, number>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheets run a cell starting with = + - @ tab or CR as a formula; a leading quote defuses it. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toSafeCsv(rows: (string | number | null)[][]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === "string" ? neutralizeCell(cell) : cell ?? "")));
  // The BOM makes Excel read the file as UTF-8.
  return "\uFEFF" + stringify(safe, { record_delimiter: "\r\n" });
}

export function journeyMapCsvRows(map: { name: string; workflow: string; persona: string; maturityNow: number; maturityTarget: number }, steps: ExportableStep[]) {
  const header = [
    "Map",
    "Path",
    "Position",
    "Step",
    "Minutes",
    "Pain",
    "Load type",
    "Load level",
    ...auditFields.map((f) => auditLabels[f]),
    "Outcome",
    "Replaces current step",
    "Linked themes",
    "Notes",
  ];
  const nameById = new Map(steps.map((s) => [s.id, s.name]));
  const ordered = [...steps].sort((a, b) => (a.path === b.path ? a.position - b.position : a.path === "current" ? -1 : 1));
  const rows = ordered.map((s) => [
    map.name,
    s.path,
    s.position + 1,
    s.name,
    s.minutes,
    s.pain,
    s.loadType,
    s.loadLevel,
    ...auditFields.map((f) => s[f]),
    s.outcome ?? "",
    s.counterpartStepId ? (nameById.get(s.counterpartStepId) ?? "") : "",
    s.themes.join("; "),
    s.notes,
  ]);
  return [header, ...rows];
}

export function journeyMapFileName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "journey-map";
  return `${slug}.csv`;
}
