import "server-only";
import { getJobClient } from "./boss";
import { JOB_KINDS, type JobKind } from "./registry";
import { runJob } from "./run-job";

/**
 * Runs every job that is due, in this process, until none is left — what tests, scripts and the
 * benchmark use instead of waiting on the workers' polling. The same fetch/complete/fail calls as a
 * worker, on either engine. `ignoreStartAfter` also runs jobs scheduled for later (time has "passed").
 */
export async function runJobsNow(
  opts: { kinds?: JobKind[]; ignoreStartAfter?: boolean; maxJobs?: number } = {},
): Promise<{ completed: number; failed: number }> {
  const boss = await getJobClient();
  const kinds = opts.kinds ?? JOB_KINDS;
  const counts = { completed: 0, failed: 0 };
  for (let found = true; found;) {
    found = false;
    for (const kind of kinds) {
      const [job] = await boss.fetch(kind, { batchSize: 1, ignoreStartAfter: opts.ignoreStartAfter ?? false });
      if (!job) continue;
      found = true;
      if (counts.completed + counts.failed >= (opts.maxJobs ?? 1000)) throw new Error("runJobsNow: too many jobs");
      try {
        const output = await runJob(kind, job);
        await boss.complete(kind, job.id, output as object);
        counts.completed++;
      } catch (error) {
        await boss.fail(kind, job.id, error as object);
        counts.failed++;
      }
    }
  }
  return counts;
}
