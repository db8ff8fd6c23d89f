import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verify as octokitVerify } from "@octokit/webhooks-methods";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postFriction } from "@/app/api/friction/[token]/route";
import { POST as changeStatus } from "@/app/api/surveys/[id]/status/route";
import { PATCH as patchWebhook } from "@/app/api/webhooks/[id]/route";
import { POST as sendTest } from "@/app/api/webhooks/[id]/test/route";
import { POST as redeliver } from "@/app/api/webhooks/deliveries/[id]/redeliver/route";
import { GET as listDeliveries } from "@/app/api/webhooks/deliveries/route";
import { POST as createWebhook } from "@/app/api/webhooks/route";
import { buildBacklog } from "@/lib/backlog/queries";
import * as s from "@/lib/db/schema";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertTeams, seedWorkspace } from "@/lib/testing/workspace-fixture";
import { deliverWebhook, WebhookDeliveryError } from "./deliver";
import { recordWebhookEvent } from "./queries";
import { verifyWebhookSignature } from "./webhook-payload";
import { runJobsNow } from "@/lib/jobs/drain";
import type { JobKind } from "@/lib/jobs/registry";

// The jobs between a status change and its webhook delivery (the delivery itself is sent by the test).
const ANNOUNCING: JobKind[] = ["survey.open", "survey.close", "webhook.announce-survey"];

const db = withTestDatabase();
let ids: Record<"owner" | "editor", string>;
let teams: Record<string, string>;

/** A real receiver: keeps each request's raw bytes and headers, answers with the next queued status. */
type Received = { raw: Buffer; headers: Record<string, string | string[] | undefined>; path: string };
const received: Received[] = [];
const replies: number[] = [];
let server: Server;
let base = "";

beforeAll(async () => {
  ids = await seedWorkspace(db.handle().db, { anonymityThreshold: 5, roles: ["owner", "editor"] });
  teams = await insertTeams(db.handle().db, [{ name: "Payments" }, { name: "Search" }]);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ raw: Buffer.concat(chunks), headers: req.headers, path: req.url ?? "" });
      res.statusCode = replies.shift() ?? 204;
      res.end("receiver's own words, never stored");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function addEndpoint(path: string, events: string[]) {
  const res = await callRoute(createWebhook, { userId: ids.owner, body: { url: `${base}${path}`, events } });
  expect(res.status).toBe(201);
  return { id: res.json.endpoint.id as string, secret: res.json.secret as string };
}
const deliveriesOf = (endpointId: string) =>
  db.handle().db.select().from(s.webhookDeliveries).where(eq(s.webhookDeliveries.endpointId, endpointId));
const to = (path: string) => received.filter((r) => r.path === path);
const bodyOf = (r: Received) => JSON.parse(r.raw.toString());

describe("outgoing webhooks", () => {
  it("only owners add endpoints, and never to private networks", async () => {
    const body = { url: "http://10.0.0.7/hook", events: ["survey.closed"] };
    expect((await callRoute(createWebhook, { userId: ids.editor, body })).status).toBe(403);
    const refused = await callRoute(createWebhook, { userId: ids.owner, body });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fieldErrors.url[0]).toMatch(/private/);
    const metadata = { url: "http://169.254.169.254/latest", events: ["survey.closed"] };
    expect((await callRoute(createWebhook, { userId: ids.owner, body: metadata })).status).toBe(422);
    expect((await callRoute(createWebhook, { userId: ids.owner, body: { url: `${base}/x`, events: [] } })).status).toBe(
      422,
    );
  });

  it("friction.created is signed over the raw body, names the team and period, and carries no text", async () => {
    const endpoint = await addEndpoint("/friction", ["friction.created"]);
    const [link] = await db
      .handle()
      .db.insert(s.surveyLinks)
      .values({ token: "friction-link-payments", kind: "friction", teamId: teams.Payments })
      .returning();
    const text = "Jane Doe on payments waits 45 minutes for every deploy";
    const res = await callRoute(postFriction, {
      params: { token: link.token },
      body: { text, idempotencyKey: "0123456789abcdef-friction" },
    });
    expect(res.status).toBe(201);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery.status).toBe("pending");

    expect(await deliverWebhook(delivery.id)).toEqual({ sent: true, status: "delivered" });
    const [got] = to("/friction");
    const signature = got.headers["x-dxpulse-signature"] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(got.raw, endpoint.secret, signature)).toBe(true);
    expect(await octokitVerify(endpoint.secret, got.raw.toString(), signature)).toBe(true);
    expect(verifyWebhookSignature(got.raw, "whsec_wrong", signature)).toBe(false);
    expect(got.headers["x-dxpulse-delivery"]).toBe(delivery.id);
    expect(got.headers["content-type"]).toBe("application/json");

    const body = bodyOf(got);
    expect(body).toEqual({
      id: delivery.eventId,
      event: "friction.created",
      createdAt: expect.stringMatching(/T00:00:00\.000Z$/),
      data: { period: expect.stringMatching(/^\d{4}-Q[1-4]$/), team: { id: teams.Payments, name: "Payments" } },
    });
    expect(got.raw.toString()).not.toMatch(/Jane|deploy|minutes/);
    // The log keeps the day only, as the entry does.
    const [logged] = await deliveriesOf(endpoint.id);
    expect(logged.createdAt.getUTCHours() + logged.deliveredAt!.getUTCMinutes()).toBe(0);
  });

  it("retries after a 500, records each attempt, and never sends a delivered one again", async () => {
    const endpoint = await addEndpoint("/flaky", ["backlog.analysed"]);
    const [id] = await recordWebhookEvent({ event: "backlog.analysed", data: { scope: "friction" } });
    replies.push(500);
    await expect(deliverWebhook(id)).rejects.toBeInstanceOf(WebhookDeliveryError);
    let [row] = await deliveriesOf(endpoint.id);
    expect(row).toMatchObject({
      status: "failed",
      attempts: 1,
      responseStatus: 500,
      error: "HTTP 500",
      sendingSince: null,
    });
    expect(row.durationMs).toBeGreaterThanOrEqual(0);

    expect(await deliverWebhook(id)).toEqual({ sent: true, status: "delivered" });
    [row] = await deliveriesOf(endpoint.id);
    expect(row).toMatchObject({ status: "delivered", attempts: 2, responseStatus: 204, error: null });
    const sent = to("/flaky");
    expect(sent).toHaveLength(2);
    // A retry sends the same bytes (and signature) under the same delivery id.
    expect(sent[0].raw.equals(sent[1].raw)).toBe(true);
    expect(sent[0].headers["x-dxpulse-delivery"]).toBe(sent[1].headers["x-dxpulse-delivery"]);

    expect(await deliverWebhook(id)).toEqual({ sent: false, status: "delivered" });
    expect(to("/flaky")).toHaveLength(2);

    // Two workers handed the same delivery at once send it once.
    const [twice] = await recordWebhookEvent({ event: "backlog.analysed", data: { scope: "friction" } });
    const outcomes = await Promise.all([deliverWebhook(twice), deliverWebhook(twice)]);
    expect(outcomes.filter((o) => o.sent)).toHaveLength(1);
    expect(to("/flaky")).toHaveLength(3);
  });

  it("backlog.analysed follows an analysis and names only its scope", async () => {
    const endpoint = await addEndpoint("/backlog", ["backlog.analysed"]);
    await buildBacklog({ scope: "friction" });
    const [row] = await deliveriesOf(endpoint.id);
    await deliverWebhook(row.id);
    expect(bodyOf(to("/backlog")[0]).data).toEqual({ scope: "friction" });
  });

  it("an unreachable receiver fails with a reason of our own and is retried", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await callRoute(createWebhook, {
      userId: ids.owner,
      body: { url: `http://127.0.0.1:${port}/gone`, events: ["survey.opened"] },
    });
    const [id] = await recordWebhookEvent({ event: "survey.opened", data: {}, endpointId: res.json.endpoint.id });
    await expect(deliverWebhook(id)).rejects.toThrow(/Connection refused/);
    const [row] = await deliveriesOf(res.json.endpoint.id);
    expect(row).toMatchObject({ status: "failed", error: "Connection refused", responseStatus: null });
    await callRoute(patchWebhook, {
      method: "PATCH",
      userId: ids.owner,
      params: { id: res.json.endpoint.id },
      body: { enabled: false },
    });
  });

  it("survey.opened and survey.closed come from publish and close, and show no group under k and no text", async () => {
    const endpoint = await addEndpoint("/surveys", ["survey.opened", "survey.closed"]);
    const d = db.handle().db;
    const [survey] = await d.insert(s.surveys).values({ title: "DX 2026-Q3", period: "2026-Q3" }).returning();
    const [question] = await d
      .insert(s.questions)
      .values({ surveyId: survey.id, key: "pain", kind: "free_text", prompt: "What hurts?", position: 0 })
      .returning();
    const open = await callRoute(changeStatus, {
      userId: ids.editor,
      params: { id: survey.id },
      body: { status: "open" },
    });
    expect(open.status).toBe(200);
    // The announcement follows the survey's domain event, through jobs: the open, then its webhook.
    await runJobsNow({ kinds: ANNOUNCING });
    // Payments 6 people, Search 2: Search is under k, so Payments cannot be shown either (total − Payments = Search).
    const respondents = [...Array(6).fill(teams.Payments), ...Array(2).fill(teams.Search)];
    for (const [i, teamId] of respondents.entries()) {
      const [response] = await d.insert(s.responses).values({ surveyId: survey.id, teamId }).returning();
      await d
        .insert(s.answers)
        .values({ responseId: response.id, questionId: question.id, textValue: `secret pain ${i}` });
    }
    const close = await callRoute(changeStatus, {
      userId: ids.editor,
      params: { id: survey.id },
      body: { status: "closed" },
    });
    expect(close.status).toBe(200);
    await runJobsNow({ kinds: ANNOUNCING });
    // Closing again changes nothing and announces nothing.
    await callRoute(changeStatus, { userId: ids.editor, params: { id: survey.id }, body: { status: "closed" } });
    await runJobsNow({ kinds: ANNOUNCING });

    const rows = await deliveriesOf(endpoint.id);
    expect(rows.map((r) => r.event).sort()).toEqual(["survey.closed", "survey.opened"]);
    for (const row of rows) await deliverWebhook(row.id);
    const bodies = to("/surveys").map(bodyOf);
    const opened = bodies.find((b) => b.event === "survey.opened");
    expect(opened.data).toEqual({ survey: { id: survey.id, title: "DX 2026-Q3", period: "2026-Q3", status: "open" } });
    const closedEvent = bodies.find((b) => b.event === "survey.closed");
    expect(closedEvent.data).toMatchObject({
      survey: { id: survey.id, status: "closed" },
      anonymityThreshold: 5,
      responses: 8,
    });
    const shown: { id: string; responses: number }[] = closedEvent.data.teams;
    for (const team of shown) expect(team.responses).toBeGreaterThanOrEqual(5);
    expect(shown.find((t) => t.id === teams.Search)).toBeUndefined();
    // Whatever is shown, the rest (total minus the shown teams) is 0 or at least k.
    const rest = 8 - shown.reduce((sum, t) => sum + t.responses, 0);
    expect(rest === 0 || rest >= 5).toBe(true);
    expect(JSON.stringify(bodies)).not.toContain("secret pain");
  });

  it("sends test events, redelivers the same body as a new delivery, and lists the log", async () => {
    const endpoint = await addEndpoint("/ops", ["survey.closed"]);
    const test = await callRoute(sendTest, { method: "POST", userId: ids.owner, params: { id: endpoint.id } });
    expect(test.status).toBe(200);
    expect(test.json.delivery).toMatchObject({
      event: "webhook.test",
      status: "delivered",
      attempts: 1,
      responseStatus: 204,
    });

    const redone = await callRoute(redeliver, {
      method: "POST",
      userId: ids.owner,
      params: { id: test.json.delivery.id },
    });
    expect(redone.status).toBe(201);
    expect(redone.json.delivery.id).not.toBe(test.json.delivery.id);
    expect(redone.json.delivery.eventId).toBe(test.json.delivery.eventId);
    const [first, second] = to("/ops");
    expect(first.raw.equals(second.raw)).toBe(true);
    expect(first.headers["x-dxpulse-delivery"]).not.toBe(second.headers["x-dxpulse-delivery"]);

    const log = await callRoute(listDeliveries, {
      userId: ids.owner,
      url: `http://localhost/api/webhooks/deliveries?endpointId=${endpoint.id}`,
    });
    expect(log.status).toBe(200);
    expect(log.json.deliveries).toHaveLength(2);
    expect(JSON.stringify(log.json)).not.toContain("never stored");

    // A disabled endpoint gets no events and no test events.
    await callRoute(patchWebhook, {
      method: "PATCH",
      userId: ids.owner,
      params: { id: endpoint.id },
      body: { enabled: false },
    });
    expect(await recordWebhookEvent({ event: "survey.closed", data: {} })).not.toContain(endpoint.id);
    expect((await callRoute(sendTest, { method: "POST", userId: ids.owner, params: { id: endpoint.id } })).status).toBe(
      409,
    );
  });
});
