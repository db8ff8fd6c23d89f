// Durability against the production server on PostgreSQL: a SIGKILL in the middle of a submission
// load loses no acknowledged response and leaves no response without its answers; a PostgreSQL
// outage turns submissions into clear 503s (never a false acknowledgement) and they succeed again
// once the database is back.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOpenSurvey, makeSubmission, prepareIngestionDatabase, submitPath } from "@/scripts/bench/ingestion";
import { startServer, type RunningServer } from "@/scripts/bench/server";
import { env } from "@/lib/env";

const adminUrl = env.TEST_DATABASE_URL!;
const PORT = 3320;
type Survey = Awaited<ReturnType<typeof loadOpenSurvey>>;
type Sent = { key: string; answers: number; status: number };

// The same hash lib/responses/queries.ts stores: idempotency keys are scoped to their survey.
const keyHash = (surveyId: string, key: string) => createHash("sha256").update(`${surveyId}:${key}`).digest("hex");

async function post(server: RunningServer, survey: Survey, body = makeSubmission(survey.questions)): Promise<Sent> {
  const sent = { key: body.idempotencyKey, answers: body.answers.filter((a) => a.value !== "").length };
  try {
    const res = await fetch(`${server.url}${submitPath(survey.token)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { ...sent, status: res.status };
  } catch (error) {
    if (process.env.DEBUG_DURABILITY) console.error("post failed:", error, (error as Error).cause);
    return { ...sent, status: 0 }; // connection reset: not acknowledged
  }
}

/** Posts from `workers` parallel loops until stop() is called; returns every attempt. */
function load(server: RunningServer, survey: Survey, workers = 12) {
  const results: Sent[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async () => {
    while (running) results.push(await post(server, survey));
  });
  return { results, stop: async () => ((running = false), await Promise.all(loops), results) };
}

// The demo seed's responses were inserted directly, without submission keys; only count new ones.
let seededUnkeyed = 0;

async function checkStored(url: string, surveyId: string, acknowledged: Sent[]) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const keys = await sql<{ key_hash: string; answers: number }[]>`
      select k.key_hash, (select count(*)::int from answers a where a.response_id = k.response_id) as answers
      from submission_keys k join responses r on r.id = k.response_id where r.survey_id = ${surveyId}`;
    const byHash = new Map(keys.map((k) => [k.key_hash, k.answers]));
    const hashOf = (s: Sent) => keyHash(surveyId, s.key);
    const missing = acknowledged.filter((s) => !byHash.has(hashOf(s)));
    const incomplete = acknowledged.filter((s) => byHash.has(hashOf(s)) && byHash.get(hashOf(s)) !== s.answers);
    const [{ orphans }] = await sql`select count(*)::int as orphans from responses r where r.survey_id = ${surveyId}
      and not exists (select 1 from answers a where a.response_id = r.id)`;
    const [{ unkeyed }] = await sql`select count(*)::int as unkeyed from responses r where r.survey_id = ${surveyId}
      and not exists (select 1 from submission_keys k where k.response_id = r.id)`;
    return { missing: missing.length, incomplete: incomplete.length, orphans, unkeyed: unkeyed - seededUnkeyed };
  } finally {
    await sql.end();
  }
}

describe.runIf(adminUrl)("durability on PostgreSQL", () => {
  let url = "";
  let survey: Survey;
  const serverEnv = () => ({
    DATABASE_URL: url,
    DEMO_SEED: "false",
    AUTH_SECRET: "durability-secret-123",
    SUBMISSION_RATE_LIMIT: "100000000",
  });

  beforeAll(async () => {
    url = await prepareIngestionDatabase(adminUrl, "dxpulse_durability");
    survey = await loadOpenSurvey(url);
    seededUnkeyed = (await checkStored(url, survey.surveyId, [])).unkeyed;
  }, 120_000);

  // Whatever happened, leave the server running for the rest of the suite ("already running" is fine).
  afterAll(() => {
    try {
      execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", "15", "main", "start"], { stdio: "ignore" });
    } catch {
      // already running
    }
  });

  it("SIGKILL during a submission load loses no acknowledged response and half-stores nothing", async () => {
    let server = await startServer({ port: PORT, env: serverEnv() });
    const run = load(server, survey);
    await new Promise((r) => setTimeout(r, 2500));
    server.process.kill("SIGKILL");
    const results = await run.stop();
    const acknowledged = results.filter((r) => r.status >= 200 && r.status < 300);
    expect(acknowledged.length).toBeGreaterThan(20);

    server = await startServer({ port: PORT, env: serverEnv() });
    try {
      const check = await checkStored(url, survey.surveyId, acknowledged);
      expect(check).toEqual({ missing: 0, incomplete: 0, orphans: 0, unkeyed: 0 });
      // Retrying everything with the same keys stores each submission exactly once.
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      const [{ before }] =
        await sql`select count(*)::int as before from responses where survey_id = ${survey.surveyId}`;
      const retried = acknowledged.slice(0, 20);
      for (const r of retried) {
        const body = { ...makeSubmission(survey.questions), idempotencyKey: r.key };
        expect((await post(server, survey, body)).status).toBeLessThan(300);
      }
      const [{ after }] = await sql`select count(*)::int as after from responses where survey_id = ${survey.surveyId}`;
      await sql.end();
      expect(after).toBe(before);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it("a PostgreSQL outage answers 503 without acknowledging, and submissions succeed again afterwards", async () => {
    const server = await startServer({ port: PORT, env: serverEnv() });
    try {
      const run = load(server, survey, 6);
      await new Promise((r) => setTimeout(r, 1000));
      execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", "15", "main", "stop", "-m", "fast"], {
        stdio: "ignore",
      });
      await new Promise((r) => setTimeout(r, 2000));
      const during = await post(server, survey);
      execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", "15", "main", "start"], { stdio: "ignore" });
      let after = { status: 0 } as Sent;
      for (let i = 0; i < 40 && after.status !== 201 && after.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 500));
        after = await post(server, survey);
      }
      const results = await run.stop();

      expect(during.status, server.log().slice(-3000)).toBe(503);
      expect([200, 201]).toContain(after.status);
      const statuses = new Set(results.map((r) => r.status));
      expect([...statuses].filter((s) => ![0, 200, 201, 503].includes(s))).toEqual([]);
      const acknowledged = [...results, after].filter((r) => r.status >= 200 && r.status < 300);
      expect(await checkStored(url, survey.surveyId, acknowledged)).toEqual({
        missing: 0,
        incomplete: 0,
        orphans: 0,
        unkeyed: 0,
      });
    } finally {
      await server.stop();
    }
  }, 120_000);
});
