// What an API token may do. A token acts for the owner who created it, but never with more than its
// scope: a read token is a viewer that only reads (GET), a read-write token is at most an editor. So
// owner-only administration (people, settings, the audit log, tokens and webhooks themselves) is never
// reachable with a token, and routes marked session-only (your own password) refuse tokens outright.
import type { Role } from "@/lib/auth/constants";
import { hasRole } from "@/lib/auth/roles";
import type { ApiTokenScope } from "./constants";

const READ_METHODS = new Set(["GET", "HEAD"]);
const scopeCeiling: Record<ApiTokenScope, Role> = { read: "viewer", read_write: "editor" };

export type TokenDecision = { allowed: true; role: Role } | { allowed: false; message: string };

export function decideTokenAccess({
  scope,
  holderRole,
  required,
  method,
  sessionOnly = false,
}: {
  scope: ApiTokenScope;
  holderRole: Role;
  required: Role;
  method: string;
  sessionOnly?: boolean;
}): TokenDecision {
  if (sessionOnly || required === "owner")
    return { allowed: false, message: "API tokens cannot be used for account or owner-only administration" };
  if (scope === "read" && !READ_METHODS.has(method.toUpperCase()))
    return { allowed: false, message: "This API token can only read; create a read-write token to make changes" };
  const ceiling = scopeCeiling[scope];
  // The lesser of the holder's current role and the scope's ceiling: demoting the owner who made the
  // token narrows what it can do at once.
  const role = hasRole(holderRole, ceiling) ? ceiling : holderRole;
  if (!hasRole(role, required)) return { allowed: false, message: "This API token's role does not allow this action" };
  return { allowed: true, role };
}

/** The start of the fixed one-minute window a moment falls in, and the seconds until the next one. */
export function rateWindow(now: Date, windowMs = 60_000): { start: Date; retryAfterSeconds: number } {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    start: new Date(start),
    retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
  };
}
