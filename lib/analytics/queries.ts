import "server-only";
import { asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { customDimensions, questions, surveys, teams } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { dimensionName } from "@/lib/surveys/dimensions";
import type { DoraBand } from "@/lib/surveys/templates";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import { classifyDora, doraMetricKeys, medianBand } from "./dora";
import { computeNps, npsChange, type NpsStats } from "./nps";
import type { AnalyticsFilter, CommentsQuery, PeriodViewInput, SurveyResultsQuery } from "./schemas";
import { benchmarkOf, summarizeScore, type ScoreStats } from "./scores";
import { findComplementLeak, suppressSmallGroups, type GroupCounts } from "./suppression";
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

// Every aggregate runs in SQL over `fr` (the filtered responses). SQL nulls the statistics of groups
// under k; suppressSmallGroups then strips the markers' numbers (n included) and applies the complement rules.

type Scope = AnalyticsFilter & { surveyId?: string };
type Grouping = "all" | "team" | "adoption";

const periodConditions = (f: Scope): SQL[] => [
  ...(f.from ? [sql`s.period >= ${f.from}`] : []),
  ...(f.to ? [sql`s.period <= ${f.to}`] : []),
  ...(f.surveyId ? [sql`s.id = ${f.surveyId}`] : []),
];
const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/** CTEs `team_period` (the adoption flag that held for each team in each quarter) and `fr` (filtered responses). */
function filteredResponses(f: Scope): SQL {
  const scope = and(periodConditions(f));
  const filters = and([
    scope,
    ...(f.team ? [sql`r.team_id = ${f.team}`] : []),
    ...(f.adoption ? [sql`tp.on_platform = ${f.adoption === "on"}`] : []),
  ]);
  return sql`team_period as (
      select t.id as team_id, p.period,
        coalesce((select c.on_platform from team_platform_changes c
                  where c.team_id = t.id and c.effective_period <= p.period
                  order by c.effective_period desc limit 1), t.on_platform) as on_platform
      from teams t cross join (select distinct s.period from surveys s where ${scope}) p
    ),
    fr as (
      select r.id, r.team_id, r.survey_id, s.period, tp.on_platform
      from responses r
      join surveys s on s.id = r.survey_id
      left join team_period tp on tp.team_id = r.team_id and tp.period = s.period
      where ${filters}
    )`;
}

const groupColumn = (g: Grouping): SQL =>
  g === "team"
    ? sql`coalesce(fr.team_id::text, '')`
    : g === "adoption"
      ? sql`case when fr.on_platform then 'on' when not fr.on_platform then 'off' else 'none' end`
      : sql`'all'`;

/** The threshold in SQL: statistics of a group under k come back as null. n stays for the complement step. */
function nullBelowK(k: number, inner: SQL, keys: string[], values: string[]): SQL {
  const cols = [
    ...keys.map((c) => sql`g.${sql.identifier(c)}`),
    sql`g.n`,
    ...values.map((v) => sql`case when g.n >= ${k} then g.${sql.identifier(v)} end as ${sql.identifier(v)}`),
  ];
  return sql`select ${sql.join(cols, sql`, `)} from (${inner}) g`;
}

/** Raw SQL of each dashboard aggregate, exported so the benchmark times exactly these statements. */
export const analyticsSql = {
  nps(f: Scope, k: number, grouping: Grouping, key?: string): SQL {
    const keyCondition = key
      ? sql`q.key = ${key}`
      : sql`q.key = (select key from questions where kind = 'nps' group by key order by count(*) desc, key limit 1)`;
    const inner = sql`with ${filteredResponses(f)}
      select fr.period, ${groupColumn(grouping)} as grp, q.key, count(*)::int as n,
        count(*) filter (where a.number_value >= 9)::int as promoters,
        count(*) filter (where a.number_value between 7 and 8)::int as passives,
        count(*) filter (where a.number_value <= 6)::int as detractors
      from fr
      join answers a on a.response_id = fr.id
      join questions q on q.id = a.question_id
      where q.kind = 'nps' and ${keyCondition} and a.number_value is not null
      group by 1, 2, 3`;
    return sql`${nullBelowK(k, inner, ["period", "grp", "key"], ["promoters", "passives", "detractors"])} order by 1, 2`;
  },

  /**
   * Likert questions roll up by the dimension their key carries in its latest quarter, so re-tagging never
   * splits a trend. One pass over the answers, per question key, then per dimension: n is the largest
   * number of people who answered one of the dimension's questions (a lower bound on its respondents, so
   * both the threshold and the interval err on the safe side); mean, sd and % favorable are over answers.
   */
  dimensions(f: Scope, k: number, grouping: Grouping): SQL {
    const inner = sql`with ${filteredResponses(f)},
      key_dimension as (
        select distinct on (q.key) q.key, q.dimension
        from questions q join surveys s on s.id = q.survey_id
        where q.kind = 'likert' and q.dimension is not null
        order by q.key, s.period desc, q.created_at desc
      ),
      per_question as (
        select fr.period, ${groupColumn(grouping)} as grp, q.key, count(*)::float8 as answers,
          sum(a.number_value)::float8 as total, sum(a.number_value * a.number_value)::float8 as squares,
          count(*) filter (where a.number_value >= 4)::float8 as favorable
        from fr
        join answers a on a.response_id = fr.id
        join questions q on q.id = a.question_id
        where q.kind = 'likert' and a.number_value is not null
        group by 1, 2, 3
      )
      select pq.period, pq.grp, kd.dimension, max(pq.answers)::int as n,
        (sum(pq.total) / sum(pq.answers))::float8 as mean,
        sqrt(greatest(0, (sum(pq.squares) - sum(pq.total) ^ 2 / sum(pq.answers)) / nullif(sum(pq.answers) - 1, 0)))::float8 as sd,
        sum(pq.favorable)::int as favorable, sum(pq.answers)::int as answers
      from per_question pq join key_dimension kd on kd.key = pq.key
      group by 1, 2, 3`;
    return sql`${nullBelowK(k, inner, ["period", "grp", "dimension"], ["mean", "sd", "favorable", "answers"])} order by 1, 2, 3`;
  },

  /** Responses per survey and team, with the survey's title and the team's name and headcount joined after counting. */
  responseCounts(f: Scope, k: number): SQL {
    const inner = sql`with ${filteredResponses(f)},
      counts as (select fr.survey_id, fr.team_id, count(*)::int as n from fr group by 1, 2)
      select c.survey_id::text as survey_id, s.period, s.title, coalesce(c.team_id::text, '') as grp,
        t.name as team_name, t.headcount, c.n, c.n as responses
      from counts c join surveys s on s.id = c.survey_id left join teams t on t.id = c.team_id`;
    return sql`${nullBelowK(k, inner, ["survey_id", "period", "title", "grp", "team_name", "headcount"], ["responses"])} order by 2, 1, 4`;
  },

  /** DORA answers: single-choice option ids are bands, so the distribution is four filtered counts per metric. */
  dora(f: Scope, k: number, grouping: Grouping): SQL {
    const inner = sql`with ${filteredResponses(f)}
      select fr.period, ${groupColumn(grouping)} as grp, q.dimension as metric,
        count(*) filter (where a.choice_values[1] in ('elite', 'high', 'medium', 'low'))::int as n,
        count(*) filter (where a.choice_values[1] = 'elite')::int as elite,
        count(*) filter (where a.choice_values[1] = 'high')::int as high,
        count(*) filter (where a.choice_values[1] = 'medium')::int as medium,
        count(*) filter (where a.choice_values[1] = 'low')::int as low
      from fr
      join answers a on a.response_id = fr.id
      join questions q on q.id = a.question_id
      where q.kind = 'single_choice' and q.dimension like 'dora.%' and a.choice_values is not null
      group by 1, 2, 3`;
    return sql`${nullBelowK(k, inner, ["period", "grp", "metric"], ["elite", "high", "medium", "low"])} order by 1, 2, 3`;
  },

  /**
   * Respondents per survey in the filtered view and in every broader view, for the complement guard.
   * Responses are counted per survey and team first (an index-only scan), then the adoption flag is
   * attached to those few rows, so the guard stays cheap beside the aggregate it protects.
   */
  complementCounts(f: Scope): SQL {
    const scope = and(periodConditions(f));
    const team = f.team ? sql`c.team_id = ${f.team}` : sql`true`;
    const adoption = f.adoption ? sql`tp.on_platform = ${f.adoption === "on"}` : sql`true`;
    return sql`with team_period as (
        select t.id as team_id, p.period,
          coalesce((select c.on_platform from team_platform_changes c
                    where c.team_id = t.id and c.effective_period <= p.period
                    order by c.effective_period desc limit 1), t.on_platform) as on_platform
        from teams t cross join (select distinct s.period from surveys s where ${scope}) p
      ),
      counts as (
        select r.survey_id, r.team_id, count(*)::int as n
        from responses r join surveys s on s.id = r.survey_id
        where ${scope}
        group by 1, 2
      )
      select s.period, s.title, sum(c.n)::int as total,
        coalesce(sum(c.n) filter (where ${team}), 0)::int as team_n,
        coalesce(sum(c.n) filter (where ${adoption}), 0)::int as adoption_n,
        coalesce(sum(c.n) filter (where ${team} and ${adoption}), 0)::int as filtered
      from counts c
      join surveys s on s.id = c.survey_id
      left join team_period tp on tp.team_id = c.team_id and tp.period = s.period
      group by c.survey_id, s.period, s.title`;
  },
};

// ---------------------------------------------------------------------------------------------

async function context(tx?: DbClient) {
  const db = tx ?? (await getDb());
  const { anonymityThreshold: k } = await getWorkspaceSettings(db);
  return { db, k };
}

/**
 * Refuses a filter when the people it leaves out could be worked out by subtraction:
 * for each survey, (no filter − filter), (team only − both) and (adoption only − both) must be 0 or ≥ k.
 */
export async function assertFilterIsSafe(db: DbClient, k: number, f: Scope) {
  if (!f.team && !f.adoption) return;
  const rows = await selectRows<{ period: string; title: string; total: number; team_n: number; adoption_n: number; filtered: number }>(
    db,
    analyticsSql.complementCounts(f),
  );
  const groups: GroupCounts[] = rows.map((r) => ({
    label: `${r.title} (${r.period})`,
    filtered: r.filtered,
    supersets: f.team && f.adoption ? [r.total, r.team_n, r.adoption_n] : [r.total],
  }));
  const leak = findComplementLeak(groups, k);
  if (leak) {
    const field = f.team && f.adoption ? "adoption" : f.team ? "team" : "adoption";
    const message = `This filter would leave fewer than ${k} responses outside it in “${leak.label}”, so comparing it with the unfiltered view could reveal their answers. Widen the filter or choose another quarter range.`;
    throw new AppError("validation", message, { [field]: [message] });
  }
}

type NpsRow = { period: string; grp: string; key: string; n: number; promoters: number | null; passives: number | null; detractors: number | null };
const npsShape = (r: NpsRow): NpsStats => computeNps(r.promoters!, r.passives!, r.detractors!)!;

type DimensionRow = { period: string; grp: string; dimension: string; n: number; mean: number | null; sd: number | null; favorable: number | null; answers: number | null };
const scoreShape = (r: DimensionRow): ScoreStats =>
  summarizeScore({ n: r.n, mean: Number(r.mean), sd: r.sd === null ? null : Number(r.sd), favorable: r.favorable!, answers: r.answers! });

async function dimensionNames(db: DbClient) {
  const custom = await db.select({ key: customDimensions.key, name: customDimensions.name }).from(customDimensions);
  return (key: string) => dimensionName(key, custom);
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

/** NPS per quarter with its 95% interval and the quarter-over-quarter change (flagged when within noise). */
export async function getNpsTrend({ filter, key, tx }: { filter: AnalyticsFilter; key?: string; tx?: DbClient }): Promise<NpsTrend> {
  const { db, k } = await context(tx);
  await assertFilterIsSafe(db, k, filter);
  const rows = await selectRows<NpsRow>(db, analyticsSql.nps(filter, k, "all", key));
  const points = suppressSmallGroups(rows, { k, keys: ["period"], shape: npsShape }) as NpsPoint[];
  return { k, key: rows[0]?.key ?? key ?? null, points, changes: changesOf(points) };
}

/** Mean, % favorable and interval per dimension and quarter. */
export async function getDimensionTrends({ filter, tx }: { filter: AnalyticsFilter; tx?: DbClient }): Promise<DimensionTrends> {
  const { db, k } = await context(tx);
  await assertFilterIsSafe(db, k, filter);
  const [rows, nameOf] = await Promise.all([selectRows<DimensionRow>(db, analyticsSql.dimensions(filter, k, "all")), dimensionNames(db)]);
  const points = suppressSmallGroups(rows, { k, keys: ["period", "dimension"], shape: scoreShape }) as DimensionPoint[];
  const keys = [...new Set(rows.map((r) => r.dimension))].sort(byDimensionOrder);
  return {
    k,
    periods: [...new Set(rows.map((r) => r.period))],
    dimensions: keys.map((key) => ({ key, name: nameOf(key), points: points.filter((p) => p.dimension === key) })),
  };
}

const dimensionOrder = ["space.", "devex.", "custom.", "dora."];
function byDimensionOrder(a: string, b: string) {
  const rank = (k: string) => {
    const i = dimensionOrder.findIndex((p) => k.startsWith(p));
    return i === -1 ? dimensionOrder.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

async function listPeriods(db: DbClient, f: AnalyticsFilter): Promise<string[]> {
  const rows = await selectRows<{ period: string }>(
    db,
    sql`select distinct s.period from surveys s where ${and(periodConditions(f))} and exists (select 1 from responses r where r.survey_id = s.id) order by 1`,
  );
  return rows.map((r) => r.period);
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

/** Drops the grouping keys from a suppressed row once it is filed under its team. */
function withoutKeys<T extends object>(row: T | undefined) {
  if (!row) return undefined;
  const { grp: _grp, period: _period, dimension: _dimension, ...rest } = row as T & { grp?: unknown; period?: unknown; dimension?: unknown };
  return rest;
}

/**
 * One quarter, team by team: responses and response rate, NPS, every dimension (the heatmap), and the
 * 50th/75th/90th percentile of the teams that are shown. Teams split the quarter's total, so the
 * complement rule hides one more team whenever the hidden ones add up to fewer than k.
 */
export async function getTeamComparison({ input, tx }: { input: PeriodViewInput; tx?: DbClient }): Promise<TeamComparison> {
  const { db, k } = await context(tx);
  const { period: requested, ...filter } = input;
  const periods = await listPeriods(db, filter);
  const period = requested && periods.includes(requested) ? requested : (periods.at(-1) ?? null);
  if (!period) return { k, period: null, dimensions: [], teams: [], benchmarks: {} };
  const one: AnalyticsFilter = { ...filter, from: period, to: period };
  await assertFilterIsSafe(db, k, one);
  const [npsRows, dimRows, countRows, teamList, nameOf] = await Promise.all([
    selectRows<NpsRow>(db, analyticsSql.nps(one, k, "team")),
    selectRows<DimensionRow>(db, analyticsSql.dimensions(one, k, "team")),
    selectRows<CountRow>(db, analyticsSql.responseCounts(one, k)),
    teamsInPeriod(db, period),
    dimensionNames(db),
  ]);
  // Response counts come from the quarter's main survey (the one most people answered): adding up several
  // surveys would count the same people twice and could lift a small team over k.
  const surveyTotals = new Map<string, number>();
  for (const r of countRows) surveyTotals.set(r.survey_id, (surveyTotals.get(r.survey_id) ?? 0) + r.n);
  const mainSurvey = [...surveyTotals].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mainCounts = countRows.filter((r) => r.survey_id === mainSurvey);
  const perTeam = new Set(countRows.map((r) => r.grp));
  const counts = suppressSmallGroups(mainCounts, { k, keys: ["grp"], partitionBy: ["survey_id"], shape: (r) => ({ n: r.n }) });
  const nps = suppressSmallGroups(npsRows, { k, keys: ["grp"], partitionBy: ["period"], shape: npsShape });
  const scores = suppressSmallGroups(dimRows, { k, keys: ["grp", "dimension"], partitionBy: ["period", "dimension"], shape: scoreShape });
  const dimensionKeys = [...new Set(dimRows.map((r) => r.dimension))].sort(byDimensionOrder);

  const included = teamList.filter((t) => {
    if (filter.team && t.id !== filter.team) return false;
    if (filter.adoption && t.on_platform !== (filter.adoption === "on")) return false;
    return !t.archived || perTeam.has(t.id);
  });
  const rowFor = (grp: string, info: TeamInfo | null): TeamRow => {
    const c = counts.find((x) => x.grp === grp);
    const headcount = info?.headcount ?? null;
    return {
      teamId: info?.id ?? null,
      name: info?.name ?? NO_TEAM,
      headcount,
      onPlatform: info?.on_platform ?? null,
      responses: !c ? null : c.hidden ? { hidden: true, reason: c.reason } : { hidden: false, n: c.n, rate: headcount ? c.n / headcount : null },
      nps: (withoutKeys(nps.find((x) => x.grp === grp)) as Maybe<NpsStats> | undefined) ?? null,
      scores: Object.fromEntries(scores.filter((s) => s.grp === grp).map((s) => [s.dimension, withoutKeys(s) as Maybe<ScoreStats>])),
    };
  };
  const rows = included.map((t) => rowFor(t.id, t));
  if (perTeam.has("")) rows.push(rowFor("", null));

  const shownValues = (pick: (row: TeamRow) => Maybe<{ score: number } | { mean: number }> | null | undefined) =>
    rows
      .filter((r) => r.teamId)
      .map(pick)
      .filter((v): v is Exclude<typeof v, null | undefined | { hidden: true }> => !!v && !v.hidden)
      .map((v) => ("score" in v ? v.score : v.mean));
  const benchmarks: TeamComparison["benchmarks"] = { nps: benchmarkOf(shownValues((r) => r.nps)) };
  for (const key of dimensionKeys) benchmarks[key] = benchmarkOf(shownValues((r) => r.scores[key]));

  return { k, period, dimensions: dimensionKeys.map((key) => ({ key, name: nameOf(key) })), teams: rows, benchmarks };
}

type CountRow = {
  survey_id: string;
  period: string;
  title: string;
  grp: string;
  team_name: string | null;
  headcount: number | null;
  n: number;
  responses: number | null;
};

/** On-platform vs off-platform teams, quarter by quarter, using the adoption flag that held in each quarter. */
export async function getAdoptionComparison({ filter, tx }: { filter: AnalyticsFilter; tx?: DbClient }): Promise<AdoptionComparison> {
  const { db, k } = await context(tx);
  await assertFilterIsSafe(db, k, filter);
  const [npsRows, dimRows, nameOf] = await Promise.all([
    selectRows<NpsRow>(db, analyticsSql.nps(filter, k, "adoption")),
    selectRows<DimensionRow>(db, analyticsSql.dimensions(filter, k, "adoption")),
    dimensionNames(db),
  ]);
  // Responses without a team ("none") are part of each quarter's total: they take part in the complement rule.
  const nps = suppressSmallGroups(npsRows, { k, keys: ["period", "grp"], partitionBy: ["period"], shape: npsShape });
  const dims = suppressSmallGroups(dimRows, { k, keys: ["period", "grp", "dimension"], partitionBy: ["period", "dimension"], shape: scoreShape });
  const strip = <T extends { grp: string }>(rows: T[], grp: string) => rows.filter((r) => r.grp === grp).map(({ grp: _grp, ...rest }) => rest);
  const dimensionKeys = [...new Set(dimRows.map((r) => r.dimension))].sort(byDimensionOrder);
  return {
    k,
    periods: [...new Set([...npsRows, ...dimRows].map((r) => r.period))].sort(),
    nps: { on: strip(nps, "on") as NpsPoint[], off: strip(nps, "off") as NpsPoint[] },
    dimensions: dimensionKeys.map((key) => ({
      key,
      name: nameOf(key),
      on: strip(dims, "on").filter((d) => d.dimension === key) as DimensionPoint[],
      off: strip(dims, "off").filter((d) => d.dimension === key) as DimensionPoint[],
    })),
  };
}

type DoraRow = {
  period: string;
  grp: string;
  metric: string;
  n: number;
  elite: number | null;
  high: number | null;
  medium: number | null;
  low: number | null;
};
const doraShape = (r: DoraRow) => {
  const counts: Record<DoraBand, number> = { elite: r.elite!, high: r.high!, medium: r.medium!, low: r.low! };
  return { n: r.n, counts, median: medianBand(counts) };
};

/** DORA bands per team and per adoption group in the latest quarter with DORA answers (or the one asked for). */
export async function getDoraSummary({ input, tx }: { input: PeriodViewInput; tx?: DbClient }): Promise<DoraSummary> {
  const { db, k } = await context(tx);
  const { period: requested, ...filter } = input;
  await assertFilterIsSafe(db, k, filter);
  const [teamRows, groupRows, nameOf] = await Promise.all([
    selectRows<DoraRow>(db, analyticsSql.dora(filter, k, "team")),
    selectRows<DoraRow>(db, analyticsSql.dora(filter, k, "adoption")),
    dimensionNames(db),
  ]);
  const periods = [...new Set(teamRows.map((r) => r.period))].sort();
  const period = requested && periods.includes(requested) ? requested : (periods.at(-1) ?? null);
  const metrics = doraMetricKeys.map((key) => ({ key, name: nameOf(key) }));
  if (!period) return { k, period: null, periods, metrics, teams: [], adoption: [] };

  const inPeriod = (rows: DoraRow[]) => rows.filter((r) => r.period === period);
  const byTeam = suppressSmallGroups(inPeriod(teamRows), { k, keys: ["grp", "metric"], partitionBy: ["metric"], shape: doraShape });
  const byGroup = suppressSmallGroups(inPeriod(groupRows), { k, keys: ["grp", "metric"], partitionBy: ["metric"], shape: doraShape });
  const teamInfo = new Map((await teamsInPeriod(db, period)).map((t) => [t.id, t]));

  const assemble = (rows: typeof byTeam, id: string, name: string, onPlatform: boolean | null): DoraGroupRow => {
    const mine = rows.filter((r) => r.grp === id);
    const shown = mine.filter((r) => !r.hidden) as Extract<(typeof mine)[number], { hidden: false }>[];
    const classification: DoraGroupRow["classification"] =
      shown.length === 0 ? { hidden: true, reason: (mine[0] as { reason?: "complement" })?.reason ?? "below_threshold" } : { hidden: false, band: classifyDora(shown.map((r) => r.median)) };
    return {
      id: id === "" ? null : id,
      name,
      onPlatform,
      classification,
      metrics: Object.fromEntries(mine.map(({ grp: _g, metric, ...value }) => [metric, value as DoraMetricValue])),
    };
  };
  const teamIds = [...new Set(byTeam.map((r) => r.grp))];
  const teamsOut = teamIds
    .map((id) => {
      const info = teamInfo.get(id);
      return assemble(byTeam, id, info?.name ?? NO_TEAM, info?.on_platform ?? null);
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const adoption = (["on", "off"] as const)
    .filter((g) => byGroup.some((r) => r.grp === g))
    .map((g) => assemble(byGroup, g, g === "on" ? "On the platform" : "Not on the platform", g === "on"));
  return { k, period, periods, metrics, teams: teamsOut, adoption };
}

/** Responses and response rate (from headcount) per survey and team. */
export async function getResponseRates({ filter, tx }: { filter: AnalyticsFilter; tx?: DbClient }): Promise<ResponseRates> {
  const { db, k } = await context(tx);
  await assertFilterIsSafe(db, k, filter);
  const rows = await selectRows<CountRow>(db, analyticsSql.responseCounts(filter, k));
  const cells = suppressSmallGroups(rows, {
    k,
    keys: ["survey_id", "grp", "team_name", "headcount"],
    partitionBy: ["survey_id"],
    shape: (r) => ({ n: r.n }),
  });
  const out: ResponseRates["surveys"] = [];
  for (const surveyId of [...new Set(rows.map((r) => r.survey_id))]) {
    const mine = rows.filter((r) => r.survey_id === surveyId);
    const n = mine.reduce((sum, r) => sum + r.n, 0);
    out.push({
      surveyId,
      title: mine[0].title,
      period: mine[0].period,
      total: n >= k ? { hidden: false, n } : { hidden: true, reason: "below_threshold" },
      teams: cells
        .filter((c) => c.survey_id === surveyId)
        .map((c) => ({
          teamId: c.grp || null,
          name: c.team_name ?? NO_TEAM,
          headcount: c.headcount,
          value: c.hidden ? { hidden: true as const, reason: c.reason } : { hidden: false as const, n: c.n, rate: c.headcount ? c.n / c.headcount : null },
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  out.sort((a, b) => a.period.localeCompare(b.period) || a.title.localeCompare(b.title));
  return { k, surveys: out };
}

/** Quarters with responses, teams and k for the filter bar. */
export async function getAnalyticsMeta({ tx }: { tx?: DbClient } = {}): Promise<AnalyticsMeta> {
  const { db, k } = await context(tx);
  const [periods, teamRows] = await Promise.all([
    listPeriods(db, {}),
    db.select({ id: teams.id, name: teams.name, onPlatform: teams.onPlatform }).from(teams).where(isNull(teams.archivedAt)).orderBy(asc(teams.name)),
  ]);
  return { k, periods, teams: teamRows };
}

// ---------------------------------------------------------------------------------------------
// Per-survey results

type BucketRow = { question_id: string; bucket: string; count: number };
type AnsweredRow = { question_id: string; n: number };

function surveyBuckets(scope: Scope): SQL {
  return sql`with ${filteredResponses(scope)}
    select a.question_id::text as question_id, a.number_value::text as bucket, count(*)::int as count
    from fr join answers a on a.response_id = fr.id
    where a.number_value is not null group by 1, 2
    union all
    select a.question_id::text, v, count(*)::int
    from fr join answers a on a.response_id = fr.id cross join lateral unnest(a.choice_values) as v
    where a.choice_values is not null
    group by 1, 2`;
}

function surveyAnswered(scope: Scope): SQL {
  return sql`with ${filteredResponses(scope)}
    select a.question_id::text as question_id, count(distinct a.response_id)::int as n
    from fr join answers a on a.response_id = fr.id
    where a.number_value is not null or cardinality(a.choice_values) > 0 or nullif(btrim(a.text_value), '') is not null
    group by 1`;
}

/**
 * Each question's answer distribution for one survey, optionally for one team or adoption group.
 * Hidden when the group is under k; with a filter, a question is also hidden when the people who
 * answered it outside the filter number fewer than k.
 */
export async function getSurveyResults({ surveyId, query, tx }: { surveyId: string; query: SurveyResultsQuery; tx?: DbClient }): Promise<SurveyResults> {
  const { db, k } = await context(tx);
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, surveyId));
  if (!survey) throw notFound("Survey");
  const scope: Scope = { surveyId, team: query.team, adoption: query.adoption };
  await assertFilterIsSafe(db, k, scope);
  const filtered = Boolean(query.team || query.adoption);
  const [questionRows, [countRow], answered, everyone, buckets, rewordings] = await Promise.all([
    db.select().from(questions).where(eq(questions.surveyId, surveyId)).orderBy(asc(questions.position)),
    selectRows<{ n: number }>(db, sql`with ${filteredResponses(scope)} select count(*)::int as n from fr`),
    selectRows<AnsweredRow>(db, surveyAnswered(scope)),
    filtered ? selectRows<AnsweredRow>(db, surveyAnswered({ surveyId })) : Promise.resolve([] as AnsweredRow[]),
    selectRows<BucketRow>(db, surveyBuckets(scope)),
    // Rewordings of this survey's question keys up to its quarter: their trend compares different wordings.
    selectRows<{ key: string; period: string; previous_prompt: string }>(
      db,
      sql`select q.key, s.period, c.previous_prompt
          from question_wording_changes c join questions q on q.id = c.question_id join surveys s on s.id = q.survey_id
          where s.period <= ${survey.period} and q.key in (select key from questions where survey_id = ${surveyId})
          order by c.changed_at`,
    ),
  ]);
  const total = countRow?.n ?? 0;
  const base = { k, survey: { id: survey.id, title: survey.title, period: survey.period, status: survey.status } };
  const visibleGroup = total >= k;
  const answeredBy = new Map(answered.map((r) => [r.question_id, r.n]));
  const everyoneBy = new Map(everyone.map((r) => [r.question_id, r.n]));

  const results: QuestionResult[] = questionRows.map((q) => {
    const n = answeredBy.get(q.id) ?? 0;
    const meta = {
      id: q.id,
      key: q.key,
      kind: q.kind,
      prompt: q.prompt,
      dimension: q.dimension,
      rewordings: rewordings.filter((r) => r.key === q.key).map((r) => ({ period: r.period, previousPrompt: r.previous_prompt })),
    };
    if (!visibleGroup || (n > 0 && n < k)) return { ...meta, result: { hidden: true, reason: "below_threshold" } };
    const outside = (everyoneBy.get(q.id) ?? n) - n;
    if (filtered && outside > 0 && outside < k) return { ...meta, result: { hidden: true, reason: "complement" } };
    const counts = new Map(buckets.filter((b) => b.question_id === q.id).map((b) => [b.bucket, b.count]));
    const scale =
      q.kind === "likert"
        ? ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }))
        : q.kind === "nps"
          ? Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }))
          : q.kind === "free_text"
            ? []
            : (q.options ?? []).map((o) => ({ value: o.id, label: o.label }));
    const bucketsOut = scale.map((s) => ({ ...s, count: counts.get(s.value) ?? 0 }));
    const result: Extract<QuestionResult["result"], { hidden: false }> = { hidden: false, answered: n, buckets: bucketsOut };
    if (q.kind === "nps") {
      const c = (lo: number, hi: number) => bucketsOut.filter((b) => +b.value >= lo && +b.value <= hi).reduce((s, b) => s + b.count, 0);
      result.nps = computeNps(c(9, 10), c(7, 8), c(0, 6));
    }
    if (q.kind === "likert") {
      const all = bucketsOut.reduce((s, b) => s + b.count, 0);
      const sum = bucketsOut.reduce((s, b) => s + Number(b.value) * b.count, 0);
      const fav = bucketsOut.filter((b) => +b.value >= 4).reduce((s, b) => s + b.count, 0);
      result.score = all ? { mean: sum / all, favorablePct: (fav / all) * 100 } : null;
    }
    if (q.kind === "free_text") result.comments = n;
    return { ...meta, result };
  });
  return { ...base, total: visibleGroup ? { hidden: false, n: total } : { hidden: true, reason: "below_threshold" }, questions: results };
}

const COMMENTS_PAGE = 50;
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Free-text answers of one question, searchable; none are shown for a group under k. No order by time. */
export async function getComments({ surveyId, query, tx }: { surveyId: string; query: CommentsQuery; tx?: DbClient }): Promise<CommentsPage> {
  const { db, k } = await context(tx);
  const [question] = await db.select().from(questions).where(eq(questions.id, query.question));
  if (!question || question.surveyId !== surveyId || question.kind !== "free_text") throw notFound("Question");
  const scope: Scope = { surveyId, team: query.team, adoption: query.adoption };
  await assertFilterIsSafe(db, k, scope);
  const team = query.team ? sql`fr.team_id = ${query.team}` : sql`true`;
  const adoption = query.adoption ? sql`fr.on_platform = ${query.adoption === "on"}` : sql`true`;
  // The same rules as getSurveyResults: the group, the people who answered, and (with a filter) those outside it.
  const [c] = await selectRows<{ group_n: number; answered: number; everyone: number }>(
    db,
    sql`with ${filteredResponses({ surveyId })}
      select count(*) filter (where ${team} and ${adoption})::int as group_n,
        count(*) filter (where ${team} and ${adoption} and x.answered)::int as answered,
        count(*) filter (where x.answered)::int as everyone
      from fr cross join lateral (
        select exists (select 1 from answers a where a.response_id = fr.id and a.question_id = ${query.question}
                       and nullif(btrim(a.text_value), '') is not null) as answered
      ) x`,
  );
  const filtered = Boolean(query.team || query.adoption);
  if (c.group_n < k || (c.answered > 0 && c.answered < k)) return { k, comments: { hidden: true, reason: "below_threshold" } };
  const outside = c.everyone - c.answered;
  if (filtered && outside > 0 && outside < k) return { k, comments: { hidden: true, reason: "complement" } };

  const search = query.q ? sql`and a.text_value ilike ${likePattern(query.q)}` : sql``;
  const offset = query.offset ?? 0;
  const rows = await selectRows<{ text: string; total: number }>(
    db,
    sql`with ${filteredResponses(scope)}
      select a.text_value as text, count(*) over ()::int as total
      from fr join answers a on a.response_id = fr.id
      where a.question_id = ${query.question} and nullif(btrim(a.text_value), '') is not null ${search}
      order by md5(a.id::text)
      limit ${COMMENTS_PAGE} offset ${offset}`,
  );
  return { k, comments: { hidden: false, items: rows.map((r) => r.text), total: rows[0]?.total ?? 0, offset, pageSize: COMMENTS_PAGE } };
}

/** Surveys that have responses, newest first, with the response total (hidden under k). */
export async function listSurveysWithResults({ tx }: { tx?: DbClient } = {}) {
  const { db, k } = await context(tx);
  const rows = await selectRows<{ id: string; title: string; period: string; status: string; n: number }>(
    db,
    sql`select s.id::text as id, s.title, s.period, s.status::text as status, count(r.id)::int as n
        from surveys s join responses r on r.survey_id = s.id
        group by s.id order by s.period desc, s.created_at desc`,
  );
  return { k, surveys: suppressSmallGroups(rows, { k, keys: ["id", "title", "period", "status"], shape: (r) => ({ responses: r.n }) }) };
}
