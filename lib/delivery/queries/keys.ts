import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { inTransaction, selectRows, type DbClient } from "@/lib/db/client";
import { nextPeriod, periodStart } from "@/lib/period";
import { CHANGE_FAILURE_WINDOW_HOURS } from "../constants";

/** One team's aggregates for one quarter, before bands (../keys.ts turns them into the four keys). */
export type KeyAggregateRow = {
  teamId: string;
  period: string;
  deployments: number;
  failedDeployments: number;
  changes: number;
  leadTimeSeconds: number | null;
  incidents: number;
  restoredIncidents: number;
  restoreSeconds: number | null;
};

// Grouped by the quarter's first moment (cheap to sort and hash); spelled "2026-Q3" only in the output.
const quarterOf = (column: SQL) => sql`date_trunc('quarter', ${column} at time zone 'UTC')`;
const spelled = (column: SQL) =>
  sql`(extract(year from ${column})::int::text || '-Q' || extract(quarter from ${column})::int::text)`;

/**
 * The statement behind the four keys, per mapped team and quarter (UTC) for quarters from…to:
 * - deployments: successful production deployments, in the quarter they finished;
 * - failed: those followed, within the change failure window and before the repository's next
 *   production deployment finished, by an incident opening on the repository, or whose next
 *   production deployment (within the window) is a rollback: said so by its source, or a redeploy of
 *   a sha production already ran before, other than a retry of the one just before it;
 * - lead time: every commit that reached the default branch, from its commit time to the finish of
 *   the first successful production deployment of its repository that started at or after it got
 *   there and is not a rollback (as above). A deployment of several commits counts each. Median, in
 *   the quarter the deployment finished;
 * - restore: incidents in the quarter they opened (one spanning quarters belongs to the quarter it
 *   opened), median open → resolve of those resolved.
 */
export function deliveryKeysStatement({ from, to }: { from: string; to: string }): SQL {
  const start = periodStart(from).toISOString();
  const end = periodStart(nextPeriod(to)).toISOString();
  const window = sql.raw(`interval '${CHANGE_FAILURE_WINDOW_HOURS} hours'`);
  return sql`
    with base as (
      select d.id, d.repo, m.team_id, d.sha, d.started_at, d.finished_at, d.rollback,
             lag(d.sha) over w as previous_sha, lead(d.id) over w as next_id,
             -- 1 for the first production run of a sha in its repository, more for a redeploy of it
             row_number() over (partition by d.repo collate "C", d.sha collate "C" order by d.finished_at, d.id) as run_of_sha
      from delivery_deployments d
      join delivery_repo_teams m on m.repo = d.repo
      where d.production and d.status = 'success' and d.finished_at is not null
        and d.finished_at < ${end}::timestamptz + ${window}
      window w as (partition by d.repo collate "C" order by d.finished_at, d.id)
    ),
    prod as materialized (
      select b.*, (b.rollback or (b.sha is not null and b.run_of_sha > 1 and b.sha is distinct from b.previous_sha))
               as is_rollback
      from base b
    ),
    deploys as (
      select p.team_id, ${quarterOf(sql`p.finished_at`)} as period,
             ((n.is_rollback and n.finished_at < p.finished_at + ${window})
              or exists (select 1 from delivery_incidents i
                         where i.repo = p.repo and i.opened_at >= p.finished_at
                           and i.opened_at < least(coalesce(n.finished_at, 'infinity'::timestamptz), p.finished_at + ${window}))
             ) as failed
      from prod p left join prod n on n.id = p.next_id
      where p.finished_at >= ${start}::timestamptz and p.finished_at < ${end}::timestamptz
    ),
    deploy_agg as (
      select team_id, period, count(*)::int as deployments, count(*) filter (where failed)::int as failed
      from deploys group by team_id, period
    ),
    -- Commits and the deployments that can carry them in one stream per repository, newest first
    -- (a deployment before a commit of the same moment): counting deployments along it gives each
    -- commit the number of the first deployment that started at or after it reached the branch.
    stream as (
      select p.repo, p.started_at as at, 0 as kind, p.finished_at, p.team_id, null::timestamptz as committed_at
      from prod p where not p.is_rollback
      union all
      select c.repo, c.pushed_at, 1, null, null, c.committed_at
      from delivery_changes c join delivery_repo_teams m on m.repo = c.repo
      where c.pushed_at < ${end}::timestamptz
    ),
    numbered as (
      select s.*, count(*) filter (where kind = 0) over (partition by repo collate "C" order by at desc, kind rows unbounded preceding) as carrier
      from stream s
    ),
    carried as (
      select n.kind, n.committed_at,
             first_value(n.finished_at) over c as deployed_at, first_value(n.team_id) over c as team_id
      from numbered n where n.carrier > 0
      window c as (partition by n.repo collate "C", n.carrier order by n.kind, n.at desc)
    ),
    lead_times as (
      select team_id, ${quarterOf(sql`deployed_at`)} as period,
             extract(epoch from deployed_at - committed_at)::float8 as seconds
      from carried
      where kind = 1 and deployed_at >= ${start}::timestamptz and deployed_at < ${end}::timestamptz
    ),
    lead_agg as (
      select team_id, period, count(*)::int as changes,
             percentile_cont(0.5) within group (order by seconds)::float8 as lead_seconds
      from lead_times group by team_id, period
    ),
    restore_agg as (
      select m.team_id, ${quarterOf(sql`i.opened_at`)} as period, count(*)::int as incidents,
             count(i.resolved_at)::int as restored,
             (percentile_cont(0.5) within group (order by extract(epoch from i.resolved_at - i.opened_at))
               filter (where i.resolved_at is not null))::float8 as restore_seconds
      from delivery_incidents i join delivery_repo_teams m on m.repo = i.repo
      where i.opened_at >= ${start}::timestamptz and i.opened_at < ${end}::timestamptz
      group by m.team_id, period
    )
    select coalesce(d.team_id, l.team_id, r.team_id) as team_id, ${spelled(sql`coalesce(d.period, l.period, r.period)`)} as period,
           coalesce(d.deployments, 0) as deployments, coalesce(d.failed, 0) as failed,
           coalesce(l.changes, 0) as changes, l.lead_seconds,
           coalesce(r.incidents, 0) as incidents, coalesce(r.restored, 0) as restored, r.restore_seconds
    from deploy_agg d
    full join lead_agg l on l.team_id = d.team_id and l.period = d.period
    full join restore_agg r on r.team_id = coalesce(d.team_id, l.team_id) and r.period = coalesce(d.period, l.period)
    order by 1, 2`;
}

type RawRow = {
  team_id: string;
  period: string;
  deployments: number;
  failed: number;
  changes: number;
  lead_seconds: number | null;
  incidents: number;
  restored: number;
  restore_seconds: number | null;
};

const numberOrNull = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * Runs the statement with room to sort in memory: its window functions sort every commit and
 * deployment of the range once, and the default 4 MB spills a few hundred thousand rows to disk.
 */
export async function runDeliveryKeysStatement(range: { from: string; to: string }, client?: DbClient) {
  return inTransaction(client, async (tx) => {
    await tx.execute(sql.raw(`set local work_mem = '${KEYS_WORK_MEM}'`));
    return selectRows<RawRow>(tx, deliveryKeysStatement(range));
  });
}
const KEYS_WORK_MEM = "64MB";

export async function getDeliveryKeyAggregates(range: { from: string; to: string }, client?: DbClient) {
  const rows = await runDeliveryKeysStatement(range, client);
  return rows.map((r): KeyAggregateRow => ({
    teamId: r.team_id,
    period: r.period,
    deployments: Number(r.deployments),
    failedDeployments: Number(r.failed),
    changes: Number(r.changes),
    leadTimeSeconds: numberOrNull(r.lead_seconds),
    incidents: Number(r.incidents),
    restoredIncidents: Number(r.restored),
    restoreSeconds: numberOrNull(r.restore_seconds),
  }));
}
