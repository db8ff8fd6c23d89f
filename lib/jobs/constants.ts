// The jobs domain's enums and labels, free of pg-boss and drizzle so client components import them too.

/** What the Jobs page shows, from pg-boss's states (created/retry → queued, active → running, …). */
export const JOB_STATES = ["queued", "retrying", "running", "done", "failed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];
export const jobStateLabels: Record<JobState, string> = {
  queued: "Queued",
  retrying: "Waiting to retry",
  running: "Running",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** pg-boss's own state names (its job_state enum), mapped once here. */
export const stateFromBoss: Record<string, JobState> = {
  created: "queued",
  retry: "retrying",
  active: "running",
  completed: "done",
  failed: "failed",
  cancelled: "cancelled",
};

/** The states a job can be in before it has finished: at most one per singleton key (pg-boss "stately"). */
export const UNFINISHED_JOB_STATES: JobState[] = ["queued", "retrying", "running"];
