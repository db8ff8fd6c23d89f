// GitHub webhook payloads → normalised delivery events. Pure: payload in, events out. Authors,
// messages and other people data in the payload are never read.
import { z } from "zod";
import { INCIDENT_LABEL } from "./constants";
import { isProductionEnvironment, noEvents, parseProviderTime, repoKey, type NormalizedEvents } from "./events";

export const githubEvents = ["push", "pull_request", "deployment", "deployment_status", "issues"] as const;

const repository = z.object({ full_name: z.string().min(1), default_branch: z.string().optional() });
const time = z.union([z.string(), z.number()]).nullish();

const pushSchema = z.object({
  ref: z.string(),
  after: z.string(),
  repository: repository.extend({ pushed_at: time }),
  commits: z.array(z.object({ id: z.string().min(1), timestamp: z.string() })).default([]),
  head_commit: z.object({ id: z.string(), timestamp: z.string() }).nullish(),
});
const pullRequestSchema = z.object({
  action: z.string(),
  repository,
  pull_request: z.object({
    merged: z.boolean().nullish(),
    merged_at: z.string().nullish(),
    merge_commit_sha: z.string().nullish(),
    base: z.object({ ref: z.string() }),
  }),
});
const deploymentShape = z.object({
  id: z.number(),
  sha: z.string().nullish(),
  environment: z.string(),
  production_environment: z.boolean().nullish(),
  task: z.string().nullish(),
  created_at: z.string(),
});
const deploymentSchema = z.object({ repository, deployment: deploymentShape });
const deploymentStatusSchema = z.object({
  repository,
  deployment: deploymentShape,
  deployment_status: z.object({ state: z.string(), environment: z.string().nullish(), created_at: z.string() }),
});
const issuesSchema = z.object({
  action: z.string(),
  repository,
  label: z.object({ name: z.string() }).nullish(),
  issue: z.object({
    id: z.number(),
    labels: z.array(z.object({ name: z.string() })).default([]),
    state: z.string(),
    created_at: z.string(),
    closed_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
});

export class PayloadError extends Error {}

function must<T>(value: T | null, what: string): T {
  if (value === null) throw new PayloadError(`Unreadable ${what}`);
  return value;
}
const at = (value: unknown, what: string) => must(parseProviderTime(value), what);

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new PayloadError("The payload does not have the fields this event needs");
  return result.data;
}

const isDefaultBranch = (ref: string, defaultBranch: string | undefined) =>
  !!defaultBranch && ref === `refs/heads/${defaultBranch}`;

/** Events in one GitHub delivery (`X-GitHub-Event` names its kind); other kinds give none. */
export function normalizeGithub(event: string, payload: unknown): NormalizedEvents {
  const out = noEvents();
  if (event === "push") {
    const p = parse(pushSchema, payload);
    if (!isDefaultBranch(p.ref, p.repository.default_branch)) return out;
    const repo = repoKey(p.repository.full_name);
    const pushedAt =
      parseProviderTime(p.repository.pushed_at) ?? parseProviderTime(p.head_commit?.timestamp) ?? at(null, "push time");
    for (const c of p.commits)
      out.changes.push({ repo, sha: c.id, committedAt: at(c.timestamp, "commit time"), pushedAt });
  } else if (event === "pull_request") {
    const p = parse(pullRequestSchema, payload);
    const pr = p.pull_request;
    // A merge into the default branch is a change even when pushes are not subscribed.
    if (p.action !== "closed" || !pr.merged || !pr.merge_commit_sha || pr.base.ref !== p.repository.default_branch)
      return out;
    const mergedAt = at(pr.merged_at, "merge time");
    out.changes.push({
      repo: repoKey(p.repository.full_name),
      sha: pr.merge_commit_sha,
      committedAt: mergedAt,
      pushedAt: mergedAt,
    });
  } else if (event === "deployment" || event === "deployment_status") {
    const p = parse(deploymentSchema, payload);
    const d = p.deployment;
    const statusOf = event === "deployment_status" ? parse(deploymentStatusSchema, payload).deployment_status : null;
    const state = statusOf?.state;
    const environment = statusOf?.environment ?? d.environment;
    out.deployments.push({
      origin: "github",
      externalId: String(d.id),
      repo: repoKey(p.repository.full_name),
      environment,
      production: d.production_environment ?? isProductionEnvironment(environment),
      status: state === "success" ? "success" : state === "failure" || state === "error" ? "failure" : "pending",
      sha: d.sha ?? null,
      startedAt: at(d.created_at, "deployment time"),
      finishedAt:
        state === "success" || state === "failure" || state === "error"
          ? at(statusOf!.created_at, "status time")
          : null,
      rollback: /rollback/i.test(d.task ?? ""),
    });
  } else if (event === "issues") {
    const p = parse(issuesSchema, payload);
    const labelled = p.issue.labels.some((l) => l.name.toLowerCase() === INCIDENT_LABEL);
    const unlabelled = p.action === "unlabeled" && p.label?.name.toLowerCase() === INCIDENT_LABEL;
    if (!labelled && !unlabelled) return out;
    const openedAt = at(p.issue.created_at, "issue time");
    out.incidents.push({
      origin: "github",
      externalId: String(p.issue.id),
      repo: repoKey(p.repository.full_name),
      openedAt,
      resolvedAt: p.issue.state === "closed" ? at(p.issue.closed_at, "close time") : null,
      updatedAt: parseProviderTime(p.issue.updated_at) ?? openedAt,
      withdrawn: (unlabelled && !labelled) || p.action === "deleted" || undefined,
    });
  }
  return out;
}
