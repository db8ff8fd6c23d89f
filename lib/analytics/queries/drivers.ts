import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { selectRows, type DbClient } from "@/lib/db/client";
import { surveys } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { analyseDrivers, driverPriority, type DriverPriority, type Moments } from "../drivers";
import { hiddenAs, requestOf, surveyViewGroup } from "../groups";
import type { SurveyResultsQuery } from "../schemas";
import type { Maybe } from "../types";
import { cellOf, context, dimensionNames, inList, surveyPublication } from "./aggregates";

// Driver analysis of one closed survey: the moments of [1, NPS, each dimension's mean Likert answer]
// over respondents who answered the NPS question and every dimension (listwise), summed in SQL, once
// unweighted (replicate 0) and once per Poisson(1)-weighted bootstrap replicate. Only moments leave
// the database; lib/analytics/drivers.ts turns them into relative weights and intervals.

export const BOOTSTRAP_REPLICATES = 200;

/**
 * A respondent's Poisson(1) weight in replicate b, from a uniform drawn off md5(response id, b): the
 * same respondent gets the same weights on every request and engine, so the intervals never flicker.
 */
const poissonWeight = (uniform: SQL): SQL => sql`case
    when ${uniform} < 0.36787944 then 0 when ${uniform} < 0.73575888 then 1 when ${uniform} < 0.91969860 then 2
    when ${uniform} < 0.98101184 then 3 when ${uniform} < 0.99634015 then 4 when ${uniform} < 0.99940582 then 5
    when ${uniform} < 0.99991676 then 6 else 7 end`;
const uniformOf = (id: SQL, b: SQL): SQL =>
  sql`(('x' || substr(md5(${id} || ':' || ${b}), 1, 8))::bit(32)::bigint::float8 / 4294967296.0)`;

/** The survey's platform NPS question: the NPS key most surveys ask, else its first NPS question. */
const outcomeSql = (surveyId: string) => sql`select q.id, q.key, q.prompt from questions q
  where q.survey_id = ${surveyId} and q.kind = 'nps'
  order by (q.key = (select key from questions where kind = 'nps' group by key order by count(*) desc, key limit 1)) desc, q.position
  limit 1`;

/** Index pairs (i ≤ j) over the constant, the outcome and the drivers, in the order the SQL sums them. */
export const pairsOf = (variables: number): [number, number][] =>
  Array.from({ length: variables + 1 }, (_, i) =>
    Array.from({ length: variables + 1 - i }, (_, d): [number, number] => [i, i + d]),
  ).flat();

/**
 * Moments per replicate over the listwise-complete respondents of the given cells: `variables` counts
 * the outcome and the drivers; index 0 of each respondent's vector is the constant 1, so n and the sums
 * come out of the same cross-products.
 */
export function driverMomentsSql(
  surveyId: string,
  cells: readonly string[],
  variables: number,
  replicates = BOOTSTRAP_REPLICATES,
): SQL {
  const pairs = pairsOf(variables);
  return sql`with outcome as (${outcomeSql(surveyId)}),
    drivers as (
      select dimension, row_number() over (order by dimension)::int as j
      from (select distinct dimension from questions
            where survey_id = ${surveyId} and kind = 'likert' and dimension is not null) d
    ),
    people as (
      select r.id, a.number_value::float8 as y
      from responses r join answers a on a.response_id = r.id
      where r.survey_id = ${surveyId} and ${cellOf} in (${inList(cells)})
        and a.question_id = (select id from outcome) and a.number_value is not null
    ),
    driver_means as (
      select a.response_id, d.j, avg(a.number_value)::float8 as x
      from answers a join questions q on q.id = a.question_id join drivers d on d.dimension = q.dimension
      where q.survey_id = ${surveyId} and q.kind = 'likert' and a.number_value is not null
        and a.response_id in (select id from people)
      group by 1, 2
    ),
    complete as (
      select p.id, array[1.0::float8, p.y] || array_agg(m.x order by m.j) as v
      from people p join driver_means m on m.response_id = p.id
      group by p.id, p.y
      having count(*) = (select count(*) from drivers)
    ),
    -- Each respondent's cross-products once, as plain columns; then one aggregate per product over
    -- respondent × replicate rows (array subscripts or a row per pair cost several times more).
    products as (
      select c.id, ${sql.join(
        pairs.map(([i, j], k) => sql.raw(`v[${i + 1}] * v[${j + 1}] as p${k}`)),
        sql`, `,
      )}
      from complete c
    ),
    -- Materialized: inlined, the weight expression (md5 and all) would be evaluated once per aggregate.
    weighted as materialized (
      select x.*, g.b, case when g.b = 0 then 1 else ${poissonWeight(uniformOf(sql`x.id::text`, sql`g.b::text`))} end as w
      from products x cross join generate_series(0, ${replicates}) g(b)
    )
    select b, array[${sql.join(
      pairs.map((_, k) => sql.raw(`sum(w * p${k})`)),
      sql`, `,
    )}]::float8[] as m
    from weighted where w > 0
    group by b`;
}

type MomentRow = { b: number; m: (number | string)[] | string };

/** Moments of [outcome, ...drivers] per replicate from the rows above. */
export function momentsFromRows(rows: readonly MomentRow[], variables: number): Map<number, Moments> {
  const pairs = pairsOf(variables);
  const byReplicate = new Map<number, Moments>();
  for (const r of rows) {
    // postgres.js and PGlite both parse float8[]; a driver that hands back the literal gets it parsed here.
    const values = (typeof r.m === "string" ? r.m.replace(/[{}]/g, "").split(",") : r.m).map(Number);
    const m: Moments = {
      n: 0,
      sum: Array(variables).fill(0),
      cross: Array.from({ length: variables }, () => Array(variables).fill(0)),
    };
    pairs.forEach(([i, j], k) => {
      const v = values[k];
      if (i === 0 && j === 0) m.n = v;
      else if (i === 0) m.sum[j - 1] = v;
      else m.cross[i - 1][j - 1] = m.cross[j - 1][i - 1] = v;
    });
    byReplicate.set(Number(r.b), m);
  }
  return byReplicate;
}

export type DriverItem = {
  dimension: string;
  name: string;
  /** Mean 1–5 answer of the dimension among the respondents analysed. */
  score: number;
  share: number;
  low: number;
  high: number;
  rank: number;
  priority: DriverPriority;
};

export type SurveyDrivers = {
  k: number;
  survey: { id: string; title: string; period: string; status: string };
  outcome: { key: string; prompt: string } | null;
  replicates: number;
  analysis: Maybe<{
    /** Respondents who answered the NPS question and every dimension (listwise). */
    respondents: number;
    rSquared: number;
    stable: boolean;
    reason: string | null;
    drivers: DriverItem[];
  }>;
};

/** Relative importance of each dimension for platform NPS in one closed survey, for everyone or a showable group. */
export async function getSurveyDrivers({
  surveyId,
  query,
  tx,
}: {
  surveyId: string;
  query: SurveyResultsQuery;
  tx?: DbClient;
}): Promise<SurveyDrivers> {
  const { db, k } = await context(tx);
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, surveyId));
  if (!survey) throw notFound("Survey");
  const [outcome] = await selectRows<{ key: string; prompt: string }>(db, outcomeSql(surveyId));
  const base = {
    k,
    survey: { id: survey.id, title: survey.title, period: survey.period, status: survey.status },
    outcome: outcome ? { key: outcome.key, prompt: outcome.prompt } : null,
    replicates: BOOTSTRAP_REPLICATES,
  };
  const group = surveyViewGroup(await surveyPublication(db, surveyId, k), requestOf(query), survey.status);
  if (group.hidden) return { ...base, analysis: hiddenAs(group) };

  const dimensions = await selectRows<{ dimension: string }>(
    db,
    sql`select distinct dimension from questions
        where survey_id = ${surveyId} and kind = 'likert' and dimension is not null order by dimension`,
  );
  const empty = (reason: string) => ({
    ...base,
    analysis: { hidden: false as const, respondents: 0, rSquared: 0, stable: false, reason, drivers: [] },
  });
  if (!outcome) return empty("This survey asks no NPS question, so there is nothing to relate the dimensions to.");
  if (dimensions.length < 2) return empty("Driver analysis compares at least two dimensions; this survey has fewer.");

  const rows = await selectRows<MomentRow>(db, driverMomentsSql(surveyId, [...group.cells], dimensions.length + 1));
  const moments = momentsFromRows(rows, dimensions.length + 1);
  const point = moments.get(0);
  // The complete-answer subset is a group of its own: under k it says nothing, like any other group.
  if (!point || point.n < k) return { ...base, analysis: { hidden: true, reason: "below_threshold" } };
  const replicates = [...moments.entries()].filter(([b]) => b > 0).map(([, m]) => m);
  const result = analyseDrivers(point, replicates);
  const names = await dimensionNames(db);
  const scores = dimensions.map((_, j) => point.sum[j + 1] / point.n);
  const priorities = driverPriority(result.drivers.map((d, j) => ({ score: scores[j], share: d.share })));
  return {
    ...base,
    analysis: {
      hidden: false,
      respondents: result.respondents,
      rSquared: result.rSquared,
      stable: result.stable,
      reason: result.reason,
      drivers: result.drivers
        .map((d, j) => ({
          dimension: dimensions[j].dimension,
          name: names(dimensions[j].dimension),
          score: scores[j],
          share: d.share,
          low: d.low,
          high: d.high,
          rank: d.rank,
          priority: priorities[j].priority,
        }))
        .sort((a, b) => a.rank - b.rank),
    },
  };
}
