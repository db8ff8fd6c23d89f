import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

// A small budget so the limit is within reach of a test; lib/env.ts reads it once, at first import.
vi.hoisted(() => vi.stubEnv("API_TOKEN_RATE_LIMIT", "6"));

const { POST: changePassword } = await import("@/app/api/account/password/route");
const { GET: listSurveys, POST: createSurvey } = await import("@/app/api/surveys/route");
const { DELETE: revokeToken } = await import("@/app/api/tokens/[id]/route");
const { GET: listTokens, POST: createToken } = await import("@/app/api/tokens/route");
const { GET: listUsers } = await import("@/app/api/users/route");
const { GET: listWebhooks } = await import("@/app/api/webhooks/route");
const { apiTokens, apiTokenWindows, users } = await import("@/lib/db/schema");
const { callRoute } = await import("@/lib/testing/api");
const { withTestDatabase } = await import("@/lib/testing/test-db");
const { seedWorkspace } = await import("@/lib/testing/workspace-fixture");

const db = withTestDatabase();
let ids: Record<"owner" | "editor" | "viewer", string>;

beforeAll(async () => {
  ids = await seedWorkspace(db.handle().db, { anonymityThreshold: 5, roles: ["owner", "editor", "viewer"] });
});

async function newToken(scope: "read" | "read_write", name = `token ${Math.random()}`) {
  const res = await callRoute(createToken, { userId: ids.owner, body: { name, scope } });
  expect(res.status).toBe(201);
  return { id: res.json.token.id as string, secret: res.json.secret as string };
}

/** A request carrying only the token: no session (callRoute's user is null). */
const withToken = (secret: string, method = "GET", body?: unknown, headers: Record<string, string> = {}) => ({
  method,
  body,
  headers: { authorization: `Bearer ${secret}`, ...headers },
});

const storedToken = async (id: string) =>
  (await db.handle().db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0];

describe("API tokens", () => {
  it("owners create, list and revoke tokens; the secret is shown once and only its SHA-256 is kept", async () => {
    const { id, secret } = await newToken("read", "CI dashboard");
    expect(secret).toMatch(/^dxp_/);
    const list = await callRoute(listTokens, { userId: ids.owner });
    const listed = list.json.tokens.find((t: { id: string }) => t.id === id);
    expect(listed).toMatchObject({
      name: "CI dashboard",
      scope: "read",
      createdBy: "owner@example.com",
      revokedAt: null,
    });
    expect(JSON.stringify(list.json)).not.toContain(secret);
    const stored = await storedToken(id);
    expect(stored.tokenHash).not.toContain(secret);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await callRoute(revokeToken, { method: "DELETE", params: { id }, userId: ids.owner })).status).toBe(200);
    expect((await storedToken(id)).revokedAt).not.toBeNull();
    // Editors and viewers cannot see or make tokens.
    expect((await callRoute(listTokens, { userId: ids.editor })).status).toBe(403);
    expect((await callRoute(createToken, { userId: ids.editor, body: { name: "x", scope: "read" } })).status).toBe(403);
    expect((await callRoute(createToken, { userId: ids.owner, body: { name: "", scope: "admin" } })).status).toBe(422);
  });

  it("a read token reads, and is refused (403) on changes", async () => {
    const { secret } = await newToken("read");
    expect((await callRoute(listSurveys, withToken(secret))).status).toBe(200);
    const write = await callRoute(createSurvey, withToken(secret, "POST", { templateId: "dora", period: "2026-Q2" }));
    expect(write.status).toBe(403);
    expect(write.json.error.message).toMatch(/only read/);
  });

  it("a read-write token makes an editor's changes, even from another origin, but never owner-only or account work", async () => {
    const { secret } = await newToken("read_write");
    const created = await callRoute(
      createSurvey,
      withToken(secret, "POST", { templateId: "dora", period: "2026-Q2" }, { origin: "https://elsewhere.example" }),
    );
    expect(created.status).toBe(201);
    // The token acts for the owner who made it.
    expect(created.json.survey.createdBy).toBe(ids.owner);
    for (const handler of [listUsers, listTokens, listWebhooks])
      expect((await callRoute(handler, withToken(secret))).status).toBe(403);
    const password = await callRoute(
      changePassword,
      withToken(secret, "POST", {
        currentPassword: "x",
        newPassword: "long enough password",
        confirmPassword: "long enough password",
      }),
    );
    expect(password.status).toBe(403);
  });

  it("refuses unknown, malformed and revoked tokens with 401, and tokens of a deactivated owner", async () => {
    expect((await callRoute(listSurveys, withToken("dxp_not-a-real-token"))).status).toBe(401);
    expect((await callRoute(listSurveys, { headers: { authorization: "Basic b3duZXI6cHc=" } })).status).toBe(401);
    const { id, secret } = await newToken("read_write");
    expect((await callRoute(listSurveys, withToken(secret))).status).toBe(200);
    await callRoute(revokeToken, { method: "DELETE", params: { id }, userId: ids.owner });
    const revoked = await callRoute(listSurveys, withToken(secret));
    expect(revoked.status).toBe(401);
    expect(revoked.json.error.message).toMatch(/revoked/);

    const other = await newToken("read");
    await db.handle().db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, ids.owner));
    try {
      expect((await callRoute(listSurveys, withToken(other.secret))).status).toBe(401);
    } finally {
      await db.handle().db.update(users).set({ deactivatedAt: null }).where(eq(users.id, ids.owner));
    }
  });

  it("records the last use at most once a minute", async () => {
    const { id, secret } = await newToken("read");
    expect((await storedToken(id)).lastUsedAt).toBeNull();
    await callRoute(listSurveys, withToken(secret));
    const first = (await storedToken(id)).lastUsedAt;
    expect(first).not.toBeNull();
    await callRoute(listSurveys, withToken(secret));
    expect((await storedToken(id)).lastUsedAt).toEqual(first);
    // A minute later, the next use is written.
    const aMinuteAgo = new Date(Date.now() - 61_000);
    await db.handle().db.update(apiTokens).set({ lastUsedAt: aMinuteAgo }).where(eq(apiTokens.id, id));
    await callRoute(listSurveys, withToken(secret));
    expect((await storedToken(id)).lastUsedAt!.getTime()).toBeGreaterThan(aMinuteAgo.getTime() + 30_000);
  });

  it("limits each token to its per-minute budget with 429 and Retry-After, counted in the database", async () => {
    const limited = await newToken("read");
    // Start well inside a window, so the eight requests share one.
    const msLeft = 60_000 - (Date.now() % 60_000);
    if (msLeft < 5_000) await new Promise((resolve) => setTimeout(resolve, msLeft + 50));
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof callRoute>> | undefined;
    for (let i = 0; i < 8; i++) {
      const res = await callRoute(listSurveys, withToken(limited.secret));
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused!.json.error.code).toBe("rate_limited");
    // Another token has its own budget; the counter lives in PostgreSQL, one row per token.
    const fresh = await newToken("read");
    expect((await callRoute(listSurveys, withToken(fresh.secret))).status).toBe(200);
    const windows = await db.handle().db.select().from(apiTokenWindows).where(eq(apiTokenWindows.tokenId, limited.id));
    expect(windows).toHaveLength(1);
    expect(windows[0].requests).toBe(8);
  });
});
