import "server-only";
import { asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { resolveGroup, type Cell, type GroupRequest, type ResolvedGroup } from "@/lib/anonymity/model";
import { getSurveyPublications, type PublicationScope } from "@/lib/anonymity/queries";
import { pickHeadlineSurvey, progressCount, type SurveyPublication } from "@/lib/anonymity/surveys";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { customDimensions, questions, surveys, teams } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { dimensionName } from "@/lib/surveys/dimensions";
import type { DoraBand } from "@/lib/surveys/templates";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import { classifyDora, doraMetricKeys, medianBand } from "./dora";
import { computeNps, npsChange, type NpsStats } from "./nps";
import type { AnalyticsFilter, CommentsQuery, PeriodViewInput, SurveyResultsQuery } from "./schemas";
import { benchmarkOf, summarizeScore, type ScoreStats } from "./scores";
import type { HiddenReason } from "./suppression";
import type {
  AdoptionComparison,
  AnalyticsMeta,
  CommentsPage,
  DimensionPoint,
  DimensionTrends,
  DoraGroupRow,
  DoraMetricValue,
  DoraSummary,
  Maybe,
  NpsChangePoint,
  NpsPoint,
  NpsTrend,
  QuestionResult,
  ResponseRates,
  SurveyResults,
  TeamComparison,
  TeamRow,
} from "./types";

// Every figure here is the sum of per-cell aggregates computed in SQL (a cell is one survey's answers
// from one team, or without a team), taken over the cells of a group that the survey's one publication
// decision (lib/anonymity) shows. Filters, charts, tables, comments and exports all answer from that
// decision, so no combination of them isolates fewer than k people.

const inList = (ids: readonly string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
const cellOf = sql`coalesce(r.team_id::text, '')`;
// Each aggregate names its surveys on both answers' sides (responses and questions): a question belongs
// to its survey, and the planner then starts from those surveys' questions instead of every answer.

/** Groups by the raw survey and team ids and names the cell afterwards: casting per answer row costs more than the join. */
const perCell = (grouped: SQL): SQL =>
  sql`select g.sid::text as survey_id, coalesce(g.tid::text, '') as cell, g.* from (${grouped}) g`;

/** Raw SQL of each per-cell aggregate, exported so the benchmark times exactly these statements. */
export const analyticsSql = {
  /** NPS buckets per survey and cell, for one NPS key (by default the key most surveys ask). */
  nps(surveyIds: readonly string[], key?: string): SQL {
    const keyCondition = key
      ? sql`q.key = ${key}`
      : sql`q.key = (select key from questions where kind = 'nps' group by key order by count(*) desc, key limit 1)`;
    return perCell(sql`select r.survey_id as sid, r.team_id as tid, q.key,
        count(*) filter (where a.number_value >= 9)::int as promoters,
        count(*) filter (where a.number_value between 7 and 8)::int as passives,
        count(*) filter (where a.number_value <= 6)::int as detractors
      from responses r
      join answers a on a.response_id = r.id
      join questions q on q.id = a.question_id
      where r.survey_id in (${inList(surveyIds)}) and q.survey_id in (${inList(surveyIds)}) and q.kind = 'nps' and ${keyCondition} and a.number_value is not null
      group by 1, 2, 3`);
  },

  /**
   * Likert sums per survey, cell and question key, with the dimension the key carries in its latest
   * quarter (re-tagging never splits a trend).
   */
  likert(surveyIds: readonly string[]): SQL {
    return sql`with key_dimension as (
        select distinct on (q.key) q.key, q.dimension
        from questions q join surveys s on s.id = q.survey_id
        where q.kind = 'likert' and q.dimension is not null
        order by q.key, s.period desc, q.created_at desc
      )
      select x.survey_id::text as survey_id, coalesce(x.team_id::text, '') as cell, x.key, kd.dimension, x.answers, x.total, x.squares, x.favorable
      from (
        select r.survey_id, r.team_id, q.key, count(*)::int as answers,
          sum(a.number_value)::float8 as total, sum(a.number_value * a.number_value)::float8 as squares,
          count(*) filter (where a.number_value >= 4)::int as favorable
        from responses r
        join answers a on a.response_id = r.id
        join questions q on q.id = a.question_id
        where r.survey_id in (${inList(surveyIds)}) and q.survey_id in (${inList(surveyIds)}) and q.kind = 'likert' and a.number_value is not null
        group by 1, 2, 3
      ) x join key_dimension kd on kd.key = x.key`;
  },

  /** DORA answers: single-choice option ids are bands, so the distribution is four filtered counts per metric. */
  dora(surveyIds: readonly string[]): SQL {
    return perCell(sql`select r.survey_id as sid, r.team_id as tid, q.dimension as metric,
        count(*) filter (where a.choice_values[1] = 'elite')::int as elite,
        count(*) filter (where a.choice_values[1] = 'high')::int as high,
        count(*) filter (where a.choice_values[1] = 'medium')::int as medium,
        count(*) filter (where a.choice_values[1] = 'low')::int as low
      from responses r
      join answers a on a.response_id = r.id
      join questions q on q.id = a.question_id
      where r.survey_id in (${inList(surveyIds)}) and q.survey_id in (${inList(surveyIds)}) and q.kind = 'single_choice' and q.dimension like 'dora.%' and a.choice_values is not null
      group by 1, 2, 3`);
  },

  /** One survey's answer distribution per cell, question and value (or option id). */
  buckets(surveyId: string): SQL {
    return sql`select ${cellOf} as cell, a.question_id::text as question_id, a.number_value::text as bucket, count(*)::int as count
      from responses r join answers a on a.response_id = r.id
      where r.survey_id = ${surveyId} and a.number_value is not null
      group by 1, 2, 3
      union all
      select ${cellOf}, a.question_id::text, v, count(*)::int
      from responses r join answers a on a.response_id = r.id cross join lateral unnest(a.choice_values) as v
      where r.survey_id = ${surveyId} and a.choice_values is not null
      group by 1, 2, 3`;
  },

  /** People who answered each question of one survey, per cell. */
  answered(surveyId: string): SQL {
    return sql`select ${cellOf} as cell, a.question_id::text as question_id, count(distinct a.response_id)::int as n
      from responses r join answers a on a.response_id = r.id
      where r.survey_id = ${surveyId}
        and (a.number_value is not null or cardinality(a.choice_values) > 0 or nullif(btrim(a.text_value), '') is not null)
      group by 1, 2`;
  },
};

// ---------------------------------------------------------------------------------------------
// Groups: which cells a request covers, from the survey's publication decision

type Group =
  { hidden: true; reason: HiddenReason } | { hidden: false; survey: SurveyPublication; cells: Set<string>; n: number };

/** The group a request names in one survey, or null when nobody is in it. */
function groupOf(survey: SurveyPublication, request: GroupRequest): Group | null {
  const resolved: ResolvedGroup = resolveGroup(survey.publication, survey.cells, request);
  if (resolved.kind === "empty") return null;
  if (resolved.kind === "hidden") return { hidden: true, reason: resolved.reason };
  return { hidden: false, survey, cells: new Set(resolved.cellIds), n: resolved.n };
}

/** The group of one cell (a team's row in a table), whatever filter is on. */
function cellGroup(survey: SurveyPublication, cell: Cell): Group {
  const verdict = survey.publication.cells.get(cell.id);
  if (!verdict || !verdict.shown)
    return { hidden: true, reason: verdict && !verdict.shown ? verdict.reason : "below_threshold" };
  return { hidden: false, survey, cells: new Set([cell.id]), n: cell.n };
}

const hiddenAs = (g: { reason: HiddenReason }) => ({ hidden: true as const, reason: g.reason });
const requestOf = (f: { team?: string; adoption?: "on" | "off" }): GroupRequest => ({
  team: f.team ?? null,
  adoption: f.adoption ?? null,
});

/** A quarter in scope with its surveys (those still collecting included). */
type Quarter = { period: string; surveys: SurveyPublication[] };

function quartersOf(surveys: readonly SurveyPublication[]): Quarter[] {
  const byPeriod = new Map<string, SurveyPublication[]>();
  for (const s of surveys) (byPeriod.get(s.period) ?? byPeriod.set(s.period, []).get(s.period)!).push(s);
  return [...byPeriod.keys()].sort().map((period) => ({ period, surveys: byPeriod.get(period)! }));
}

const isPublished = (q: Quarter) => q.surveys.some((s) => !s.collecting);
const publishedIds = (quarters: readonly Quarter[]) =>
  quarters.flatMap((q) => q.surveys.filter((s) => !s.collecting).map((s) => s.surveyId));

/**
 * The survey that speaks for one figure (NPS, a dimension, DORA) in a quarter: of the closed surveys
 * that ask it, the one most people answered. Figures are never summed over several surveys.
 */
function speakerFor(q: Quarter, asks: ReadonlySet<string>): SurveyPublication | null {
  return pickHeadlineSurvey(q.surveys.filter((s) => asks.has(s.surveyId)));
}
const surveysIn = (rows: readonly { survey_id: string }[]) => new Set(rows.map((r) => r.survey_id));

async function publications(db: DbClient, scope: PublicationScope, k: number) {
  return (await getSurveyPublications({ scope, k, tx: db })).surveys;
}

async function context(tx?: DbClient) {
  const db = tx ?? (await getDb());
  const { anonymityThreshold: k } = await getWorkspaceSettings(db);
  return { db, k };
}

// ---------------------------------------------------------------------------------------------
// Per-cell aggregates and their sums over a group

type NpsRow = { survey_id: string; cell: string; key: string; promoters: number; passives: number; detractors: number };
type LikertRow = {
  survey_id: string;
  cell: string;
  key: string;
  dimension: string;
  answers: number;
  total: number;
  squares: number;
  favorable: number;
};
type DoraRow = {
  survey_id: string;
  cell: string;
  metric: string;
  elite: number;
  high: number;
  medium: number;
  low: number;
};

const inGroup = (g: Extract<Group, { hidden: false }>) => (r: { survey_id: string; cell: string }) =>
  r.survey_id === g.survey.surveyId && g.cells.has(r.cell);

function npsOf(rows: readonly NpsRow[], g: Extract<Group, { hidden: false }>): NpsStats | null {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const r of rows.filter(inGroup(g))) {
    promoters += Number(r.promoters);
    passives += Number(r.passives);
    detractors += Number(r.detractors);
  }
  return computeNps(promoters, passives, detractors);
}

/**
 * Per dimension: the mean and spread over every answer to its questions, % favorable, and as n the
 * largest number of people who answered one of its questions (a lower bound on its respondents, so the
 * interval errs on the safe side).
 */
function scoresOf(rows: readonly LikertRow[], g: Extract<Group, { hidden: false }>): Map<string, ScoreStats> {
  const perKey = new Map<
    string,
    { dimension: string; answers: number; total: number; squares: number; favorable: number }
  >();
  for (const r of rows.filter(inGroup(g))) {
    const acc = perKey.get(r.key) ?? { dimension: r.dimension, answers: 0, total: 0, squares: 0, favorable: 0 };
    acc.answers += Number(r.answers);
    acc.total += Number(r.total);
    acc.squares += Number(r.squares);
    acc.favorable += Number(r.favorable);
    perKey.set(r.key, acc);
  }
  const perDimension = new Map<
    string,
    { n: number; answers: number; total: number; squares: number; favorable: number }
  >();
  for (const acc of perKey.values()) {
    const d = perDimension.get(acc.dimension) ?? { n: 0, answers: 0, total: 0, squares: 0, favorable: 0 };
    d.n = Math.max(d.n, acc.answers);
    d.answers += acc.answers;
    d.total += acc.total;
    d.squares += acc.squares;
    d.favorable += acc.favorable;
    perDimension.set(acc.dimension, d);
  }
  const out = new Map<string, ScoreStats>();
  for (const [dimension, d] of perDimension) {
    if (d.answers === 0) continue;
    const mean = d.total / d.answers;
    const sd = d.answers > 1 ? Math.sqrt(Math.max(0, (d.squares - d.total ** 2 / d.answers) / (d.answers - 1))) : null;
    out.set(dimension, summarizeScore({ n: d.n, mean, sd, favorable: d.favorable, answers: d.answers }));
  }
  return out;
}

function doraOf(
  rows: readonly DoraRow[],
  g: Extract<Group, { hidden: false }>,
): Map<string, { n: number; counts: Record<DoraBand, number>; median: DoraBand | null }> {
  const out = new Map<string, { n: number; counts: Record<DoraBand, number>; median: DoraBand | null }>();
  for (const r of rows.filter(inGroup(g))) {
    const m = out.get(r.metric) ?? { n: 0, counts: { elite: 0, high: 0, medium: 0, low: 0 }, median: null };
    for (const band of ["elite", "high", "medium", "low"] as const) {
      m.counts[band] += Number(r[band]);
      m.n += Number(r[band]);
    }
    out.set(r.metric, m);
  }
  for (const m of out.values()) m.median = medianBand(m.counts);
  return out;
}

async function npsRows(db: DbClient, surveyIds: string[], key?: string) {
  return surveyIds.length ? selectRows<NpsRow>(db, analyticsSql.nps(surveyIds, key)) : [];
}
async function likertRows(db: DbClient, surveyIds: string[]) {
  return surveyIds.length ? selectRows<LikertRow>(db, analyticsSql.likert(surveyIds)) : [];
}
async function doraRows(db: DbClient, surveyIds: string[]) {
  return surveyIds.length ? selectRows<DoraRow>(db, analyticsSql.dora(surveyIds)) : [];
}

async function dimensionNames(db: DbClient) {
  const custom = await db.select({ key: customDimensions.key, name: customDimensions.name }).from(customDimensions);
  return (key: string) => dimensionName(key, custom);
}

const dimensionOrder = ["space.", "devex.", "custom.", "dora."];
function byDimensionOrder(a: string, b: string) {
  const rank = (k: string) => {
    const i = dimensionOrder.findIndex((p) => k.startsWith(p));
    return i === -1 ? dimensionOrder.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

function changesOf(points: NpsPoint[]): NpsChangePoint[] {
  const out: NpsChangePoint[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.hidden || b.hidden) continue;
    out.push({ from: a.period, to: b.period, ...npsChange(a, b) });
  }
  return out;
}

const rangeOf = (f: AnalyticsFilter): PublicationScope => ({ from: f.from, to: f.to });

// ---------------------------------------------------------------------------------------------
// Dashboards

/**
 * The group a filter names in the survey that speaks for a figure in each quarter. A quarter whose
 * surveys are all still collecting comes back hidden as "collecting"; one that never asks the figure is left out.
 */
function groupsByQuarter(
  quarters: readonly Quarter[],
  filter: AnalyticsFilter,
  asks: ReadonlySet<string>,
): { period: string; group: Group }[] {
  const out: { period: string; group: Group }[] = [];
  for (const q of quarters) {
    const survey = speakerFor(q, asks);
    if (!survey) {
      if (!isPublished(q)) out.push({ period: q.period, group: { hidden: true, reason: "collecting" } });
      continue;
    }
    const group = groupOf(survey, requestOf(filter));
    if (group) out.push({ period: q.period, group });
  }
  return out;
}

/** NPS per quarter with its 95% interval and the quarter-over-quarter change (flagged when within noise). */
export async function getNpsTrend({
  filter,
  key,
  tx,
}: {
  filter: AnalyticsFilter;
  key?: string;
  tx?: DbClient;
}): Promise<NpsTrend> {
  const { db, k } = await context(tx);
  const quarters = quartersOf(await publications(db, rangeOf(filter), k));
  const rows = await npsRows(db, publishedIds(quarters), key);
  const points: NpsPoint[] = [];
  for (const { period, group } of groupsByQuarter(quarters, filter, surveysIn(rows))) {
    if (group.hidden) {
      points.push({ period, ...hiddenAs(group) });
      continue;
    }
    const stats = npsOf(rows, group);
    if (stats) points.push({ period, hidden: false, ...stats });
  }
  return { k, key: rows[0]?.key ?? key ?? null, points, changes: changesOf(points) };
}

/** Mean, % favorable and interval per dimension and quarter. */
export async function getDimensionTrends({
  filter,
  tx,
}: {
  filter: AnalyticsFilter;
  tx?: DbClient;
}): Promise<DimensionTrends> {
  const { db, k } = await context(tx);
  const quarters = quartersOf(await publications(db, rangeOf(filter), k));
  const [rows, nameOf] = await Promise.all([likertRows(db, publishedIds(quarters)), dimensionNames(db)]);
  const keys = [...new Set(rows.map((r) => r.dimension))].sort(byDimensionOrder);
  const points: DimensionPoint[] = [];
  for (const dimension of keys) {
    const asks = surveysIn(rows.filter((r) => r.dimension === dimension));
    for (const { period, group } of groupsByQuarter(quarters, filter, asks)) {
      if (group.hidden) points.push({ period, dimension, ...hiddenAs(group) });
      else {
        const stats = scoresOf(rows, group).get(dimension);
        if (stats) points.push({ period, dimension, hidden: false, ...stats });
      }
    }
  }
  return {
    k,
    periods: quarters.map((q) => q.period),
    dimensions: keys.map((key) => ({ key, name: nameOf(key), points: points.filter((p) => p.dimension === key) })),
  };
}

type TeamInfo = { id: string; name: string; headcount: number; on_platform: boolean; archived: boolean };
async function teamsInPeriod(db: DbClient, period: string): Promise<TeamInfo[]> {
  return selectRows<TeamInfo>(
    db,
    sql`select t.id::text as id, t.name, t.headcount, t.archived_at is not null as archived,
          coalesce((select c.on_platform from team_platform_changes c where c.team_id = t.id and c.effective_period <= ${period}
                    order by c.effective_period desc limit 1), t.on_platform) as on_platform
        from teams t order by lower(t.name)`,
  );
}

const NO_TEAM = "No team recorded";

/** The quarter a single-quarter view shows: the one asked for, else the latest whose results are published. */
function chooseQuarter(quarters: readonly Quarter[], requested: string | undefined): Quarter | null {
  return (
    quarters.find((q) => q.period === requested) ?? [...quarters].reverse().find(isPublished) ?? quarters.at(-1) ?? null
  );
}

/**
 * One quarter, team by team: responses and response rate, NPS, every dimension (the heatmap), and the
 * 50th/75th/90th percentile of the teams that are shown. Each team is a cell of the quarter's survey;
 * the publication decision hides the cells under k and the ones that would let them be subtracted out.
 */
export async function getTeamComparison({
  input,
  tx,
}: {
  input: PeriodViewInput;
  tx?: DbClient;
}): Promise<TeamComparison> {
  const { db, k } = await context(tx);
  const { period: requested, ...filter } = input;
  const quarter = chooseQuarter(quartersOf(await publications(db, rangeOf(filter), k)), requested);
  if (!quarter) return { k, period: null, dimensions: [], teams: [], benchmarks: {} };
  const ids = publishedIds([quarter]);
  const [nps, likert, teamList, nameOf] = await Promise.all([
    npsRows(db, ids),
    likertRows(db, ids),
    teamsInPeriod(db, quarter.period),
    dimensionNames(db),
  ]);
  const dimensionKeys = [...new Set(likert.map((r) => r.dimension))].sort(byDimensionOrder);
  // Responses come from the quarter's main survey; NPS and each dimension from the survey that asks it.
  const headline = pickHeadlineSurvey(quarter.surveys);
  const npsSpeaker = speakerFor(quarter, surveysIn(nps));
  const dimensionSpeakers = new Map(
    dimensionKeys.map((d) => [d, speakerFor(quarter, surveysIn(likert.filter((r) => r.dimension === d)))]),
  );
  const collecting = { hidden: true as const, reason: "collecting" as const };
  const cellIn = (survey: SurveyPublication | null, cellId: string) => survey?.cells.find((c) => c.id === cellId);
  const groupIn = (survey: SurveyPublication | null, cellId: string): Group | null => {
    const cell = cellIn(survey, cellId);
    return survey && cell ? cellGroup(survey, cell) : null;
  };

  const rowFor = (cellId: string, info: TeamInfo | null): TeamRow => {
    const headcount = info?.headcount ?? null;
    const base = {
      teamId: info?.id ?? null,
      name: info?.name ?? NO_TEAM,
      headcount,
      onPlatform: info?.on_platform ?? null,
    };
    if (!headline)
      return {
        ...base,
        responses: collecting,
        nps: collecting,
        scores: Object.fromEntries(dimensionKeys.map((d) => [d, collecting])),
      };
    const counted = groupIn(headline, cellId);
    const npsGroup = groupIn(npsSpeaker, cellId);
    const npsStats = npsGroup && !npsGroup.hidden ? npsOf(nps, npsGroup) : null;
    return {
      ...base,
      responses: !counted
        ? null
        : counted.hidden
          ? hiddenAs(counted)
          : { hidden: false, n: counted.n, rate: headcount ? counted.n / headcount : null },
      nps: !npsGroup ? null : npsGroup.hidden ? hiddenAs(npsGroup) : npsStats ? { hidden: false, ...npsStats } : null,
      scores: Object.fromEntries(
        dimensionKeys.flatMap((d): [string, Maybe<ScoreStats>][] => {
          const g = groupIn(dimensionSpeakers.get(d) ?? null, cellId);
          if (!g) return [];
          if (g.hidden) return [[d, hiddenAs(g)]];
          const stats = scoresOf(likert, g).get(d);
          return stats ? [[d, { hidden: false, ...stats }]] : [];
        }),
      ),
    };
  };

  const answered = new Set(quarter.surveys.flatMap((s) => s.cells.map((c) => c.id)));
  const included = teamList.filter((t) => {
    if (filter.team && t.id !== filter.team) return false;
    if (filter.adoption && t.on_platform !== (filter.adoption === "on")) return false;
    return !t.archived || answered.has(t.id);
  });
  const rows = included.map((t) => rowFor(t.id, t));
  if (answered.has("") && !filter.team && !filter.adoption) rows.push(rowFor("", null));

  const shownValues = (pick: (row: TeamRow) => Maybe<{ score: number } | { mean: number }> | null | undefined) =>
    rows
      .filter((r) => r.teamId)
      .map(pick)
      .filter((v): v is Exclude<typeof v, null | undefined | { hidden: true }> => !!v && !v.hidden)
      .map((v) => ("score" in v ? v.score : v.mean));
  const benchmarks: TeamComparison["benchmarks"] = { nps: benchmarkOf(shownValues((r) => r.nps)) };
  for (const key of dimensionKeys) benchmarks[key] = benchmarkOf(shownValues((r) => r.scores[key]));

  return {
    k,
    period: quarter.period,
    dimensions: dimensionKeys.map((key) => ({ key, name: nameOf(key) })),
    teams: rows,
    benchmarks,
  };
}

/** On-platform vs off-platform teams, quarter by quarter, using the adoption flag that held in each quarter. */
export async function getAdoptionComparison({
  filter,
  tx,
}: {
  filter: AnalyticsFilter;
  tx?: DbClient;
}): Promise<AdoptionComparison> {
  const { db, k } = await context(tx);
  const quarters = quartersOf(await publications(db, rangeOf(filter), k));
  const ids = publishedIds(quarters);
  const [nps, likert, nameOf] = await Promise.all([npsRows(db, ids), likertRows(db, ids), dimensionNames(db)]);
  const dimensionKeys = [...new Set(likert.map((r) => r.dimension))].sort(byDimensionOrder);
  const out: AdoptionComparison = {
    k,
    periods: quarters.map((q) => q.period),
    nps: { on: [], off: [] },
    dimensions: dimensionKeys.map((key) => ({ key, name: nameOf(key), on: [], off: [] })),
  };
  for (const side of ["on", "off"] as const) {
    const sideFilter = { ...filter, adoption: side };
    for (const { period, group } of groupsByQuarter(quarters, sideFilter, surveysIn(nps))) {
      if (group.hidden) out.nps[side].push({ period, ...hiddenAs(group) });
      else {
        const stats = npsOf(nps, group);
        if (stats) out.nps[side].push({ period, hidden: false, ...stats });
      }
    }
    for (const d of out.dimensions) {
      for (const { period, group } of groupsByQuarter(
        quarters,
        sideFilter,
        surveysIn(likert.filter((r) => r.dimension === d.key)),
      )) {
        if (group.hidden) d[side].push({ period, dimension: d.key, ...hiddenAs(group) });
        else {
          const stats = scoresOf(likert, group).get(d.key);
          if (stats) d[side].push({ period, dimension: d.key, hidden: false, ...stats });
        }
      }
    }
  }
  return out;
}

/** DORA bands per team and per adoption group in the latest published quarter with DORA answers (or the one asked for). */
export async function getDoraSummary({ input, tx }: { input: PeriodViewInput; tx?: DbClient }): Promise<DoraSummary> {
  const { db, k } = await context(tx);
  const { period: requested, ...filter } = input;
  const quarters = quartersOf(await publications(db, rangeOf(filter), k));
  // Which surveys ask DORA is read from their questions, so only the quarter shown is aggregated.
  const [askRows, nameOf] = await Promise.all([
    selectRows<{ survey_id: string }>(
      db,
      sql`select distinct survey_id::text as survey_id from questions where kind = 'single_choice' and dimension like 'dora.%'`,
    ),
    dimensionNames(db),
  ]);
  const asks = surveysIn(askRows);
  const withDora = quarters.flatMap((q) => {
    const survey = speakerFor(q, asks);
    return survey ? [{ period: q.period, survey }] : [];
  });
  const periods = withDora.map((q) => q.period);
  const metrics = doraMetricKeys.map((key) => ({ key, name: nameOf(key) }));
  const quarter = withDora.find((q) => q.period === requested) ?? withDora.at(-1);
  if (!quarter) return { k, period: null, periods, metrics, teams: [], adoption: [] };
  const survey = quarter.survey;
  const rows = await doraRows(db, [survey.surveyId]);
  const teamInfo = new Map((await teamsInPeriod(db, quarter.period)).map((t) => [t.id, t]));

  const assemble = (group: Group, id: string | null, name: string, onPlatform: boolean | null): DoraGroupRow => {
    if (group.hidden) {
      const marker = hiddenAs(group);
      return {
        id,
        name,
        onPlatform,
        classification: marker,
        metrics: Object.fromEntries(doraMetricKeys.map((m) => [m, marker])),
      };
    }
    const values = doraOf(rows, group);
    const shown = [...values.values()];
    return {
      id,
      name,
      onPlatform,
      classification: { hidden: false, band: shown.length ? classifyDora(shown.map((v) => v.median)) : null },
      metrics: Object.fromEntries(
        [...values].map(([metric, v]) => [metric, { hidden: false, ...v } as DoraMetricValue]),
      ),
    };
  };
  const request = requestOf(filter);
  const teamsOut = survey.cells
    .filter((c) => c.id !== "" || (!filter.team && !filter.adoption))
    .filter((c) => (!request.team || c.id === request.team) && (!request.adoption || c.adoption === request.adoption))
    .map((c) => {
      const info = teamInfo.get(c.id);
      return assemble(cellGroup(survey, c), c.id || null, info?.name ?? NO_TEAM, info?.on_platform ?? null);
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const adoption = (["on", "off"] as const).flatMap((side) => {
    if (request.adoption && request.adoption !== side) return [];
    const group = groupOf(survey, { team: request.team, adoption: side });
    return group
      ? [assemble(group, side, side === "on" ? "On the platform" : "Not on the platform", side === "on")]
      : [];
  });
  return { k, period: quarter.period, periods, metrics, teams: teamsOut, adoption };
}

/**
 * Responses and response rate (from headcount) per survey and team. A closed survey shows the cells its
 * publication decision shows; a survey still collecting shows only its total, rounded down to a
 * multiple of k, so live progress moves in steps of k people.
 */
export async function getResponseRates({
  filter,
  tx,
}: {
  filter: AnalyticsFilter;
  tx?: DbClient;
}): Promise<ResponseRates> {
  const { db, k } = await context(tx);
  const surveysInScope = await publications(db, rangeOf(filter), k);
  const teamRows = await db.select({ id: teams.id, name: teams.name, headcount: teams.headcount }).from(teams);
  const teamInfo = new Map(teamRows.map((t) => [t.id as string, t]));
  const request = requestOf(filter);
  const out: ResponseRates["surveys"] = [];
  for (const survey of surveysInScope) {
    const group = groupOf(survey, request);
    if (!group) continue;
    const live = progressCount(
      survey.cells.filter((c) => inRequest(c, request)).reduce((sum, c) => sum + c.n, 0),
      k,
    );
    const total: ResponseRates["surveys"][number]["total"] = survey.collecting
      ? live === null
        ? { hidden: true, reason: "collecting" }
        : { hidden: false, n: live, atLeast: true }
      : group.hidden
        ? hiddenAs(group)
        : { hidden: false, n: group.n };
    out.push({
      surveyId: survey.surveyId,
      title: survey.title,
      period: survey.period,
      total,
      teams: survey.cells
        .filter((c) => inRequest(c, request))
        .map((c) => {
          const info = teamInfo.get(c.id);
          const headcount = info?.headcount ?? null;
          const g = cellGroup(survey, c);
          return {
            teamId: c.id || null,
            name: info?.name ?? NO_TEAM,
            headcount,
            value: g.hidden
              ? hiddenAs(g)
              : { hidden: false as const, n: c.n, rate: headcount ? c.n / headcount : null },
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  out.sort((a, b) => a.period.localeCompare(b.period) || a.title.localeCompare(b.title));
  return { k, surveys: out };
}

const inRequest = (c: Cell, r: GroupRequest) =>
  (!r.team || c.id === r.team) && (!r.adoption || c.adoption === r.adoption);

/** Quarters with responses (and which of them are published), teams and k for the filter bar. */
export async function getAnalyticsMeta({ tx }: { tx?: DbClient } = {}): Promise<AnalyticsMeta> {
  const { db, k } = await context(tx);
  const [surveysInScope, teamRows] = await Promise.all([
    publications(db, {}, k),
    db
      .select({ id: teams.id, name: teams.name, onPlatform: teams.onPlatform })
      .from(teams)
      .where(isNull(teams.archivedAt))
      .orderBy(asc(teams.name)),
  ]);
  const quarters = quartersOf(surveysInScope);
  return {
    k,
    periods: quarters.map((q) => q.period),
    publishedPeriods: quarters.filter(isPublished).map((q) => q.period),
    teams: teamRows,
  };
}

// ---------------------------------------------------------------------------------------------
// Per-survey results

type BucketRow = { cell: string; question_id: string; bucket: string; count: number };
type AnsweredRow = { cell: string; question_id: string; n: number };

async function surveyPublication(db: DbClient, surveyId: string, k: number): Promise<SurveyPublication | null> {
  return (await publications(db, { surveyId }, k))[0] ?? null;
}

/** Each question's answer distribution for one survey, for everyone or for a team or adoption group. */
export async function getSurveyResults({
  surveyId,
  query,
  tx,
}: {
  surveyId: string;
  query: SurveyResultsQuery;
  tx?: DbClient;
}): Promise<SurveyResults> {
  const { db, k } = await context(tx);
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, surveyId));
  if (!survey) throw notFound("Survey");
  const [publication, questionRows, rewordings] = await Promise.all([
    surveyPublication(db, surveyId, k),
    db.select().from(questions).where(eq(questions.surveyId, surveyId)).orderBy(asc(questions.position)),
    // Rewordings of this survey's question keys up to its quarter: their trend compares different wordings.
    selectRows<{ key: string; period: string; previous_prompt: string }>(
      db,
      sql`select q.key, s.period, c.previous_prompt
          from question_wording_changes c join questions q on q.id = c.question_id join surveys s on s.id = q.survey_id
          where s.period <= ${survey.period} and q.key in (select key from questions where survey_id = ${surveyId})
          order by c.changed_at`,
    ),
  ]);
  const base = { k, survey: { id: survey.id, title: survey.title, period: survey.period, status: survey.status } };
  const group: Group =
    (publication && groupOf(publication, requestOf(query))) ??
    ({ hidden: true, reason: survey.status === "closed" ? "below_threshold" : "collecting" } as const);
  const meta = (q: (typeof questionRows)[number]) => ({
    id: q.id,
    key: q.key,
    kind: q.kind,
    prompt: q.prompt,
    dimension: q.dimension,
    rewordings: rewordings
      .filter((r) => r.key === q.key)
      .map((r) => ({ period: r.period, previousPrompt: r.previous_prompt })),
  });
  if (group.hidden) {
    return {
      ...base,
      total: hiddenAs(group),
      questions: questionRows.map((q) => ({ ...meta(q), result: hiddenAs(group) })),
    };
  }

  const [buckets, answered] = await Promise.all([
    selectRows<BucketRow>(db, analyticsSql.buckets(surveyId)),
    selectRows<AnsweredRow>(db, analyticsSql.answered(surveyId)),
  ]);
  const mine = <R extends { cell: string }>(rows: R[]) => rows.filter((r) => group.cells.has(r.cell));
  const answeredBy = new Map<string, number>();
  for (const r of mine(answered)) answeredBy.set(r.question_id, (answeredBy.get(r.question_id) ?? 0) + Number(r.n));
  const countsBy = new Map<string, Map<string, number>>();
  for (const b of mine(buckets)) {
    const m = countsBy.get(b.question_id) ?? countsBy.set(b.question_id, new Map()).get(b.question_id)!;
    m.set(b.bucket, (m.get(b.bucket) ?? 0) + Number(b.count));
  }

  const results: QuestionResult[] = questionRows.map((q) => {
    const n = answeredBy.get(q.id) ?? 0;
    const counts = countsBy.get(q.id) ?? new Map<string, number>();
    const scale =
      q.kind === "likert"
        ? ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }))
        : q.kind === "nps"
          ? Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }))
          : q.kind === "free_text"
            ? []
            : (q.options ?? []).map((o) => ({ value: o.id, label: o.label }));
    const bucketsOut = scale.map((s) => ({ ...s, count: counts.get(s.value) ?? 0 }));
    const result: Extract<QuestionResult["result"], { hidden: false }> = {
      hidden: false,
      answered: n,
      buckets: bucketsOut,
    };
    if (q.kind === "nps") {
      const c = (lo: number, hi: number) =>
        bucketsOut.filter((b) => +b.value >= lo && +b.value <= hi).reduce((s, b) => s + b.count, 0);
      result.nps = computeNps(c(9, 10), c(7, 8), c(0, 6));
    }
    if (q.kind === "likert") {
      const all = bucketsOut.reduce((s, b) => s + b.count, 0);
      const sum = bucketsOut.reduce((s, b) => s + Number(b.value) * b.count, 0);
      const fav = bucketsOut.filter((b) => +b.value >= 4).reduce((s, b) => s + b.count, 0);
      result.score = all ? { mean: sum / all, favorablePct: (fav / all) * 100 } : null;
    }
    if (q.kind === "free_text") result.comments = n;
    return { ...meta(q), result };
  });
  return { ...base, total: { hidden: false, n: group.n }, questions: results };
}

const COMMENTS_PAGE = 50;
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Free-text answers of one question for a published group, searchable. No order by time. */
export async function getComments({
  surveyId,
  query,
  tx,
}: {
  surveyId: string;
  query: CommentsQuery;
  tx?: DbClient;
}): Promise<CommentsPage> {
  const { db, k } = await context(tx);
  const [question] = await db.select().from(questions).where(eq(questions.id, query.question));
  if (!question || question.surveyId !== surveyId || question.kind !== "free_text") throw notFound("Question");
  const [survey] = await db.select({ status: surveys.status }).from(surveys).where(eq(surveys.id, surveyId));
  const publication = await surveyPublication(db, surveyId, k);
  const group = publication && groupOf(publication, requestOf(query));
  if (!group || group.hidden)
    return {
      k,
      comments: {
        hidden: true,
        reason: group?.hidden ? group.reason : survey?.status === "closed" ? "below_threshold" : "collecting",
      },
    };

  const cells = [...group.cells];
  const search = query.q ? sql`and a.text_value ilike ${likePattern(query.q)}` : sql``;
  const offset = query.offset ?? 0;
  const rows = await selectRows<{ text: string; total: number }>(
    db,
    sql`select a.text_value as text, count(*) over ()::int as total
      from responses r join answers a on a.response_id = r.id
      where r.survey_id = ${surveyId} and ${cellOf} in (${inList(cells)})
        and a.question_id = ${query.question} and nullif(btrim(a.text_value), '') is not null ${search}
      order by md5(a.id::text)
      limit ${COMMENTS_PAGE} offset ${offset}`,
  );
  return {
    k,
    comments: {
      hidden: false,
      items: rows.map((r) => r.text),
      total: rows[0]?.total ?? 0,
      offset,
      pageSize: COMMENTS_PAGE,
    },
  };
}

/** Surveys that have responses, newest first, with the response total (hidden under k, or while collecting). */
export async function listSurveysWithResults({ tx }: { tx?: DbClient } = {}) {
  const { db, k } = await context(tx);
  const all = await publications(db, {}, k);
  const rows = all
    .map((s) => {
      const base = { id: s.surveyId, title: s.title, period: s.period, status: s.status };
      const total = s.publication.total;
      return total.shown
        ? { ...base, hidden: false as const, responses: s.n }
        : { ...base, hidden: true as const, reason: total.reason };
    })
    .sort((a, b) => b.period.localeCompare(a.period));
  return { k, surveys: rows };
}
