import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import type { Adoption } from "./model";
import { publishSurvey, type SurveyCells, type SurveyPublication } from "./surveys";

export type PublicationScope = { from?: string; to?: string; surveyId?: string };

const scopeConditions = (f: PublicationScope): SQL => {
  const parts: SQL[] = [
    ...(f.from ? [sql`s.period >= ${f.from}`] : []),
    ...(f.to ? [sql`s.period <= ${f.to}`] : []),
    ...(f.surveyId ? [sql`s.id = ${f.surveyId}`] : []),
  ];
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
};

/**
 * Whether team `t` was on the platform in quarter `period`: the latest change effective by then, else
 * the team's flag. One home for the rule, used by the cells below and the analytics' team lists.
 */
export function onPlatformInSql(team: string, period: SQL): SQL {
  const t = sql.identifier(team);
  return sql`coalesce((select h.on_platform from team_platform_changes h where h.team_id = ${t}.id and h.effective_period <= ${period}
                order by h.effective_period desc limit 1), ${t}.on_platform)`;
}

/** The ids of every survey in a scope, as a subquery. */
export const surveysInScopeSql = (f: PublicationScope): SQL =>
  sql`select s.id from surveys s where ${scopeConditions(f)}`;

/**
 * Respondents per survey and cell (team, or "" without a team), with the adoption flag that held for
 * the team in the survey's quarter. Counted per survey and team first (an index-only scan), then the
 * flag is attached to those few rows.
 */
export function surveyCellsSql(f: PublicationScope): SQL {
  const scope = scopeConditions(f);
  return sql`with counts as (
      select r.survey_id, r.team_id, count(*)::int as n
      from responses r join surveys s on s.id = r.survey_id
      where ${scope}
      group by 1, 2
    )
    select s.id::text as survey_id, s.title, s.period, s.status::text as status,
      coalesce(c.team_id::text, '') as cell, c.n,
      case when c.team_id is null then 'none'
           when ${onPlatformInSql("t", sql`s.period`)} then 'on'
           else 'off' end as adoption
    from counts c
    join surveys s on s.id = c.survey_id
    left join teams t on t.id = c.team_id
    order by s.period, s.created_at, s.id, cell`;
}

type CellRow = {
  survey_id: string;
  title: string;
  period: string;
  status: string;
  cell: string;
  n: number;
  adoption: Adoption;
};

/** Every survey with responses in scope, its cells and its one publication decision (lib/anonymity/model.ts). */
export async function getSurveyPublications({
  scope,
  k,
  tx,
}: {
  scope: PublicationScope;
  k?: number;
  tx?: DbClient;
}): Promise<{ k: number; surveys: SurveyPublication[] }> {
  const db = tx ?? (await getDb());
  const threshold = k ?? (await getWorkspaceSettings(db)).anonymityThreshold;
  const rows = await selectRows<CellRow>(db, surveyCellsSql(scope));
  const bySurvey = new Map<string, SurveyCells>();
  for (const r of rows) {
    let s = bySurvey.get(r.survey_id);
    if (!s)
      bySurvey.set(
        r.survey_id,
        (s = { surveyId: r.survey_id, title: r.title, period: r.period, status: r.status, n: 0, cells: [] }),
      );
    s.cells.push({ id: r.cell, n: Number(r.n), adoption: r.adoption });
    s.n += Number(r.n);
  }
  return { k: threshold, surveys: [...bySurvey.values()].map((s) => publishSurvey(s, threshold)) };
}
