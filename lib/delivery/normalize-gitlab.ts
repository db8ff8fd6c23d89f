// GitLab webhook payloads → normalised delivery events. Pure. The kind comes from the body's
// object_kind (X-Gitlab-Event says the same in words); people data in the payload is never read.
import { z } from "zod";
import { isProductionEnvironment, noEvents, parseProviderTime, repoKey, type NormalizedEvents } from "./events";
import { PayloadError } from "./normalize-github";

export const gitlabEvents = [
  "Push Hook",
  "Merge Request Hook",
  "Deployment Hook",
  "Issue Hook",
  "Confidential Issue Hook",
];

const project = z.object({ path_with_namespace: z.string().min(1), default_branch: z.string().nullish() });
const pushSchema = z.object({
  object_kind: z.literal("push"),
  ref: z.string(),
  project,
  commits: z.array(z.object({ id: z.string().min(1), timestamp: z.string() })).default([]),
});
const mergeRequestSchema = z.object({
  object_kind: z.literal("merge_request"),
  project,
  object_attributes: z.object({
    action: z.string().nullish(),
    state: z.string(),
    target_branch: z.string(),
    merge_commit_sha: z.string().nullish(),
    merged_at: z.string().nullish(),
    updated_at: z.string(),
  }),
});
const deploymentSchema = z.object({
  object_kind: z.literal("deployment"),
  status: z.string(),
  status_changed_at: z.string(),
  deployment_id: z.number(),
  environment: z.string(),
  environment_tier: z.string().nullish(),
  project,
  short_sha: z.string().nullish(),
  commit_url: z.string().nullish(),
});
const issueSchema = z.object({
  object_kind: z.enum(["issue", "work_item"]),
  project,
  object_attributes: z.object({
    id: z.number(),
    type: z.string().nullish(),
    issue_type: z.string().nullish(),
    state: z.string(),
    action: z.string().nullish(),
    created_at: z.string(),
    closed_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
});

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new PayloadError("The payload does not have the fields this event needs");
  return result.data;
}
function at(value: unknown, what: string): Date {
  const date = parseProviderTime(value);
  if (!date) throw new PayloadError(`Unreadable ${what}`);
  return date;
}

/** The full sha from the commit URL (the payload's short_sha is ambiguous across a large repository). */
function shaOf(commitUrl: string | null | undefined, shortSha: string | null | undefined): string | null {
  const full = commitUrl ? /\/commit\/([0-9a-f]{7,64})$/i.exec(commitUrl)?.[1] : undefined;
  return full ?? shortSha ?? null;
}

export function normalizeGitlab(payload: unknown): NormalizedEvents {
  const out = noEvents();
  const kind = (payload as { object_kind?: unknown } | null)?.object_kind;
  if (kind === "push") {
    const p = parse(pushSchema, payload);
    if (!p.project.default_branch || p.ref !== `refs/heads/${p.project.default_branch}`) return out;
    const repo = repoKey(p.project.path_with_namespace);
    const times = p.commits.map((c) => at(c.timestamp, "commit time"));
    // GitLab sends no push time; the newest commit of the push (its merge commit, on a merge) stands in.
    const pushedAt = new Date(Math.max(...times.map((t) => t.getTime())));
    p.commits.forEach((c, i) => out.changes.push({ repo, sha: c.id, committedAt: times[i], pushedAt }));
  } else if (kind === "merge_request") {
    const p = parse(mergeRequestSchema, payload);
    const mr = p.object_attributes;
    if (mr.state !== "merged" || !mr.merge_commit_sha || mr.target_branch !== p.project.default_branch) return out;
    const mergedAt = at(mr.merged_at ?? mr.updated_at, "merge time");
    out.changes.push({
      repo: repoKey(p.project.path_with_namespace),
      sha: mr.merge_commit_sha,
      committedAt: mergedAt,
      pushedAt: mergedAt,
    });
  } else if (kind === "deployment") {
    const p = parse(deploymentSchema, payload);
    const changedAt = at(p.status_changed_at, "status time");
    const done = p.status === "success" || p.status === "failed";
    out.deployments.push({
      origin: "gitlab",
      externalId: String(p.deployment_id),
      repo: repoKey(p.project.path_with_namespace),
      environment: p.environment,
      production: p.environment_tier ? p.environment_tier === "production" : isProductionEnvironment(p.environment),
      status: p.status === "success" ? "success" : p.status === "failed" ? "failure" : "pending",
      sha: shaOf(p.commit_url, p.short_sha),
      // A deployment's first event is usually "running": its time is the start; a later one's start is kept.
      startedAt: changedAt,
      finishedAt: done ? changedAt : null,
      rollback: false,
    });
  } else if (kind === "issue" || kind === "work_item") {
    const p = parse(issueSchema, payload);
    const issue = p.object_attributes;
    if ((issue.type ?? issue.issue_type ?? "").toLowerCase() !== "incident") return out;
    const openedAt = at(issue.created_at, "issue time");
    out.incidents.push({
      origin: "gitlab",
      externalId: String(issue.id),
      repo: repoKey(p.project.path_with_namespace),
      openedAt,
      resolvedAt: issue.state === "closed" ? at(issue.closed_at ?? issue.updated_at, "close time") : null,
      updatedAt: parseProviderTime(issue.updated_at) ?? openedAt,
    });
  }
  return out;
}
