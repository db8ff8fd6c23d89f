import "server-only";
// `Authorization: Bearer <token>` on the documented API, for every route through lib/api/route.ts.
import type { Role } from "@/lib/auth/constants";
import type { PublicUser } from "@/lib/auth/queries";
import { env } from "@/lib/env";
import { AppError, RateLimitedError } from "@/lib/errors";
import { countTokenRequest, findLiveApiToken, touchApiToken } from "@/lib/integrations/queries";
import { decideTokenAccess, rateWindow } from "@/lib/integrations/token-policy";

const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The person a live token acts for, with the role its scope allows on this route. Unknown, revoked or
 * malformed tokens (and tokens of a deactivated owner) are 401; a route beyond the token's scope is
 * 403; past the per-token budget, 429 until the next window.
 */
export async function authenticateApiToken(
  secret: string,
  method: string,
  config: { access: Role; sessionOnly?: boolean },
): Promise<PublicUser> {
  const holder = secret ? await findLiveApiToken({ secret }) : null;
  if (!holder) throw new AppError("unauthorized", "This API token is not valid: it is unknown or was revoked");
  const now = new Date();
  const window = rateWindow(now);
  // Every authenticated request counts, refused ones too: probing forbidden routes is not free.
  const requests = await countTokenRequest({ tokenId: holder.tokenId, windowStart: window.start });
  if (requests > env.API_TOKEN_RATE_LIMIT)
    throw new RateLimitedError(
      `This API token made more than ${env.API_TOKEN_RATE_LIMIT} requests this minute; try again in ${window.retryAfterSeconds} s`,
      window.retryAfterSeconds,
    );
  const decision = decideTokenAccess({
    scope: holder.scope,
    holderRole: holder.user.role,
    required: config.access,
    method,
    sessionOnly: config.sessionOnly,
  });
  if (!decision.allowed) throw new AppError("forbidden", decision.message);
  const staleBefore = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
  if (!holder.lastUsedAt || holder.lastUsedAt < staleBefore)
    await touchApiToken({ tokenId: holder.tokenId, now, staleBefore });
  return { ...holder.user, role: decision.role };
}
