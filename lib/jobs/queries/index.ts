// The jobs domain's SQL; importers use "@/lib/jobs/queries".
//   jobs.ts      jobs as pg-boss stores them (its `pgboss` schema), with their progress; retry
//   progress.ts  how far a running job has got (job_progress)
export {
  bringWaitingJobsForward,
  findLatestJob,
  findUnfinishedJob,
  getJob,
  getJobOutput,
  listJobs,
  retryFailedJob,
  type JobRow,
} from "./jobs";
export { reportJobProgress } from "./progress";
