import "server-only";
// "Analyse answers" as a background job: one analysis per scope at a time (a second request joins the
// one queued or running), its stage and percent readable by any page that polls, and its result what
// buildBacklog returns. The work itself is buildBacklog, unchanged, run by a job worker.
import type { AuditActor } from "@/lib/audit/queries";
import { notFound } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobContext } from "@/lib/jobs/handler";
import { findLatestJob, findUnfinishedJob, getJob, getJobOutput, type JobRow } from "@/lib/jobs/queries";
import type { JobPayload } from "@/lib/jobs/registry";
import { getSurveyById } from "@/lib/surveys/queries";
import { ANALYSIS_STAGES, type AnalysisStage } from "./constants";
import { buildBacklog, type BuildBacklogResult } from "./queries";
import { formatScope, parseScope } from "./scope";

const KIND = "backlog.analyse";

export type BacklogAnalysis = {
  id: string;
  scope: string;
  state: JobRow["state"];
  stage: AnalysisStage | null;
  percent: number;
  error: string | null;
  requestedAt: Date;
  finishedAt: Date | null;
  /** What the analysis found and changed, once done. */
  run: BuildBacklogResult | null;
};

async function toAnalysis(scope: string, job: JobRow): Promise<BacklogAnalysis> {
  const stage = ANALYSIS_STAGES.find((s) => s === job.stage) ?? null;
  const done = job.state === "done";
  return {
    id: job.id,
    scope,
    state: job.state,
    stage: done ? null : stage,
    percent: done ? 100 : (job.percent ?? 0),
    error: job.error,
    requestedAt: job.createdAt,
    finishedAt: job.finishedAt,
    run: done ? ((await getJobOutput({ id: job.id })) as BuildBacklogResult | null) : null,
  };
}

/**
 * Queues an analysis of the scope, or joins the one already queued or running for it (`joined`).
 * The scope's key is the job's singleton key, so two instances racing still make one job.
 */
export async function requestBacklogAnalysis(input: {
  scope: string;
  k?: number | null;
  actor: AuditActor;
}): Promise<{ analysis: BacklogAnalysis; joined: boolean }> {
  const scope = parseScope(input.scope);
  if (!scope) throw notFound("Scope");
  if (scope.kind === "survey" && !(await getSurveyById({ id: scope.surveyId }))) throw notFound("Survey");
  const key = formatScope(scope);
  const running = await findUnfinishedJob({ kind: KIND, key });
  if (running) return { analysis: await toAnalysis(key, running), joined: true };
  const id = await enqueue(KIND, { scope: key, k: input.k ?? null, actor: input.actor }, { singletonKey: key });
  // null: another request queued it between our look and our send.
  const job = id ? await getJob({ id }) : await findUnfinishedJob({ kind: KIND, key });
  if (!job) throw new Error("The analysis job was neither queued nor found");
  return { analysis: await toAnalysis(key, job), joined: !id };
}

/** The scope's latest analysis, running or finished (what the backlog page shows after a reload). */
export async function getBacklogAnalysis({ scope }: { scope: string }): Promise<BacklogAnalysis | null> {
  const parsed = parseScope(scope);
  if (!parsed) return null;
  const key = formatScope(parsed);
  const job = await findLatestJob({ kind: KIND, key });
  return job ? toAnalysis(key, job) : null;
}

/** The job's handler (lib/jobs/handlers.ts). */
export async function runBacklogAnalysis(
  payload: JobPayload<typeof KIND>,
  { progress }: JobContext,
): Promise<BuildBacklogResult> {
  return buildBacklog({ scope: payload.scope, k: payload.k, actor: payload.actor, progress });
}
