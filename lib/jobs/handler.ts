import type { JobKind, JobPayload } from "./registry";

/** What a handler gets besides its payload. */
export type JobContext = {
  jobId: string;
  /** Records the stage and percent shown to people waiting on this job (lib/jobs/queries/progress.ts). */
  progress: (stage: string, percent: number) => Promise<void>;
};

/** Does the job's work; what it returns is stored as the job's output. Throwing fails this attempt. */
export type JobHandler<K extends JobKind> = (payload: JobPayload<K>, context: JobContext) => Promise<unknown>;
export type JobHandlers = { [K in JobKind]: JobHandler<K> };
