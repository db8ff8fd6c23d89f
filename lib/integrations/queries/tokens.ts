import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb } from "@/lib/db/client";
import { apiTokens, apiTokenWindows, users, type Role } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { ApiTokenScope } from "../constants";
import { generateApiToken, hashApiToken } from "../token-secret";

export type ApiTokenView = {
  id: string;
  name: string;
  scope: ApiTokenScope;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const viewColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  prefix: apiTokens.prefix,
  createdBy: users.email,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** Every token, newest first; revoked ones stay listed (greyed) so their last use can still be read. */
export async function listApiTokens(): Promise<ApiTokenView[]> {
  const db = await getDb();
  return db
    .select(viewColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdById))
    .orderBy(desc(apiTokens.createdAt));
}

/** A new token; its secret is returned this once and only its hash is kept. */
export async function createApiToken({
  name,
  scope,
  actor,
}: {
  name: string;
  scope: ApiTokenScope;
  actor: NonNullable<AuditActor>;
}): Promise<{ token: ApiTokenView; secret: string }> {
  const db = await getDb();
  const { token: secret, hash, prefix } = generateApiToken();
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ name, scope, tokenHash: hash, prefix, createdById: actor.id })
      .returning({ id: apiTokens.id });
    await recordAudit({ actor, action: "token.create", subject: name, detail: { tokenId: row.id, scope } }, tx);
    return row.id;
  });
  const [token] = await db
    .select(viewColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdById))
    .where(eq(apiTokens.id, id));
  return { token, secret };
}

/** Revokes a token at once; revoking it again changes nothing. */
export async function revokeApiToken({ id, actor }: { id: string; actor: NonNullable<AuditActor> }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id)).for("update");
    if (!row) throw notFound("API token");
    if (row.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    await recordAudit({ actor, action: "token.revoke", subject: row.name, detail: { tokenId: id } }, tx);
  });
}

export type TokenHolder = {
  tokenId: string;
  scope: ApiTokenScope;
  lastUsedAt: Date | null;
  user: { id: string; email: string; name: string; role: Role; deactivatedAt: Date | null; createdAt: Date };
};

/** The live token behind a secret and the active person it acts for; null when unknown or revoked. */
export async function findLiveApiToken({ secret }: { secret: string }): Promise<TokenHolder | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        deactivatedAt: users.deactivatedAt,
        createdAt: users.createdAt,
      },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdById))
    .where(and(eq(apiTokens.tokenHash, hashApiToken(secret)), isNull(apiTokens.revokedAt), isNull(users.deactivatedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * Counts one request in the token's current window and returns the count so far. A fixed window in
 * the database, so every instance draws on the same budget; the first request of a window drops the
 * token's older windows, which keeps the table at about one row per active token.
 */
export async function countTokenRequest({ tokenId, windowStart }: { tokenId: string; windowStart: Date }) {
  const db = await getDb();
  const [row] = await db
    .insert(apiTokenWindows)
    .values({ tokenId, windowStart, requests: 1 })
    .onConflictDoUpdate({
      target: [apiTokenWindows.tokenId, apiTokenWindows.windowStart],
      set: { requests: sql`${apiTokenWindows.requests} + 1` },
    })
    .returning({ requests: apiTokenWindows.requests });
  if (row.requests === 1)
    await db
      .delete(apiTokenWindows)
      .where(and(eq(apiTokenWindows.tokenId, tokenId), lt(apiTokenWindows.windowStart, windowStart)));
  return row.requests;
}

/**
 * Records a use, at most once a minute per token: the condition is in the statement too, so
 * instances racing on a stale value write it once.
 */
export async function touchApiToken({ tokenId, now, staleBefore }: { tokenId: string; now: Date; staleBefore: Date }) {
  const db = await getDb();
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
}
