import "server-only";
import { failureMessage } from "./job-errors";
import { jobHandlers } from "./handlers";
import { reportJobProgress } from "./queries";
import { jobKinds, type JobKind } from "./registry";

/** Runs one job's handler: the payload is checked again, and a failure keeps only a plain message. */
export async function runJob(kind: JobKind, job: { id: string; data: unknown }): Promise<unknown> {
  try {
    const payload = jobKinds[kind].payload.parse(job.data);
    const progress = (stage: string, percent: number) => reportJobProgress({ jobId: job.id, stage, percent });
    return (await jobHandlers[kind](payload as never, { jobId: job.id, progress })) ?? null;
  } catch (error) {
    throw new Error(failureMessage(error));
  }
}
