// Jobs responses as zod schemas: what lib/jobs/queries returns, as JSON (the OpenAPI document and the
// integration tests' response checks use them).
import { z } from "zod";
import { JOB_STATES } from "./constants";

const timestamp = z.iso.datetime();

export const jobWire = z
  .object({
    id: z.uuid(),
    kind: z.string().meta({ description: "The job's queue, e.g. backlog.analyse" }),
    kindLabel: z.string(),
    state: z.enum(JOB_STATES),
    createdAt: timestamp,
    startAfter: timestamp.meta({ description: "Not started before this time (scheduled jobs)" }),
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    stage: z.string().nullable(),
    percent: z.number().int().nullable(),
    error: z.string().nullable().meta({ description: "Why the last attempt failed, in plain words" }),
  })
  .meta({ id: "Job" });

export const jobListWire = z.object({ jobs: z.array(jobWire) });
export const oneJobWire = z.object({ job: jobWire });
