// A backlog is built from one scope: a survey, a range of quarters, or the friction log. The scope is
// stored as text on each item ("survey:<id>", "periods:2026-Q1..2026-Q4", "friction").
import { isPeriod } from "@/lib/period";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BacklogScope =
  { kind: "survey"; surveyId: string } | { kind: "periods"; from: string; to: string } | { kind: "friction" };

/** Parses a scope string; null when it is malformed (e.g. a range that runs backwards). */
export function parseScope(value: string): BacklogScope | null {
  if (value === "friction") return { kind: "friction" };
  if (value.startsWith("survey:")) {
    const surveyId = value.slice("survey:".length);
    return UUID.test(surveyId) ? { kind: "survey", surveyId: surveyId.toLowerCase() } : null;
  }
  if (value.startsWith("periods:")) {
    const [from, to, ...rest] = value.slice("periods:".length).split("..");
    if (rest.length || !isPeriod(from ?? "") || !isPeriod(to ?? "") || from > to) return null;
    return { kind: "periods", from, to };
  }
  return null;
}

export function formatScope(scope: BacklogScope): string {
  if (scope.kind === "survey") return `survey:${scope.surveyId}`;
  if (scope.kind === "periods") return `periods:${scope.from}..${scope.to}`;
  return "friction";
}
