import "server-only";
import { getSurveyDrivers, type SurveyDrivers } from "@/lib/analytics/queries/drivers";
import {
  getAnalyticsMeta,
  getDimensionTrends,
  getNpsTrend,
  getResponseRates,
  listSurveysWithResults,
} from "@/lib/analytics/queries";
import type { NpsStats } from "@/lib/analytics/nps";
import type { ScoreStats } from "@/lib/analytics/scores";
import { quadrantLabels } from "@/lib/backlog/prioritise";
import { getBacklog, listBacklogScopeOptions } from "@/lib/backlog/queries";
import { parseScope } from "@/lib/backlog/scope";
import { previousPeriod } from "@/lib/period";
import { listTargets, type TargetView } from "@/lib/targets/queries";

// The leadership report of one quarter: the same figures the dashboard publishes (every number comes
// from the dashboard's own queries, so the anonymity rules are the ones every viewer already gets),
// gathered once for the print page and the PDF.

export type ReportDimension = {
  key: string;
  name: string;
  current: Pick<ScoreStats, "mean" | "favorablePct" | "ciLow" | "ciHigh" | "n"> | null;
  previous: { mean: number } | null;
  /** Mean now minus mean a quarter before; null when either is hidden or missing. */
  change: number | null;
};
export type ReportAction = { rank: number; label: string; share: number; quadrant: string; status: string };

export type LeadershipReport = {
  k: number;
  period: string | null;
  periods: string[];
  nps: {
    current: (NpsStats & { period: string }) | null;
    previous: { period: string; score: number } | null;
    change: { delta: number; ciLow: number; ciHigh: number; withinNoise: boolean } | null;
    trend: { period: string; score: number; ciLow: number; ciHigh: number }[];
  };
  dimensions: ReportDimension[];
  responses: {
    title: string;
    total: number | null;
    invited: number | null;
    rate: number | null;
  } | null;
  actions: ReportAction[];
  drivers: SurveyDrivers | null;
  /** Every target read as of the report's quarter (a team's hidden figure gives no value). */
  targets: TargetView[];
};

/** The top open backlog items, as the dashboard's "Top backlog items" card lists them. */
export async function getTopBacklogActions(limit = 5): Promise<ReportAction[]> {
  const { analysed } = await listBacklogScopeOptions();
  const scope = analysed.find((a) => parseScope(a.scope)?.kind === "periods")?.scope ?? analysed[0]?.scope;
  if (!scope) return [];
  const { items } = await getBacklog({ scope });
  return items
    .filter((i) => i.status !== "done" && i.status !== "wont_do")
    .slice(0, limit)
    .map((i) => ({
      rank: i.rank,
      label: i.label,
      share: i.share,
      quadrant: quadrantLabels[i.quadrant],
      status: i.status,
    }));
}

export async function getLeadershipReport({ period: requested }: { period?: string }): Promise<LeadershipReport> {
  const meta = await getAnalyticsMeta();
  const period =
    (requested && meta.publishedPeriods.includes(requested) ? requested : null) ?? meta.publishedPeriods.at(-1) ?? null;
  const empty: LeadershipReport = {
    k: meta.k,
    period,
    periods: meta.publishedPeriods,
    nps: { current: null, previous: null, change: null, trend: [] },
    dimensions: [],
    responses: null,
    actions: [],
    drivers: null,
    targets: [],
  };
  if (!period) return empty;

  const upTo = { to: period };
  const [nps, dimensions, rates, surveys, actions, { targets }] = await Promise.all([
    getNpsTrend({ filter: upTo }),
    getDimensionTrends({ filter: upTo }),
    getResponseRates({ filter: { from: period, to: period } }),
    listSurveysWithResults(),
    getTopBacklogActions(),
    listTargets({ upTo: period }),
  ]);

  const shownNps = nps.points.flatMap((p) => (p.hidden ? [] : [{ ...p, period: p.period }]));
  const current = shownNps.find((p) => p.period === period) ?? null;
  const before = shownNps.filter((p) => p.period < period).at(-1) ?? null;
  const change = nps.changes.find((c) => c.to === period && before && c.from === before.period) ?? null;

  const prior = previousPeriod(period);
  const reportDimensions: ReportDimension[] = dimensions.dimensions.map((d) => {
    const now = d.points.find((p) => p.period === period);
    const then = d.points.find((p) => p.period === prior);
    const cur = now && !now.hidden ? now : null;
    const prev = then && !then.hidden ? { mean: then.mean } : null;
    return {
      key: d.key,
      name: d.name,
      current: cur
        ? { mean: cur.mean, favorablePct: cur.favorablePct, ciLow: cur.ciLow, ciHigh: cur.ciHigh, n: cur.n }
        : null,
      previous: prev,
      change: cur && prev ? cur.mean - prev.mean : null,
    };
  });

  // The quarter's headline survey (closed, most respondents), as the dashboard picks it.
  const headline =
    surveys.surveys
      .filter((s) => s.period === period && s.status === "closed" && !s.hidden)
      .sort((a, b) => (b.hidden ? 0 : b.responses) - (a.hidden ? 0 : a.responses))[0] ?? null;
  const rateSurvey = rates.surveys.find((s) => s.surveyId === headline?.id) ?? null;
  let responses: LeadershipReport["responses"] = null;
  if (rateSurvey) {
    const total = rateSurvey.total.hidden ? null : rateSurvey.total.n;
    const invited = rateSurvey.teams.reduce((sum, t) => sum + (t.headcount ?? 0), 0) || null;
    responses = {
      title: rateSurvey.title,
      total,
      invited,
      rate: total !== null && invited ? total / invited : null,
    };
  }

  return {
    ...empty,
    nps: {
      current: current ? { ...current } : null,
      previous: before ? { period: before.period, score: before.score } : null,
      change: change
        ? { delta: change.delta, ciLow: change.ciLow, ciHigh: change.ciHigh, withinNoise: change.withinNoise }
        : null,
      trend: shownNps.map((p) => ({ period: p.period, score: p.score, ciLow: p.ciLow, ciHigh: p.ciHigh })),
    },
    dimensions: reportDimensions,
    responses,
    actions,
    targets,
    drivers: headline ? await getSurveyDrivers({ surveyId: headline.id, query: {} }) : null,
  };
}
