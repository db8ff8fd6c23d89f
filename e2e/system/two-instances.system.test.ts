// Two production servers (`next start`) on one PostgreSQL database behave as one (issue #15, acceptance 3):
// each scheduled job runs once — every survey published through either instance is opened by exactly one
// of their pg-boss worker sets, so its signed survey.opened webhook reaches the receiver once — and
// concurrent uses of one invitation link, spread over both instances, store exactly one response.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiToken } from "@/lib/integrations/token-secret";
import { verifyWebhookSignature } from "@/lib/integrations/webhook-payload";
import { hashInviteToken, newInviteToken } from "@/lib/invites/token";
import { todayIsoDate } from "@/lib/responses/submission-day";
import { loadOpenSurvey, makeSubmission, prepareIngestionDatabase } from "@/scripts/bench/ingestion";
import { startServer, type RunningServer } from "@/scripts/bench/server";
import { env } from "@/lib/env";

const adminUrl = env.TEST_DATABASE_URL!;
const PORTS = [3330, 3331];
const SECRET = "two-instances-webhook-secret";
const SURVEYS = 8;

type Received = { event: string; surveyId: string; signed: boolean };

describe.runIf(adminUrl)("two instances on one PostgreSQL", () => {
  let url = "";
  let sql: postgres.Sql;
  const servers: RunningServer[] = [];
  let receiver: Server;
  const received: Received[] = [];
  let bearer = "";

  beforeAll(async () => {
    url = await prepareIngestionDatabase(adminUrl, "dxpulse_two_instances");
    sql = postgres(url, { max: 2, onnotice: () => {} });
    receiver = createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        const body = JSON.parse(raw);
        const signature = String(req.headers["x-dxpulse-signature"] ?? "");
        received.push({
          event: body.event,
          surveyId: body.data?.survey?.id,
          signed: verifyWebhookSignature(raw, SECRET, signature),
        });
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const port = (receiver.address() as AddressInfo).port;

    const [owner] = await sql`select id from users where role = 'owner' limit 1`;
    const token = generateApiToken();
    bearer = token.token;
    await sql`insert into api_tokens (name, scope, token_hash, prefix, created_by_id)
      values ('two instances', 'read_write', ${token.hash}, ${token.prefix}, ${owner.id})`;
    await sql`insert into webhook_endpoints (url, secret, events, created_by_id)
      values (${`http://127.0.0.1:${port}/hook`}, ${SECRET}, ${["survey.opened"]}, ${owner.id})`;

    const serverEnv = {
      DATABASE_URL: url,
      DEMO_SEED: "false",
      AUTH_SECRET: "two-instances-secret-123",
      WEBHOOK_ALLOW_LOOPBACK: "true",
      SUBMISSION_RATE_LIMIT: "100000",
      API_TOKEN_RATE_LIMIT: "100000",
    };
    // Started together, as a deployment would (on a fresh database this once deadlocked in pg-boss's
    // setup); each is kept as soon as it is up, so afterAll stops it even if the other fails.
    await Promise.all(PORTS.map(async (port) => servers.push(await startServer({ port, env: serverEnv }))));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await new Promise((resolve) => receiver?.close(resolve));
    await sql?.end();
  });

  const api = async (server: RunningServer, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  it("each survey published through either instance is opened once: one survey.opened per survey", async () => {
    const today = todayIsoDate(new Date());
    const ids: string[] = [];
    for (let i = 0; i < SURVEYS; i++) {
      const server = servers[i % 2];
      const { survey } = await api(server, "POST", "/api/surveys", {
        templateId: "blank",
        period: "2027-Q3",
        title: `Two instances ${i}`,
      });
      await api(server, "POST", `/api/surveys/${survey.id}/questions`, {
        key: "platform_nps",
        kind: "nps",
        prompt: "How likely are you to recommend the platform?",
        required: true,
      });
      await api(server, "PATCH", `/api/surveys/${survey.id}`, { opensOn: today });
      ids.push(survey.id);
    }
    // Published all at once, half through each instance: their open jobs are due together, and both
    // instances' workers compete for them.
    await Promise.all(ids.map((id, i) => api(servers[i % 2], "POST", `/api/surveys/${id}/status`, { status: "open" })));

    const deadline = Date.now() + 60_000;
    while (received.length < SURVEYS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 5_000)); // time for a second delivery, were there one
    expect(
      received
        .filter((r) => r.event === "survey.opened")
        .map((r) => r.surveyId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(received.every((r) => r.signed)).toBe(true);
    const events = await sql`select count(*)::int as n from survey_events_emitted
      where event = 'survey.opened' and survey_id = any(${ids}::uuid[])`;
    expect(events[0].n).toBe(SURVEYS);
    const jobs = await sql`select data->>'surveyId' as survey, count(*)::int as runs from pgboss.job
      where name = 'survey.open' and state = 'completed' and data->>'surveyId' = any(${ids}) group by 1`;
    expect(jobs.map((j) => j.runs)).toEqual(Array(SURVEYS).fill(1));
  }, 120_000);

  it("concurrent uses of one invitation link through both instances store one response", async () => {
    const survey = await loadOpenSurvey(url);
    const [team] = await sql`select id from teams order by name limit 1`;
    const token = newInviteToken();
    await sql`insert into survey_invites (survey_id, team_id, email, token_hash)
      values (${survey.surveyId}, ${team.id}, 'one.person@example.com', ${hashInviteToken(token)})`;
    const [{ before }] = await sql`select count(*)::int as before from responses where survey_id = ${survey.surveyId}`;

    const statuses = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const res = await fetch(`${servers[i % 2].url}/api/s/i/${token}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(makeSubmission(survey.questions)),
        });
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 410)).toBe(true);
    const [{ after }] = await sql`select count(*)::int as after from responses where survey_id = ${survey.surveyId}`;
    expect(after - before).toBe(1);
    const [invite] = await sql`select used from survey_invites where token_hash = ${hashInviteToken(token)}`;
    expect(invite.used).toBe(true);
  }, 60_000);
});
