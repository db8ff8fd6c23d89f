import "server-only";
import PgBoss from "pg-boss";
import { getDatabaseHandle, type DatabaseHandle } from "@/lib/db/client";
import { describeForLog } from "@/lib/errors";
import { JOB_KINDS, jobKinds } from "./registry";

/** pg-boss's tables live in their own schema, beside drizzle's `public`; drizzle never touches it. */
export const BOSS_SCHEMA = "pgboss";
// Any constant works; it only has to be the same for every instance on one database (and differ from
// lib/db/client.ts's migration lock).
const BOSS_SETUP_LOCK_ID = 727_274_002;

// Finished jobs stay on Settings → Jobs for a week (failed ones a month) before pg-boss archives them.
const DAY = 24 * 60 * 60;

type Mode = "client" | "workers";
type Instance = { handle: DatabaseHandle; mode: Mode; boss: Promise<PgBoss>; ready?: PgBoss };

// One pg-boss per process and database, shared by every Next.js bundle through globalThis (like the
// database handle). Tests swap databases per file, so the instance follows the current handle.
const globalForJobs = globalThis as unknown as { __dxPulseJobs?: Instance };

/**
 * pg-boss over the app's own connection (lib/db/client.ts `raw`): on PGlite there is only one, and on
 * PostgreSQL it shares postgres.js's pool instead of opening pg-boss's own `pg` pool beside it, so an
 * instance keeps one connection budget, one outage behaviour (fast 503s) and one rule about logging.
 * "client" mode installs the schema and queues and can send; only "workers" mode polls, maintains
 * (expires stuck jobs, archives old ones) and runs cron schedules.
 */
export async function createBoss(handle: DatabaseHandle, mode: Mode): Promise<PgBoss> {
  const boss = new PgBoss({
    db: handle.raw,
    schema: BOSS_SCHEMA,
    migrate: true,
    supervise: mode === "workers",
    schedule: mode === "workers",
    archiveCompletedAfterSeconds: 7 * DAY,
    archiveFailedAfterSeconds: 30 * DAY,
    deleteAfterDays: 30,
  });
  boss.on("error", (error) => console.error(`[jobs] ${describeForLog(error)}`));
  // Installing pg-boss's schema and creating its queues (a table partition each) from two instances at
  // once deadlocks on a fresh database: instances starting together take turns.
  await handle.exclusively(BOSS_SETUP_LOCK_ID, async () => {
    await boss.start();
    for (const name of JOB_KINDS) {
      const { policy, retryLimit, retryDelay, expireInSeconds } = jobKinds[name];
      const queue = { name, policy, retryLimit, retryDelay, retryBackoff: true, expireInSeconds };
      if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
      else await boss.createQueue(name, queue);
    }
  });
  return boss;
}

function instanceFor(handle: DatabaseHandle, mode: Mode): Promise<PgBoss> {
  const current = globalForJobs.__dxPulseJobs;
  if (current?.handle === handle && (current.mode === mode || current.mode === "workers")) return current.boss;
  const boss = createBoss(handle, mode).catch((error) => {
    if (globalForJobs.__dxPulseJobs?.boss === boss) globalForJobs.__dxPulseJobs = undefined;
    throw error;
  });
  const instance: Instance = { handle, mode, boss };
  globalForJobs.__dxPulseJobs = instance;
  void boss.then((b) => (instance.ready = b)).catch(() => {});
  return boss;
}

/** The process's pg-boss, to send jobs and read them; starts no timers. */
export async function getJobClient(): Promise<PgBoss> {
  return instanceFor(await getDatabaseHandle(), "client");
}

/**
 * The process's pg-boss if it has started, without waiting. Sending inside a transaction uses it: on
 * PGlite, starting pg-boss (its own statements) inside an open transaction would wait for that
 * transaction forever, so callers start it first (`await getJobClient()`).
 */
export function startedJobClient(handle: DatabaseHandle): PgBoss | undefined {
  const current = globalForJobs.__dxPulseJobs;
  return current?.handle === handle ? current.ready : undefined;
}

/** The process's pg-boss with maintenance and schedules on (lib/jobs/workers.ts registers the workers). */
export async function getJobRunner(): Promise<PgBoss> {
  return instanceFor(await getDatabaseHandle(), "workers");
}

/** Stops polling and maintenance; jobs this instance was running go back to the queue for a retry. */
export async function stopJobRunner(): Promise<void> {
  const current = globalForJobs.__dxPulseJobs;
  if (!current) return;
  globalForJobs.__dxPulseJobs = undefined;
  const boss = await current.boss.catch(() => null);
  // Not graceful: the server exits right after its signal handlers, so waiting would be cut short;
  // failing the running jobs now hands them to another instance (or this one after a restart).
  await boss?.stop({ graceful: false, close: false, wait: true });
}
