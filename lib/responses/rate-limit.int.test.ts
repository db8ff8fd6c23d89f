import { describe, expect, it, vi } from "vitest";

// Behind one proxy of our own (TRUSTED_PROXY_HOPS=1), with a small budget so the per-link ceiling
// (50 clients' worth) is within reach of a test. lib/env.ts reads these once, at first import.
vi.hoisted(() => {
  vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
  vi.stubEnv("SUBMISSION_RATE_LIMIT", "2");
});

const { default: surveyLink } = await import("@/pages/api/s/[token]");
const { callRoute } = await import("@/lib/testing/api");
const { withTestDatabase } = await import("@/lib/testing/test-db");

withTestDatabase();

// An unknown link answers 404 after the limiter has counted the request, and 429 once it refuses it.
const post = (token: string, forwardedFor: string) =>
  callRoute(surveyLink, {
    method: "POST",
    params: { token },
    body: { idempotencyKey: "x" },
    client: "10.0.0.1",
    headers: { "x-forwarded-for": forwardedFor },
  }).then((r) => r.status);

describe("submission rate limit behind a trusted proxy", () => {
  it("keys on the address the proxy appended, not on what the client wrote before it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await post("hops-link-a", `198.51.100.${i}, 203.0.113.5`));
    expect(statuses).toEqual([404, 404, 429, 429, 429, 429]);
    // Another client behind the same proxy has its own budget.
    expect(await post("hops-link-a", "203.0.113.6")).toBe(404);
  });

  it("one client hammering a link does not use up the link's ceiling for everyone else", async () => {
    // Far more than the per-link ceiling (2 × 50 = 100), all from one client.
    for (let i = 0; i < 150; i++) await post("hops-link-b", "203.0.113.50");
    expect(await post("hops-link-b", "203.0.113.51")).toBe(404);
    // Many clients at their full rate still meet the ceiling.
    const statuses: number[] = [];
    for (let c = 0; c < 60; c++) for (let i = 0; i < 2; i++) statuses.push(await post("hops-link-b", `192.0.2.${c}`));
    expect(statuses.filter((s) => s === 404).length).toBe(100 - 3);
    expect(statuses.at(-1)).toBe(429);
  });
});
