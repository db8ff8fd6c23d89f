// Folds events that name the same deployment, incident or commit into one, by the same rules the
// storing statement applies to a stored row: PostgreSQL cannot update one row twice in one INSERT …
// ON CONFLICT, and a batch (or one GitLab push) may carry a deployment and its status together.
import type { ChangeEvent, DeploymentEvent, IncidentEvent, NormalizedEvents } from "./events";

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

export function mergeDeployment(stored: DeploymentEvent, next: DeploymentEvent): DeploymentEvent {
  const settles = next.status !== "pending";
  return {
    ...stored,
    environment: next.environment,
    production: next.production,
    sha: next.sha ?? stored.sha,
    startedAt: earlier(stored.startedAt, next.startedAt),
    status: settles ? next.status : stored.status,
    finishedAt: settles ? next.finishedAt : stored.finishedAt,
    rollback: stored.rollback || next.rollback,
  };
}

export function mergeIncident(stored: IncidentEvent, next: IncidentEvent): IncidentEvent {
  return next.updatedAt.getTime() >= stored.updatedAt.getTime() ? next : stored;
}

export function mergeChange(stored: ChangeEvent, next: ChangeEvent): ChangeEvent {
  return {
    ...stored,
    committedAt: earlier(stored.committedAt, next.committedAt),
    pushedAt: earlier(stored.pushedAt, next.pushedAt),
  };
}

function fold<T>(items: T[], key: (item: T) => string, merge: (a: T, b: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const seen = byKey.get(k);
    byKey.set(k, seen ? merge(seen, item) : item);
  }
  return [...byKey.values()];
}

/** One event per deployment, incident and commit, in the order each was first seen. */
export function mergeEvents(events: NormalizedEvents): NormalizedEvents {
  return {
    changes: fold(events.changes, (c) => `${c.repo}\u0000${c.sha}`, mergeChange),
    deployments: fold(events.deployments, (d) => `${d.origin}\u0000${d.repo}\u0000${d.externalId}`, mergeDeployment),
    incidents: fold(events.incidents, (i) => `${i.origin}\u0000${i.repo}\u0000${i.externalId}`, mergeIncident),
  };
}
