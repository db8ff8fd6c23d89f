// Normalised delivery events: what every source (GitHub, GitLab, CSV) is turned into before storing.
// Only what the four keys need: repository, shas, times, environment, status, incident open/resolve.
import { PRODUCTION_ENVIRONMENTS, type DeploymentStatus, type EventOrigin } from "./constants";

export type ChangeEvent = { repo: string; sha: string; committedAt: Date; pushedAt: Date };
export type DeploymentEvent = {
  origin: EventOrigin;
  externalId: string;
  repo: string;
  environment: string;
  production: boolean;
  /** "pending" never overwrites a stored success or failure. */
  status: DeploymentStatus;
  sha: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  rollback: boolean;
};
export type IncidentEvent = {
  origin: EventOrigin;
  externalId: string;
  repo: string;
  openedAt: Date;
  resolvedAt: Date | null;
  updatedAt: Date;
  /** The issue stopped being an incident (label removed): forget it. */
  withdrawn?: boolean;
};
export type NormalizedEvents = { changes: ChangeEvent[]; deployments: DeploymentEvent[]; incidents: IncidentEvent[] };

export const noEvents = (): NormalizedEvents => ({ changes: [], deployments: [], incidents: [] });

export const eventCount = (e: NormalizedEvents) => e.changes.length + e.deployments.length + e.incidents.length;

/** Repositories and services are matched case-insensitively ("Acme/API" and "acme/api" are one). */
export const repoKey = (name: string) => name.trim().toLowerCase();

export function isProductionEnvironment(name: string): boolean {
  return (PRODUCTION_ENVIRONMENTS as readonly string[]).includes(name.trim().toLowerCase());
}

/**
 * A provider's timestamp: ISO 8601, GitLab's "2021-04-28 21:50:00 +0200" and "2013-12-03 17:23:34 UTC",
 * or Unix seconds (GitHub's repository.pushed_at). Null when absent or unreadable.
 */
export function parseProviderTime(value: unknown): Date | null {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value !== "string" || !value.trim()) return null;
  const gitlab = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d+)? ?(UTC|[+-]\d{2}:?\d{2})$/.exec(value.trim());
  const text = gitlab
    ? `${gitlab[1]}T${gitlab[2]}${gitlab[3] === "UTC" ? "Z" : gitlab[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}`
    : value.trim();
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
