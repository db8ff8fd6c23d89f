import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { pgErrorCode } from "@/lib/errors";
import { BOSS_SCHEMA, getJobClient } from "../boss";
import { stateFromBoss, type JobState } from "../constants";
import { describeJobFailure } from "../job-errors";
import { isJobKind, jobKindLabel, type JobKind } from "../registry";

// pg-boss keeps its jobs in its own schema; these are the reads its API does not offer (a list across
// queues, with our progress beside each job). Writes go through pg-boss's API, but for test-only time travel.

export type JobRow = {
  id: string;
  kind: string;
  kindLabel: string;
  state: JobState;
  createdAt: Date;
  startAfter: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  attempts: number;
  maxAttempts: number;
  stage: string | null;
  percent: number | null;
  error: string | null;
};

type BossRow = {
  id: string;
  name: string;
  state: string;
  created_on: string;
  start_after: string;
  started_on: string | null;
  completed_on: string | null;
  retry_count: number;
  retry_limit: number;
  output: unknown;
  stage: string | null;
  percent: number | null;
};

const jobColumns = sql.raw(`j.id::text, j.name, j.state::text, j.created_on::text, j.start_after::text,
  j.started_on::text, j.completed_on::text, j.retry_count, j.retry_limit, j.output, p.stage, p.percent`);
const jobTable = sql.raw(`${BOSS_SCHEMA}.job j left join job_progress p on p.job_id = j.id`);

function toJobRow(row: BossRow): JobRow {
  const state = stateFromBoss[row.state] ?? "queued";
  const date = (value: string | null) => (value ? new Date(value) : null);
  return {
    id: row.id,
    kind: row.name,
    kindLabel: jobKindLabel(row.name),
    state,
    createdAt: new Date(row.created_on),
    startAfter: new Date(row.start_after),
    startedAt: date(row.started_on),
    finishedAt: state === "done" || state === "failed" || state === "cancelled" ? date(row.completed_on) : null,
    // pg-boss counts retries, raising the count when a retry starts.
    attempts: row.started_on ? Number(row.retry_count) + 1 : 0,
    maxAttempts: Number(row.retry_limit) + 1,
    stage: row.stage,
    percent: row.percent === null ? null : Number(row.percent),
    error: state === "failed" || state === "retrying" ? describeJobFailure(row.output) : null,
  };
}

/** The newest jobs of every kind (pg-boss's internal queues aside), unfinished ones first. */
export async function listJobs({ limit = 200 }: { limit?: number } = {}): Promise<JobRow[]> {
  await getJobClient(); // installs pg-boss's schema on a database that has never run a job
  const rows = await selectRows<BossRow>(
    await getDb(),
    sql`select ${jobColumns} from ${jobTable}
        where j.name not like '\\_\\_pgboss%'
        order by (j.state < 'completed') desc, j.created_on desc, j.id limit ${limit}`,
  );
  return rows.map(toJobRow);
}

export async function getJob({ id }: { id: string }): Promise<JobRow | null> {
  await getJobClient();
  const [row] = await selectRows<BossRow>(await getDb(), sql`select ${jobColumns} from ${jobTable} where j.id = ${id}`);
  return row ? toJobRow(row) : null;
}

/** The queued, retrying or running job of a kind with a singleton key, if there is one. */
export async function findUnfinishedJob({ kind, key }: { kind: JobKind; key: string }): Promise<JobRow | null> {
  await getJobClient();
  const [row] = await selectRows<BossRow>(
    await getDb(),
    sql`select ${jobColumns} from ${jobTable}
        where j.name = ${kind} and j.singleton_key = ${key} and j.state < 'completed'
        order by j.state desc, j.created_on limit 1`,
  );
  return row ? toJobRow(row) : null;
}

/** The newest job of a kind with a singleton key, finished or not (what a page shows after a reload). */
export async function findLatestJob({ kind, key }: { kind: JobKind; key: string }): Promise<JobRow | null> {
  await getJobClient();
  const [row] = await selectRows<BossRow>(
    await getDb(),
    sql`select ${jobColumns} from ${jobTable}
        where j.name = ${kind} and j.singleton_key = ${key}
        order by j.created_on desc, j.id limit 1`,
  );
  return row ? toJobRow(row) : null;
}

/** What a finished job returned (pg-boss stores the handler's result as the job's output). */
export async function getJobOutput({ id }: { id: string }): Promise<unknown> {
  await getJobClient();
  const [row] = await selectRows<{ output: unknown }>(
    await getDb(),
    sql`select output from ${sql.raw(`${BOSS_SCHEMA}.job`)} where id = ${id} and state = 'completed'`,
  );
  return row?.output ?? null;
}

/** Runs a failed job again (one more attempt), through pg-boss. */
export async function retryFailedJob({ id }: { id: string }): Promise<JobRow> {
  const job = await getJob({ id });
  if (!job || !isJobKind(job.kind)) throw notFound("Job");
  if (job.state !== "failed") throw new AppError("conflict", "Only a failed job can be retried");
  try {
    await (await getJobClient()).retry(job.kind, id);
  } catch (error) {
    // The same work (same singleton key) is already queued or running again.
    if (pgErrorCode(error) === "23505") throw new AppError("conflict", "This job is already queued or running again");
    throw error;
  }
  return (await getJob({ id }))!;
}

/**
 * Moves the waiting jobs of one survey `days` earlier, as if that much time had passed (test-only time
 * travel, lib/testing/time-travel.ts): those whose payload names the survey or one of `messageIds`.
 * pg-boss compares start_after with the database's clock, so this is the one way to let its scheduled
 * work come due without waiting.
 */
export async function bringWaitingJobsForward(
  { days, surveyId, messageIds }: { days: number; surveyId: string; messageIds: string[] },
  tx: DbClient,
): Promise<number> {
  await getJobClient();
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`update ${sql.raw(`${BOSS_SCHEMA}.job`)} set start_after = start_after - make_interval(days => ${days})
        where state in ('created', 'retry') and start_after > now()
          and (data->>'surveyId' = ${surveyId} or data->>'messageId' in (${sql.join(
            [sql`''`, ...messageIds.map((id) => sql`${id}`)],
            sql`, `,
          )}))
        returning id::text as id`,
  );
  return rows.length;
}
