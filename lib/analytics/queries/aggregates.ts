import "server-only";
import { sql, type SQL } from "drizzle-orm";
import {
  getSurveyPublications,
  onPlatformInSql,
  surveysInScopeSql,
  type PublicationScope,
} from "@/lib/anonymity/queries";
import type { SurveyPublication } from "@/lib/anonymity/surveys";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { dimensionName } from "@/lib/surveys/dimensions";
import { getWorkspaceSettings, listCustomDimensions } from "@/lib/workspace/queries";
import type { DoraRow, LikertRow, NpsRow } from "../cell-sums";
import type { AnalyticsFilter } from "../schemas";

// Every figure here is the sum of per-cell aggregates computed in SQL (a cell is one survey's answers
// from one team, or without a team), taken over the cells of a group that the survey's one publication
// decision (lib/anonymity) shows. Filters, charts, tables, comments and exports all answer from that
// decision, so no combination of them isolates fewer than k people.

export const inList = (ids: readonly string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
export const cellOf = sql`coalesce(r.team_id::text, '')`;

/**
 * The surveys an aggregate reads: named ones, or every survey of a scope (read beside the publication
 * decision and then cut to the surveys it publishes: trends.ts).
 */
export type SurveySet = readonly string[] | PublicationScope;
const isList = (s: SurveySet): s is readonly string[] => Array.isArray(s);
const isEmpty = (s: SurveySet) => isList(s) && s.length === 0;
const surveysSql = (s: SurveySet): SQL => (isList(s) ? inList(s) : surveysInScopeSql(s));
// Each aggregate names its surveys on both answers' sides (responses and questions): a question belongs
// to its survey, and the planner then starts from those surveys' questions instead of every answer.

/** Groups by the raw survey and team ids and names the cell afterwards: casting per answer row costs more than the join. */
const perCell = (grouped: SQL): SQL =>
  sql`select g.sid::text as survey_id, coalesce(g.tid::text, '') as cell, g.* from (${grouped}) g`;

/** Raw SQL of each per-cell aggregate. */
export const analyticsSql = {
  /** NPS buckets per survey and cell, for one NPS key (by default the key most surveys ask). */
  nps(surveys: SurveySet, key?: string): SQL {
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
      where r.survey_id in (${surveysSql(surveys)}) and q.survey_id in (${surveysSql(surveys)}) and q.kind = 'nps' and ${keyCondition} and a.number_value is not null
      group by 1, 2, 3`);
  },

  /**
   * Likert sums per survey, cell and question key, with the dimension the key carries in its latest
   * quarter (re-tagging never splits a trend).
   */
  likert(surveys: SurveySet): SQL {
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
        where r.survey_id in (${surveysSql(surveys)}) and q.survey_id in (${surveysSql(surveys)}) and q.kind = 'likert' and a.number_value is not null
        group by 1, 2, 3
      ) x join key_dimension kd on kd.key = x.key`;
  },

  /** DORA answers: single-choice option ids are bands, so the distribution is four filtered counts per metric. */
  dora(surveys: SurveySet): SQL {
    return perCell(sql`select r.survey_id as sid, r.team_id as tid, q.dimension as metric,
        count(*) filter (where a.choice_values[1] = 'elite')::int as elite,
        count(*) filter (where a.choice_values[1] = 'high')::int as high,
        count(*) filter (where a.choice_values[1] = 'medium')::int as medium,
        count(*) filter (where a.choice_values[1] = 'low')::int as low
      from responses r
      join answers a on a.response_id = r.id
      join questions q on q.id = a.question_id
      where r.survey_id in (${surveysSql(surveys)}) and q.survey_id in (${surveysSql(surveys)}) and q.kind = 'single_choice' and q.dimension like 'dora.%' and a.choice_values is not null
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

export async function publications(db: DbClient, scope: PublicationScope, k: number) {
  return (await getSurveyPublications({ scope, k, tx: db })).surveys;
}

export async function context(tx?: DbClient) {
  const db = tx ?? (await getDb());
  const { anonymityThreshold: k } = await getWorkspaceSettings(db);
  return { db, k };
}

export async function surveyPublication(db: DbClient, surveyId: string, k: number): Promise<SurveyPublication | null> {
  return (await publications(db, { surveyId }, k))[0] ?? null;
}

export async function npsRows(db: DbClient, surveys: SurveySet, key?: string) {
  return isEmpty(surveys) ? [] : selectRows<NpsRow>(db, analyticsSql.nps(surveys, key));
}
export async function likertRows(db: DbClient, surveys: SurveySet) {
  return isEmpty(surveys) ? [] : selectRows<LikertRow>(db, analyticsSql.likert(surveys));
}
export async function doraRows(db: DbClient, surveys: SurveySet) {
  return isEmpty(surveys) ? [] : selectRows<DoraRow>(db, analyticsSql.dora(surveys));
}

export async function dimensionNames(db: DbClient) {
  const custom = await listCustomDimensions(db);
  return (key: string) => dimensionName(key, custom);
}

export const rangeOf = (f: AnalyticsFilter): PublicationScope => ({ from: f.from, to: f.to });

export type TeamInfo = { id: string; name: string; headcount: number; on_platform: boolean; archived: boolean };
export async function teamsInPeriod(db: DbClient, period: string): Promise<TeamInfo[]> {
  return selectRows<TeamInfo>(
    db,
    sql`select t.id::text as id, t.name, t.headcount, t.archived_at is not null as archived,
          ${onPlatformInSql("t", sql`${period}`)} as on_platform
        from teams t order by lower(t.name)`,
  );
}

export const NO_TEAM = "No team recorded";
