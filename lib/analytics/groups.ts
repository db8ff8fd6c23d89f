// Groups: which cells of a survey a request covers, from the survey's one publication decision
// (lib/anonymity), and which survey speaks for a figure in each quarter. Pure.
import { resolveGroup, type Cell, type GroupRequest, type ResolvedGroup } from "@/lib/anonymity/model";
import { pickHeadlineSurvey, progressCount, type SurveyPublication } from "@/lib/anonymity/surveys";
import type { AnalyticsFilter } from "./schemas";
import type { HiddenReason } from "./suppression";

export type Group =
  { hidden: true; reason: HiddenReason } | { hidden: false; survey: SurveyPublication; cells: Set<string>; n: number };

/** The group a request names in one survey, or null when nobody is in it. */
export function groupOf(survey: SurveyPublication, request: GroupRequest): Group | null {
  const resolved: ResolvedGroup = resolveGroup(survey.publication, survey.cells, request);
  if (resolved.kind === "empty") return null;
  if (resolved.kind === "hidden") return { hidden: true, reason: resolved.reason };
  return { hidden: false, survey, cells: new Set(resolved.cellIds), n: resolved.n };
}

/** The group of one cell (a team's row in a table), whatever filter is on. */
export function cellGroup(survey: SurveyPublication, cell: Cell): Group {
  const verdict = survey.publication.cells.get(cell.id);
  if (!verdict || !verdict.shown)
    return { hidden: true, reason: verdict && !verdict.shown ? verdict.reason : "below_threshold" };
  return { hidden: false, survey, cells: new Set([cell.id]), n: cell.n };
}

export const hiddenAs = (g: { reason: HiddenReason }) => ({ hidden: true as const, reason: g.reason });
export const requestOf = (f: { team?: string; adoption?: "on" | "off" }): GroupRequest => ({
  team: f.team ?? null,
  adoption: f.adoption ?? null,
});

/** A quarter in scope with its surveys (those still collecting included). */
export type Quarter = { period: string; surveys: SurveyPublication[] };

export function quartersOf(surveys: readonly SurveyPublication[]): Quarter[] {
  const byPeriod = new Map<string, SurveyPublication[]>();
  for (const s of surveys) (byPeriod.get(s.period) ?? byPeriod.set(s.period, []).get(s.period)!).push(s);
  return [...byPeriod.keys()].sort().map((period) => ({ period, surveys: byPeriod.get(period)! }));
}

/** A quarter speaks on the dashboards once a survey of it has closed with answers (a closed survey nobody answered says nothing). */
export const isPublished = (q: Quarter) => pickHeadlineSurvey(q.surveys) !== null;
/** A quarter whose answers are still arriving: provisional, so never a headline, a trend's end-point or a default view. */
export const isCollecting = (q: Quarter) => !isPublished(q) && q.surveys.some((s) => s.collecting);
export const publishedIds = (quarters: readonly Quarter[]) =>
  quarters.flatMap((q) => q.surveys.filter((s) => !s.collecting).map((s) => s.surveyId));
/** An aggregate's rows of the published surveys only, for rows read over a whole range beside the decision. */
export function publishedRows<R extends { survey_id: string }>(quarters: readonly Quarter[], rows: readonly R[]): R[] {
  const ids = new Set(publishedIds(quarters));
  return rows.filter((r) => ids.has(r.survey_id));
}

/**
 * The survey that speaks for one figure (NPS, a dimension, DORA) in a quarter: of the closed surveys
 * that ask it, the one most people answered. Figures are never summed over several surveys.
 */
export function speakerFor(q: Quarter, asks: ReadonlySet<string>): SurveyPublication | null {
  return pickHeadlineSurvey(q.surveys.filter((s) => asks.has(s.surveyId)));
}
export const surveysIn = (rows: readonly { survey_id: string }[]) => new Set(rows.map((r) => r.survey_id));

/** A shown group, whose figures are sums over its cells. */
export type ShownGroup = Extract<Group, { hidden: false }>;

export const inRequest = (c: Cell, r: GroupRequest) =>
  (!r.team || c.id === r.team) && (!r.adoption || c.adoption === r.adoption);

/**
 * The group a request names in one survey's own views (its results and its comments), or why it is
 * hidden: no publication or nobody in the group reads as under k once the survey is closed, and as
 * still collecting while it is open.
 */
export function surveyViewGroup(
  publication: SurveyPublication | null,
  request: GroupRequest,
  status: string | undefined,
): Group {
  return (
    (publication && groupOf(publication, request)) ?? {
      hidden: true,
      reason: status === "closed" ? "below_threshold" : "collecting",
    }
  );
}

/**
 * The quarter a single-quarter view shows: the one asked for, else the latest published with at least k
 * answers (a closed quarter of three people shows nothing but hidden cells), else the latest published.
 */
export function chooseQuarter(quarters: readonly Quarter[], requested: string | undefined, k = 1): Quarter | null {
  const latestFirst = [...quarters].reverse();
  return (
    quarters.find((q) => q.period === requested) ??
    latestFirst.find((q) => (pickHeadlineSurvey(q.surveys)?.n ?? 0) >= k) ??
    latestFirst.find(isPublished) ??
    quarters.at(-1) ??
    null
  );
}

/**
 * How far a quarter still collecting has got, as anyone may see it: the same count the response rates
 * show. `responses` is null under k, and always for a team or platform filter (`byGroup`).
 */
export type LiveProgress = { period: string; title: string; responses: number | null; byGroup: boolean };

/**
 * The live count of a collecting quarter: its open survey most people answered, counted in steps of k
 * (progressCount), so it moves only when k more people have answered. Only the whole survey is counted:
 * live counts of nested groups, even in steps of k, can be subtracted (a platform group of 10+ minus a
 * team of at most 9 says the other team has answered: lib/anonymity/attacks.int.test.ts, attack 8), and
 * over time they tell when a small team's first person answered.
 */
export function liveProgress(q: Quarter, request: GroupRequest, k: number): LiveProgress | null {
  const open = q.surveys.filter((s) => s.collecting);
  if (!isCollecting(q) || open.length === 0) return null;
  // Compared in steps of k, the first on a tie: which survey is named must not move with one answer.
  const stepped = (s: SurveyPublication) => progressCount(s.n, k) ?? 0;
  const survey = open.reduce((best, s) => (stepped(s) > stepped(best) ? s : best));
  const byGroup = Boolean(request.team || request.adoption);
  return { period: q.period, title: survey.title, responses: byGroup ? null : progressCount(survey.n, k), byGroup };
}

/**
 * The group a filter names in the survey that speaks for a figure in each quarter. A quarter whose
 * surveys are all still collecting comes back hidden as "collecting"; one that never asks the figure is left out.
 */
export function groupsByQuarter(
  quarters: readonly Quarter[],
  filter: AnalyticsFilter,
  asks: ReadonlySet<string>,
): { period: string; group: Group }[] {
  const out: { period: string; group: Group }[] = [];
  for (const q of quarters) {
    const survey = speakerFor(q, asks);
    if (!survey) {
      if (isCollecting(q)) out.push({ period: q.period, group: { hidden: true, reason: "collecting" } });
      continue;
    }
    const group = groupOf(survey, requestOf(filter));
    if (group) out.push({ period: q.period, group });
  }
  return out;
}
