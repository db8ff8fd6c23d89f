"use client";
import { useState } from "react";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { TableScroll } from "@/components/ui/table-scroll";
import { plainErrorMessage } from "@/lib/api/client";
import { jobStateLabels, type JobState } from "@/lib/jobs/constants";
import { useJobs, useRetryJob, type JobData } from "@/lib/jobs/hooks";

const stateBadge: Record<JobState, string> = {
  queued: "badge",
  retrying: "badge badge-warn",
  running: "badge badge-accent",
  done: "badge badge-good",
  failed: "badge badge-bad",
  cancelled: "badge",
};

const when = (iso: string | null) =>
  iso ? <time dateTime={iso}>{new Date(iso).toLocaleString()}</time> : <span className="muted">—</span>;

/** Settings → Jobs (owners): background work queued, running, failed and done, with Retry for failures. */
export function JobsPanel({ initial }: { initial: JobData[] }) {
  const jobs = useJobs(initial);
  const retry = useRetryJob();
  const [retried, setRetried] = useState<string | null>(null);

  return (
    <section className="card stack" aria-labelledby="jobs-heading" data-testid="jobs-panel">
      <div>
        <h2 id="jobs-heading">Jobs</h2>
        <p className="muted small">
          Work the server does in the background: backlog analyses, and surveys opening and closing on their dates.
          Every instance of the app takes jobs from the same queue, so each runs once. A failed job is tried again on
          its own a few times; Retry runs it once more.
        </p>
      </div>
      {jobs.isPending ? (
        <div className="stack" role="status" aria-busy="true" aria-label="Loading jobs">
          <Skeleton height={14} />
          <Skeleton height={14} width="70%" />
        </div>
      ) : jobs.isError ? (
        <QueryError what="the jobs" error={jobs.error} onRetry={() => jobs.refetch()} retrying={jobs.isFetching} />
      ) : jobs.data.length === 0 ? (
        <p className="muted">No jobs yet. Analysing answers or scheduling a survey creates one.</p>
      ) : (
        <TableScroll label="Jobs">
          <table className="table" data-testid="jobs-table">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">State</th>
                <th scope="col">Created</th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
                <th scope="col">Attempts</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.map((job) => (
                <tr key={job.id} data-testid="job-row" data-kind={job.kind} data-state={job.state}>
                  <td data-label="Job">
                    {job.kindLabel}
                    {job.state === "running" && job.stage ? (
                      <span className="muted small"> · {job.percent ?? 0}%</span>
                    ) : null}
                    {job.error ? <div className="small job-error">{job.error}</div> : null}
                  </td>
                  <td data-label="State">
                    <span className={stateBadge[job.state]}>{jobStateLabels[job.state]}</span>
                    {job.state === "queued" && new Date(job.startAfter) > new Date() ? (
                      <div className="muted small">from {when(job.startAfter)}</div>
                    ) : null}
                  </td>
                  <td data-label="Created">{when(job.createdAt)}</td>
                  <td data-label="Started">{when(job.startedAt)}</td>
                  <td data-label="Finished">{when(job.finishedAt)}</td>
                  <td data-label="Attempts">
                    {job.attempts} of {job.maxAttempts}
                  </td>
                  <td data-label="Actions">
                    {job.state === "failed" ? (
                      <RetryButton
                        job={job}
                        pending={retry.isPending}
                        onRetry={() => retry.mutate(job.id, { onSuccess: () => setRetried(job.id) })}
                      />
                    ) : retried === job.id ? (
                      <span className="muted small" role="status">
                        Queued again
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {retry.isError ? (
        <p className="alert alert-error" role="alert">
          Could not retry the job. {plainErrorMessage(retry.error)}
        </p>
      ) : null}
    </section>
  );
}

function RetryButton({ job, pending, onRetry }: { job: JobData; pending: boolean; onRetry: () => void }) {
  return (
    <button
      type="button"
      className="btn btn-sm"
      disabled={pending}
      onClick={onRetry}
      aria-label={`Retry ${job.kindLabel}`}
    >
      Retry
    </button>
  );
}
