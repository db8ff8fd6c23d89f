import "server-only";
import type PgBoss from "pg-boss";
import { describeForLog } from "@/lib/errors";
import { getJobRunner, stopJobRunner } from "./boss";
import { JOB_KINDS } from "./registry";
import { runJob } from "./run-job";

/** How often an idle worker asks for a job (pg-boss polls; a job waits at most this long to start). */
export const POLLING_INTERVAL_SECONDS = 2;

/** One worker per kind on this pg-boss: one job of each kind at a time on this instance. */
export async function registerWorkers(boss: PgBoss, { pollingIntervalSeconds = POLLING_INTERVAL_SECONDS } = {}) {
  for (const kind of JOB_KINDS) {
    await boss.work(kind, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => runJob(kind, job));
  }
}

const globalForWorkers = globalThis as unknown as { __dxPulseWorkers?: Promise<void> };

/**
 * Starts this instance's workers, once per process however many bundles call it (instrumentation.ts),
 * and stops them when the server is asked to stop: running jobs are handed back for a retry.
 */
export function startJobWorkers(): Promise<void> {
  globalForWorkers.__dxPulseWorkers ??= (async () => {
    await registerWorkers(await getJobRunner());
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        stopJobRunner().catch((error) => console.error(`[jobs] stopping: ${describeForLog(error)}`));
      });
    }
  })().catch((error) => {
    globalForWorkers.__dxPulseWorkers = undefined;
    throw error;
  });
  return globalForWorkers.__dxPulseWorkers;
}
