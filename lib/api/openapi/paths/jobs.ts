// Operations of background jobs: the list on Settings → Jobs and Retry.
import * as jobRetry from "@/app/api/jobs/[id]/retry/route";
import * as jobs from "@/app/api/jobs/route";
import { jobListWire, oneJobWire } from "@/lib/jobs/wire";
import { ok, type Paths } from "../operation";

export const jobPaths = (): Paths => ({
  "/api/jobs": {
    get: [
      jobs.GET,
      {
        operationId: "listJobs",
        summary: "Background jobs: queued, running, failed and done, unfinished first",
        tag: "Jobs",
        responses: { "200": ok("Jobs, newest first after the unfinished ones", jobListWire) },
      },
    ],
  },
  "/api/jobs/{id}/retry": {
    post: [
      jobRetry.POST,
      {
        operationId: "retryJob",
        summary: "Run a failed job once more",
        tag: "Jobs",
        responses: { "200": ok("The job, queued again", oneJobWire) },
        adds: [404, 409],
      },
    ],
  },
});
