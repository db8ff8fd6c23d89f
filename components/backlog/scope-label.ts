import type { BacklogScopeOptions } from "@/lib/backlog/queries";
import {
  FRICTION_SCOPE,
  NOTES_SCOPE,
  parseScope,
  quartersScope,
  quartersWithNotesScope,
  surveyScope,
} from "@/lib/backlog/scope";

/** Human name of a scope string, for the picker and headings. */
export function scopeLabel(scope: string, options: BacklogScopeOptions): string {
  const parsed = parseScope(scope);
  if (!parsed) return scope;
  if (parsed.kind === "friction") return "Friction log";
  if (parsed.kind === "notes") return "Feedback notes";
  if (parsed.kind === "survey") {
    const survey = options.surveys.find((s) => s.id.toLowerCase() === parsed.surveyId);
    return survey ? `${survey.title}` : "A survey";
  }
  const { from, to } = parsed;
  const quarters = from === to ? `Quarter ${from}` : `Quarters ${from} – ${to}`;
  return parsed.kind === "periodsWithNotes" ? `${quarters} with feedback notes` : quarters;
}

/** The value of the picker's "Custom range…" entry, which opens the from–to quarter fields. */
export const CUSTOM_RANGE = "custom-range";

/**
 * Scopes to offer: every quarter together, each quarter, a custom range (and the one shown, if it is
 * one), each survey, the friction log, the feedback notes (alone and with every quarter), and anything
 * analysed before.
 */
export function scopeChoices(
  options: BacklogScopeOptions,
  current: string | null = null,
): { value: string; label: string; group: string }[] {
  const choices: { value: string; label: string; group: string }[] = [];
  const { periods } = options;
  if (periods.length > 1)
    choices.push({
      value: quartersScope(periods[0], periods[periods.length - 1]),
      label: `All quarters (${periods[0]} – ${periods[periods.length - 1]})`,
      group: "Quarters",
    });
  for (const p of [...periods].reverse())
    choices.push({ value: quartersScope(p, p), label: `Quarter ${p}`, group: "Quarters" });
  const custom = current ? parseScope(current) : null;
  if (custom?.kind === "periods" && current && !choices.some((c) => c.value === current)) {
    choices.push({ value: current, label: scopeLabel(current, options), group: "Quarters" });
  }
  if (periods.length > 2) choices.push({ value: CUSTOM_RANGE, label: "Custom range…", group: "Quarters" });
  for (const s of options.surveys)
    choices.push({ value: surveyScope(s.id), label: `${s.title} (${s.textCount} answers)`, group: "Surveys" });
  choices.push({
    value: FRICTION_SCOPE,
    label: `Friction log (${options.frictionCount} entries)`,
    group: "Friction log",
  });
  // Feedback notes alone, and every quarter's answers together with the notes of those quarters.
  choices.push({ value: NOTES_SCOPE, label: "Feedback notes", group: "Feedback notes" });
  if (periods.length)
    choices.push({
      value: quartersWithNotesScope(periods[0], periods[periods.length - 1]),
      label: `All quarters with feedback notes (${periods[0]} – ${periods[periods.length - 1]})`,
      group: "Feedback notes",
    });
  for (const a of options.analysed) {
    if (!choices.some((c) => c.value === a.scope))
      choices.push({ value: a.scope, label: scopeLabel(a.scope, options), group: "Analysed before" });
  }
  return choices;
}
