// A journey map as CSV rows: one row per step of both paths, ready for a spreadsheet. Quoting, the
// BOM and formula-injection defence come from the shared lib/export/csv module.
import type { JourneyStepView } from "./types";
import { auditFields, auditLabels } from "./types";

/** A step as the map shows it, with its linked themes reduced to their labels. */
export type ExportableStep = Omit<JourneyStepView, "themes"> & { themes: string[] };

/** Header and rows; current steps first, each path in its order. */
export function journeyMapCsvRows(
  map: { name: string },
  steps: ExportableStep[],
): { header: string[]; rows: (string | number)[][] } {
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
  const ordered = [...steps].sort((a, b) =>
    a.path === b.path ? a.position - b.position : a.path === "current" ? -1 : 1,
  );
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
  return { header, rows };
}

export function journeyMapFileName(name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "journey-map";
  return `${slug}.csv`;
}
