// Submissions while a backlog analysis runs: the production server takes a steady load of survey
// submissions (a few respondents at a time, well below its capacity, so latency shows event-loop
// stalls rather than queueing) while its job worker analyses 20,000 free-text answers, beside the same
// load without the analysis.
// The analysis is requested as an editor would (POST /api/backlog/build) and runs as a pg-boss job.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { makeSubmission, submitPath } from "./ingestion";
import { startServer } from "./server";
import type { BenchRow } from "./table";

const SCOPE = "periods:2025-Q1..2025-Q4";
const RESPONSES = 10_000; // two free-text answers each
const PHRASES = [
  "ci builds are slow",
  "flaky tests block merges",
  "deploys need manual approval",
  "kubernetes yaml is confusing",
  "docs are out of date",
  "staging environment is broken",
  "local setup breaks after upgrades",
  "logs are hard to find",
  "code reviews take days",
  "secrets rotation is manual",
  "golden path template is great",
  "database migrations are scary",
];

/** The demo workspace plus four closed 2025 surveys holding 20,000 free-text answers. */
async function prepare(handle: DatabaseHandle) {
  await seedDemo(handle.db);
  const phrases = sql.raw(`array[${PHRASES.map((p) => `'${p}'`).join(",")}]`);
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.2025)`);
    await tx.execute(sql`insert into surveys (title, period, status)
      select 'Bench ' || p, p, 'closed' from unnest(array['2025-Q1','2025-Q2','2025-Q3','2025-Q4']) p`);
    await tx.execute(sql`insert into questions (survey_id, key, position, kind, prompt)
      select s.id, q.key, q.pos, 'free_text', q.key from surveys s
      cross join (values ('frustration', 0), ('one_thing', 1)) as q(key, pos) where s.title like 'Bench %'`);
    await tx.execute(sql`insert into responses (survey_id)
      select s.id from surveys s cross join generate_series(1, ${RESPONSES / 4}) where s.title like 'Bench %'`);
    await tx.execute(sql`insert into answers (response_id, question_id, text_value)
      select r.id, q.id, (${phrases})[1 + floor(random() * ${PHRASES.length})::int] || ' #' || floor(random() * 50)::int
      from responses r join questions q on q.survey_id = r.survey_id join surveys s on s.id = r.survey_id
      where s.title like 'Bench %'`);
  });
}

async function signIn(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    body: new URLSearchParams({ email, password: "dxpulse-demo", callbackUrl: "/" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

/**
 * `clients` respondents each submitting, waiting for the answer, then pausing `thinkMs`: a steady load
 * with bounded concurrency, so a slow answer shows a stalled server rather than a queue the load
 * generator built up itself. Returns the latency of each submission, in ms.
 */
async function steadySubmissions(
  baseUrl: string,
  questions: never[],
  opts: { clients: number; thinkMs: number },
  until: () => boolean,
) {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const client = async () => {
    while (!until()) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${baseUrl}${submitPath("demo-q4")}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(makeSubmission(questions)),
        });
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - t0);
        else failures[res.status] = (failures[res.status] ?? 0) + 1;
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code ?? "network";
        failures[code] = (failures[code] ?? 0) + 1;
      }
      await new Promise((r) => setTimeout(r, opts.thinkMs));
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  if (failed) console.error(`[bench] failed submissions by status: ${JSON.stringify(failures)}`);
  return { n: latencies.length, failed, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN };
}

async function analysisState(baseUrl: string, cookie: string) {
  const res = await fetch(`${baseUrl}/api/backlog/analysis?scope=${encodeURIComponent(SCOPE)}`, {
    headers: { cookie },
  });
  return ((await res.json()) as { analysis: { state: string; run: { textCount: number } | null } | null }).analysis;
}

const LOAD = { clients: 4, thinkMs: 50 };

async function measure(engine: "postgres" | "pglite", env: Record<string, string>, port: number) {
  const section = `submissions during a 20k-answer analysis (${engine === "postgres" ? "PostgreSQL" : "PGlite"})`;
  const server = await startServer({
    port,
    env: { DEMO_SEED: "false", AUTH_SECRET: "bench-secret-bench-secret", SUBMISSION_RATE_LIMIT: "100000000", ...env },
    timeoutMs: 120_000,
  });
  try {
    const questions = (await (await fetch(`${server.url}/api/s/demo-q4`)).json()).questions as never[];
    const cookie = await signIn(server.url, "pm@dxpulse.dev");
    // Warm-up, then the baseline over a fixed window.
    let stop = Date.now() + 3000;
    await steadySubmissions(server.url, questions, LOAD, () => Date.now() > stop);
    stop = Date.now() + 10_000;
    const idle = await steadySubmissions(server.url, questions, LOAD, () => Date.now() > stop);

    const requested = await fetch(`${server.url}/api/backlog/build`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ scope: SCOPE }),
    });
    if (!requested.ok) throw new Error(`analysis request failed: ${requested.status} ${await requested.text()}`);
    const t0 = performance.now();
    let state = "queued";
    let textCount = 0;
    const poll = (async () => {
      while (state !== "done" && state !== "failed") {
        await new Promise((r) => setTimeout(r, 250));
        const a = await analysisState(server.url, cookie);
        state = a?.state ?? state;
        textCount = a?.run?.textCount ?? textCount;
      }
    })();
    // The load covers the whole job: from the request until the job says done.
    const busy = await steadySubmissions(server.url, questions, LOAD, () => state === "done" || state === "failed");
    await poll;
    const analysisMs = performance.now() - t0;
    if (state !== "done") throw new Error(`the analysis job ended ${state}\n${server.log().slice(-2000)}`);
    return [
      { section, name: `load: ${LOAD.clients} clients, ${LOAD.thinkMs} ms pause`, value: idle.n / 10, unit: "req/s" },
      { section, name: "machine load average (1 min) at the end", value: loadavg()[0], unit: "" },
      { section, name: "analysis job, request to done", value: analysisMs, unit: "ms" },
      { section, name: "answers analysed", value: textCount, unit: "count" },
      {
        section,
        name: "submission p50 during analysis",
        value: busy.p50,
        unit: "ms",
        reference: idle.p50,
        referenceName: "without",
      },
      {
        section,
        name: "submission p99 during analysis",
        value: busy.p99,
        unit: "ms",
        reference: idle.p99,
        referenceName: "without",
      },
      {
        section,
        name: "submission max during analysis",
        value: busy.max,
        unit: "ms",
        reference: idle.max,
        referenceName: "without",
      },
      {
        section,
        name: "submissions measured (during / without)",
        value: busy.n,
        unit: "count",
        reference: idle.n,
        referenceName: "without",
      },
      { section, name: "failed submissions", value: busy.failed + idle.failed, unit: "count" },
    ] satisfies BenchRow[];
  } finally {
    await server.stop();
  }
}

export async function benchJobs(opts: { adminUrl: string; log: (line: string) => void }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const name = "dxpulse_bench_jobs";
  const admin = postgres(opts.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(opts.adminUrl);
  url.pathname = `/${name}`;
  try {
    const handle = await openDatabase({ url: url.toString() });
    await prepare(handle);
    await handle.close();
    opts.log("PostgreSQL: 20k answers ready; paced submissions with and without the analysis job");
    rows.push(...(await measure("postgres", { DATABASE_URL: url.toString() }, 3314)));
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "dxp-bench-jobs-"));
  try {
    const handle = await openDatabase({ dataDir });
    await prepare(handle);
    await handle.close();
    opts.log("PGlite: 20k answers ready; paced submissions with and without the analysis job");
    rows.push(...(await measure("pglite", { DATABASE_URL: "", PGLITE_DATA_DIR: dataDir }, 3315)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
