// Suppression that explains itself: for the group a view's filters name, what is hidden, why, and what
// would show it instead; and which filter choices would show anything at all. Pure: it reads the
// publication decisions of lib/anonymity and decides nothing of its own, so the same things stay hidden.
//
// Counts in explanations. A hidden group's size is never stated or implied beyond what its reason already
// publishes: "below_threshold" says 1..k−1 (the reason every view already returns), and a cell hidden as
// "complement" is described by the groups it protects, each "fewer than k" — true of each of them on its
// own, and nothing more. "2 more answers from outside Data Platform" would give away the outside group's
// exact size (k − 2), so no explanation counts what is missing: ways out are other views that are shown
// (a wider group, quarters where the group is shown), and the unlock for an open survey is its closing.
import { pickHeadlineSurvey, type SurveyPublication } from "@/lib/anonymity/surveys";
import {
  regionsOf,
  resolveGroup,
  type AdoptionGroup,
  type Cell,
  type GroupRequest,
  type HiddenReason,
} from "@/lib/anonymity/model";
import type { Quarter } from "./groups";
import { listNames } from "./suppression";

/** Why one group is hidden. `protects`: the cells (team ids, "" without a team) whose answers hiding it shields. */
export type HiddenExplanation = { reason: HiddenReason; protects: string[] };

/** A view that is shown: a wider group the hidden one belongs to, or the quarters where it is shown. */
export type WayOut =
  { kind: "group"; team: string | null; adoption: AdoptionGroup | null } | { kind: "range"; from: string; to: string };

/** One notice per view: the hidden parts of the group asked for, grouped by explanation, and the ways out. */
export type SuppressionNotice = {
  lines: { periods: string[]; reason: HiddenReason; protects: string[] }[];
  /** True when the view has nothing to show at all for this group. */
  nothingShown: boolean;
  wayOuts: WayOut[];
};

/** A filter choice: whether choosing it shows anything, and if not, why. */
export type FilterOption = { value: string; available: boolean; reason: HiddenReason | "empty" | null };

const publishedGroups = (s: SurveyPublication): Record<AdoptionGroup, boolean> => ({
  on: s.publication.adoption.on.shown,
  off: s.publication.adoption.off.shown,
});
const hiddenWith = (s: SurveyPublication, c: Cell, reason: HiddenReason) => {
  const v = s.publication.cells.get(c.id);
  return !!v && !v.shown && v.reason === reason;
};

/**
 * The cells a hidden group protects: the cells under k in the region a reader could subtract it from (the
 * same regions the decision uses). Empty for a group hidden for its own size or while collecting.
 */
export function explainHidden(survey: SurveyPublication, request: GroupRequest): HiddenExplanation | null {
  const resolved = resolveGroup(survey.publication, survey.cells, request);
  if (resolved.kind !== "hidden") return null;
  if (resolved.reason !== "complement") return { reason: resolved.reason, protects: [] };
  const members = survey.cells.filter(
    (c) =>
      c.n > 0 && (!request.team || c.id === request.team) && (!request.adoption || c.adoption === request.adoption),
  );
  const memberIds = new Set(members.map((c) => c.id));
  const region = regionsOf(survey.cells, publishedGroups(survey)).find((r) => r.some((c) => memberIds.has(c.id))) ?? [];
  const protects = region
    .filter((c) => !memberIds.has(c.id) && hiddenWith(survey, c, "below_threshold"))
    .map((c) => c.id)
    .sort();
  return { reason: "complement", protects };
}

/**
 * The smallest shown group that contains the hidden one (its adoption group, else everyone), as a way out.
 * Null when even everyone is hidden.
 */
export function widerGroup(survey: SurveyPublication, request: GroupRequest): WayOut | null {
  const cell = request.team ? survey.cells.find((c) => c.id === request.team) : undefined;
  const side = request.adoption ?? (cell && cell.adoption !== "none" ? cell.adoption : null);
  if (request.team && side && survey.publication.adoption[side].shown)
    return { kind: "group", team: null, adoption: side };
  if ((request.team || request.adoption) && survey.publication.total.shown)
    return { kind: "group", team: null, adoption: null };
  return null;
}

/** The notice for one survey's own views (its results and comments). Null when the group is shown or empty. */
export function surveyNotice(survey: SurveyPublication | null, request: GroupRequest): SuppressionNotice | null {
  if (!survey) return null;
  const explanation = explainHidden(survey, request);
  if (!explanation) return null;
  const wider = explanation.reason === "collecting" ? null : widerGroup(survey, request);
  return { lines: [{ periods: [], ...explanation }], nothingShown: true, wayOuts: wider ? [wider] : [] };
}

/**
 * The notice for a dashboard over quarters. Each quarter answers from the survey that speaks for it; the
 * quarters where the group is hidden are listed by explanation. When nothing in the range is shown, the
 * ways out are the span of quarters (in all quarters, `everyQuarter`) where it is shown, and a wider group.
 */
export function rangeNotice(
  inRange: readonly Quarter[],
  everyQuarter: readonly Quarter[],
  request: GroupRequest,
): SuppressionNotice | null {
  const lines: SuppressionNotice["lines"] = [];
  let shown = 0;
  let lastHidden: { survey: SurveyPublication; request: GroupRequest } | null = null;
  for (const q of inRange) {
    const survey = pickHeadlineSurvey(q.surveys);
    const explanation: HiddenExplanation | null = survey
      ? explainHidden(survey, request)
      : q.surveys.some((s) => s.collecting)
        ? { reason: "collecting", protects: [] }
        : null;
    if (!explanation) {
      if (survey && resolveGroup(survey.publication, survey.cells, request).kind === "shown") shown++;
      continue;
    }
    if (survey) lastHidden = { survey, request };
    const same = lines.find(
      (l) => l.reason === explanation.reason && l.protects.join() === explanation.protects.join(),
    );
    if (same) same.periods.push(q.period);
    else lines.push({ periods: [q.period], ...explanation });
  }
  // The collecting note on each trend already says which quarters are still collecting: only when nothing
  // else is shown do they belong in the notice.
  const told = shown > 0 ? lines.filter((l) => l.reason !== "collecting") : lines;
  if (told.length === 0) return null;
  const wayOuts: WayOut[] = [];
  if (shown === 0) {
    const shownPeriods = everyQuarter
      .filter((q) => {
        const survey = pickHeadlineSurvey(q.surveys);
        return survey && resolveGroup(survey.publication, survey.cells, request).kind === "shown";
      })
      .map((q) => q.period);
    if (shownPeriods.length) wayOuts.push({ kind: "range", from: shownPeriods[0], to: shownPeriods.at(-1)! });
    const wider = lastHidden && widerGroup(lastHidden.survey, lastHidden.request);
    if (wider) wayOuts.push(wider);
  }
  return { lines: told, nothingShown: shown === 0, wayOuts };
}

/** Whether a request shows anything in any of these surveys, and if not, the reason most of them give. */
export function optionFor(value: string, surveys: readonly SurveyPublication[], request: GroupRequest): FilterOption {
  const reasons = new Map<HiddenReason, number>();
  for (const s of surveys) {
    const resolved = resolveGroup(s.publication, s.cells, request);
    if (resolved.kind === "shown") return { value, available: true, reason: null };
    if (resolved.kind === "hidden") reasons.set(resolved.reason, (reasons.get(resolved.reason) ?? 0) + 1);
  }
  const [reason] = [...reasons].sort((a, b) => b[1] - a[1])[0] ?? ["empty"];
  return { value, available: false, reason };
}

/** The filter bar's team and platform choices, each checked against the other filter that is set. */
export function filterOptions(
  surveys: readonly SurveyPublication[],
  teamIds: readonly string[],
  current: GroupRequest,
): { teams: FilterOption[]; adoption: FilterOption[] } {
  return {
    teams: teamIds.map((team) => optionFor(team, surveys, { team, adoption: current.adoption ?? null })),
    adoption: (["on", "off"] as const).map((adoption) =>
      optionFor(adoption, surveys, { team: current.team ?? null, adoption }),
    ),
  };
}

// ------------------------------------------------------------------------------------------------
// Wording, shared by the dashboards and the results page.

const ADOPTION_LABEL: Record<AdoptionGroup, string> = { on: "On the platform", off: "Not on the platform" };

/** "Identity", "Growth on the platform", "Not on the platform", "Everyone". */
export function groupLabel(
  group: { team?: string | null; adoption?: AdoptionGroup | null },
  nameOf: (id: string) => string,
) {
  if (group.team) return nameOf(group.team);
  return group.adoption ? ADOPTION_LABEL[group.adoption] : "Everyone";
}

/** One sentence for one line of a notice. Never a count: see the comment at the top of this file. */
export function describeLine(
  subject: string,
  line: SuppressionNotice["lines"][number],
  k: number,
  nameOf: (id: string) => string,
): string {
  const when = line.periods.length ? ` in ${listNames(line.periods)}` : "";
  switch (line.reason) {
    case "collecting":
      return `${when ? `${listNames(line.periods)}: ` : ""}answers are still coming in; results are published once the survey closes.`;
    case "below_threshold":
      return `${subject} is hidden${when}: fewer than ${k} people answered from it.`;
    case "complement":
      return line.protects.length
        ? `${subject} is hidden${when} to protect ${listNames(line.protects.map(nameOf))} (${line.protects.length === 1 ? "" : "each "}fewer than ${k}), who could otherwise be worked out by subtracting ${subject} from a total that is shown.`
        : `${subject} is hidden${when} so that a smaller group can't be worked out from it by subtraction.`;
  }
}

/** The label of a way-out button. */
export function describeWayOut(way: WayOut, nameOf: (id: string) => string): string {
  if (way.kind === "range")
    return way.from === way.to ? `Show ${way.from} instead` : `Show ${way.from} to ${way.to} instead`;
  return `Show ${groupLabel(way, nameOf).replace(/^Everyone$/, "all teams")} instead`;
}

/** Why a filter choice is unavailable, for its label. */
export function describeOption(option: FilterOption, k: number): string | null {
  if (option.available) return null;
  switch (option.reason) {
    case "below_threshold":
      return `hidden: fewer than ${k} answers`;
    case "complement":
      return "hidden to protect a smaller group";
    case "collecting":
      return "published when the survey closes";
    default:
      return "nobody in this group";
  }
}
