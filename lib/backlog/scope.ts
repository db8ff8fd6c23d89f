// A backlog is built from one scope: a survey, a range of quarters, the friction log, the feedback notes
// (interviews, shadowing, office hours, support), or a range of quarters' answers together with that
// range's notes. The scope is stored as text on each item ("survey:<id>", "periods:2026-Q1..2026-Q4",
// "friction", "notes", "periods+notes:2026-Q1..2026-Q4"). This module is
// the only one that builds or parses that text; SQL receives the parsed parts (lib/backlog/queries).
// Free of the ORM, so pages and client components use it too.
import { isPeriod } from "@/lib/period";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BacklogScope =
  | { kind: "survey"; surveyId: string }
  | { kind: "periods"; from: string; to: string }
  | { kind: "friction" }
  | { kind: "notes" }
  | { kind: "periodsWithNotes"; from: string; to: string };

function parseRange(value: string): { from: string; to: string } | null {
  const [from, to, ...rest] = value.split("..");
  if (rest.length || !isPeriod(from ?? "") || !isPeriod(to ?? "") || from > to) return null;
  return { from, to };
}

/** Parses a scope string; null when it is malformed (e.g. a range that runs backwards). */
export function parseScope(value: string): BacklogScope | null {
  if (value === "friction") return { kind: "friction" };
  if (value === "notes") return { kind: "notes" };
  if (value.startsWith("periods+notes:")) {
    const range = parseRange(value.slice("periods+notes:".length));
    return range && { kind: "periodsWithNotes", ...range };
  }
  if (value.startsWith("survey:")) {
    const surveyId = value.slice("survey:".length);
    return UUID.test(surveyId) ? { kind: "survey", surveyId: surveyId.toLowerCase() } : null;
  }
  if (value.startsWith("periods:")) {
    const range = parseRange(value.slice("periods:".length));
    return range && { kind: "periods", ...range };
  }
  return null;
}

export function formatScope(scope: BacklogScope): string {
  if (scope.kind === "survey") return `survey:${scope.surveyId}`;
  if (scope.kind === "periods") return `periods:${scope.from}..${scope.to}`;
  if (scope.kind === "periodsWithNotes") return `periods+notes:${scope.from}..${scope.to}`;
  return scope.kind;
}

/** The scope of the quarters from `from` to `to` (one quarter when they are equal). */
export const quartersScope = (from: string, to: string) => formatScope({ kind: "periods", from, to });
export const surveyScope = (surveyId: string) => formatScope({ kind: "survey", surveyId });
export const FRICTION_SCOPE = formatScope({ kind: "friction" });
export const NOTES_SCOPE = formatScope({ kind: "notes" });
/** Survey answers of the quarters from `from` to `to` together with those quarters' feedback notes. */
export const quartersWithNotesScope = (from: string, to: string) => formatScope({ kind: "periodsWithNotes", from, to });

/** Whether a scope's themes are built from feedback notes, which only signed-in pages may show (they may quote people). */
export function scopeHasNotes(value: string): boolean {
  const kind = parseScope(value)?.kind;
  return kind === "notes" || kind === "periodsWithNotes";
}
