// Ingestion: the production server under an HTTP load of valid submissions (autocannon, 32+
// connections), against the raw database rate for the same rows (pgbench, one response and its
// answers per transaction), measured in the same run. Afterwards every 2xx must be stored exactly once.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { openDatabase } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { startServer } from "./server";
import type { BenchRow } from "./table";

export const submitPath = (token: string) => `/api/s/${token}`;

type QuestionRow = { id: string; kind: string; options: { id: string }[] | null; required: boolean };

/** A valid answer set for the survey, different on every call. */
export function makeSubmission(questions: QuestionRow[]) {
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
  return {
    idempotencyKey: randomBytes(16).toString("base64url"),
    answers: questions.map((q) => ({
      questionId: q.id,
      value:
        q.kind === "likert"
          ? 1 + Math.floor(Math.random() * 5)
          : q.kind === "nps"
            ? Math.floor(Math.random() * 11)
            : q.kind === "single_choice"
              ? pick(q.options!).id
              : q.kind === "multiple_choice"
                ? [q.options![0].id]
                : pick(["CI is slow", "flaky tests again", "deploys need approval", "docs are hard to find", ""]),
    })),
  };
}

export async function prepareIngestionDatabase(adminUrl: string, name: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await seedDemo(handle.db);
  await handle.close();
  return url.toString();
}

export async function loadOpenSurvey(url: string, token = "demo-q4") {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [link] = await sql`select survey_id from survey_links where token = ${token}`;
  const questions = await sql<QuestionRow[]>`
    select id, kind, options, required from questions where survey_id = ${link.survey_id} and archived_at is null order by position`;
  await sql.end();
  return { surveyId: link.survey_id as string, token, questions: [...questions] };
}

/**
 * With `amount`, autocannon sends exactly that many requests and waits for every answer, so the
 * 2xx count can be compared with the rows stored; with only `seconds`, requests still in flight at
 * the end are dropped by the client but may still be stored by the server.
 */
export async function loadHttp(
  baseUrl: string,
  token: string,
  questions: QuestionRow[],
  opts: { connections: number; seconds?: number; amount?: number },
) {
  // With a fixed amount, the bodies are made before the clock starts: the load generator shares the
  // two cores with the server, and its share should go on sending. Each has its own idempotency key.
  const bodies = Array.from({ length: opts.amount ?? 0 }, () => JSON.stringify(makeSubmission(questions)));
  let sent = 0;
  const started = performance.now();
  const run = autocannon({
    url: baseUrl,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds ?? 10 }),
    requests: [
      {
        method: "POST",
        path: submitPath(token),
        headers: { "content-type": "application/json" },
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          body: bodies[sent++] ?? JSON.stringify(makeSubmission(questions)),
        }),
      },
    ],
  });
  // From the first request to the last response: autocannon itself only stops on a whole-second tick,
  // which would cost a 7-second run up to 14 % of its rate.
  let lastResponse = started;
  run.on("response", () => (lastResponse = performance.now()));
  const result = await run;
  const elapsedSeconds = (lastResponse - started) / 1000;
  return {
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rps: result["2xx"] / elapsedSeconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

async function countStored(url: string, surveyId: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [row] = await sql`
    select
      (select count(*)::int from responses where survey_id = ${surveyId}) as responses,
      (select count(*)::int from responses r where r.survey_id = ${surveyId}
         and not exists (select 1 from answers a where a.response_id = r.id)) as without_answers,
      (select count(*)::int from submission_keys k join responses r on r.id = k.response_id where r.survey_id = ${surveyId}) as keys`;
  await sql.end();
  return row as { responses: number; without_answers: number; keys: number };
}

function pgbenchRate(
  url: string,
  surveyId: string,
  questions: QuestionRow[],
  opts: { connections: number; seconds: number; protocol: "extended" | "prepared" },
) {
  const dir = mkdtempSync(path.join(tmpdir(), "dxp-pgbench-"));
  // The rows a submission stores: every question answered as makeSubmission answers it, a 64-hex key.
  const sqlValue = (q: QuestionRow, i: number) =>
    q.kind === "likert"
      ? `${1 + (i % 5)}, NULL, NULL`
      : q.kind === "nps"
        ? `${i % 11}, NULL, NULL`
        : q.kind === "single_choice" || q.kind === "multiple_choice"
          ? `NULL, ARRAY['${q.options![0].id}'], NULL`
          : `NULL, NULL, 'CI is slow'`;
  const values = questions.map((q, i) => `(:rid, '${q.id}', ${sqlValue(q, i)})`).join(",\n  ");
  const script = `
\\set r random(1, 1000000000)
BEGIN;
INSERT INTO responses (survey_id, submitted_on) VALUES ('${surveyId}', current_date) RETURNING id AS rid \\gset
INSERT INTO answers (response_id, question_id, number_value, choice_values, text_value) VALUES
  ${values};
INSERT INTO submission_keys (key_hash, response_id) VALUES (encode(sha256((random()::text || :r)::bytea), 'hex'), :rid);
END;
`;
  const file = path.join(dir, "submit.sql");
  writeFileSync(file, script);
  try {
    const out = execFileSync(
      "pgbench",
      [
        "-n",
        "-M",
        opts.protocol,
        "-c",
        String(opts.connections),
        "-j",
        "2",
        "-T",
        String(opts.seconds),
        "-f",
        file,
        url,
      ],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? "NaN");
    const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? "NaN");
    return { tps, latency };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchIngestion(opts: {
  adminUrl: string;
  seconds?: number;
  amount?: number;
  connections?: number;
}): Promise<BenchRow[]> {
  const seconds = opts.seconds ?? 15;
  const connections = opts.connections ?? 32;
  const url = await prepareIngestionDatabase(opts.adminUrl, "dxpulse_bench_ingest");
  const { surveyId, token, questions } = await loadOpenSurvey(url);
  const before = await countStored(url, surveyId);
  const server = await startServer({
    port: 3310,
    env: {
      DATABASE_URL: url,
      DEMO_SEED: "false",
      AUTH_SECRET: "bench-secret-bench-secret",
      SUBMISSION_RATE_LIMIT: "100000000",
    },
  });
  let http;
  try {
    // Warm-up at full concurrency, so the figure is the steady rate of a burst already under way.
    await loadHttp(server.url, token, questions, { connections, amount: 2000 });
    const warm = await countStored(url, surveyId);
    http = await loadHttp(server.url, token, questions, { connections, amount: opts.amount ?? 10_000 });
    const after = await countStored(url, surveyId);
    const stored = after.responses - warm.responses;
    // The reference: pgbench's extended protocol, as a driver sends a query. With statements prepared
    // once per connection, as the app's are, pgbench is faster still; both are printed.
    const raw = pgbenchRate(url, surveyId, questions, { connections, seconds, protocol: "extended" });
    const rawPrepared = pgbenchRate(url, surveyId, questions, { connections, seconds, protocol: "prepared" });
    return [
      {
        section: "ingestion (PostgreSQL)",
        name: `app submissions/s (autocannon, ${connections} conn)`,
        value: http.rps,
        unit: "req/s",
        reference: raw.tps,
        referenceName: "pgbench tx/s",
      },
      { section: "ingestion (PostgreSQL)", name: "app latency p50", value: http.p50, unit: "ms" },
      { section: "ingestion (PostgreSQL)", name: "app latency p99", value: http.p99, unit: "ms" },
      { section: "ingestion (PostgreSQL)", name: "pgbench latency avg", value: raw.latency, unit: "ms" },
      {
        section: "ingestion (PostgreSQL)",
        name: "app submissions/s vs pgbench -M prepared",
        value: http.rps,
        unit: "req/s",
        reference: rawPrepared.tps,
        referenceName: "pgbench prepared tx/s",
      },
      { section: "ingestion (PostgreSQL)", name: "non-2xx / errors", value: http.non2xx + http.errors, unit: "count" },
      { section: "ingestion (PostgreSQL)", name: "2xx acknowledged", value: http.ok, unit: "count" },
      { section: "ingestion (PostgreSQL)", name: "stored responses (must equal 2xx)", value: stored, unit: "count" },
      {
        section: "ingestion (PostgreSQL)",
        name: "lost or duplicated",
        value: Math.abs(stored - http.ok) + (after.keys - before.keys - (after.responses - before.responses)),
        unit: "count",
      },
      {
        section: "ingestion (PostgreSQL)",
        name: "responses without answers",
        value: after.without_answers,
        unit: "count",
      },
    ];
  } finally {
    await server.stop();
  }
}
