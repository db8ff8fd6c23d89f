// npm run bench — every benchmark in one run, each figure beside its reference measured in the
// same run (this machine is shared and noisy). Prints a table and writes bench-results/*.json.
//   npm run bench -- --only ingestion,analytics     run some sections
//   npm run bench -- --quick                         shorter load phases
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { benchAnalytics } from "./analytics";
import { benchBacklog } from "./backlog";
import { benchCluster } from "./cluster";
import { benchCsv } from "./csv";
import { benchDelivery } from "./delivery";
import { benchIngestion, loadHttp } from "./ingestion";
import { benchJobs } from "./jobs";
import { benchRespondent } from "./respondent";
import { ensureBuild, startServer } from "./server";
import { formatTable, type BenchRow } from "./table";

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1].split(",") : null;
const quick = args.includes("--quick");
const adminUrl = env.TEST_DATABASE_URL ?? env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const want = (name: string) => !only || only.includes(name);

const rows: BenchRow[] = [];
const add = (section: string, results: { name: string; value: number; unit: string }[]) =>
  rows.push(...results.map((r) => ({ section, ...r })));
const started = Date.now();
const log = (line: string) => console.error(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${line}`);

try {
  ensureBuild();
} catch {
  log("no production build: running `next build` first");
  execFileSync("npx", ["next", "build"], { stdio: "inherit" });
}

// Clustering first, on a quiet machine: it times the server's two clustering threads against
// scikit-learn, and the PostgreSQL sections below leave million-row tables that autovacuum then works
// through on one core for minutes (in one full run that made our side 1.17× scikit-learn's, 0.87–0.93×
// when run alone).
if (want("cluster")) {
  log("clustering 20k answers beside scikit-learn, and 100k");
  add("clustering", await benchCluster());
}

if (want("ingestion")) {
  log("ingestion on PostgreSQL: autocannon against next start, then pgbench");
  // About 20 s of load on each side: 30,000 submissions at the rate this machine reaches, pgbench for 20 s.
  rows.push(...(await benchIngestion({ adminUrl, seconds: quick ? 8 : 20, amount: quick ? 3000 : 30_000 })));
}

if (want("respondent") || want("ingestion")) {
  log("embedded PGlite server: respondent page JavaScript, submission latency, ingestion");
  const dataDir = mkdtempSync(path.join(tmpdir(), "dxp-bench-pglite-"));
  const server = await startServer({
    port: 3312,
    env: {
      DATABASE_URL: "",
      PGLITE_DATA_DIR: dataDir,
      DEMO_SEED: "true",
      AUTH_SECRET: "bench-secret-bench-secret",
      SUBMISSION_RATE_LIMIT: "100000000",
    },
    timeoutMs: 120_000,
  });
  try {
    add(
      "respondent page (PGlite server)",
      await benchRespondent(server.url, "demo-q4", { submissions: quick ? 50 : 200 }),
    );
    if (want("ingestion")) {
      const questions = (await (await fetch(`${server.url}/api/s/demo-q4`)).json()).questions;
      const http = await loadHttp(server.url, "demo-q4", questions, { connections: 32, amount: quick ? 1000 : 3000 });
      add("ingestion (PGlite, embedded)", [
        { name: "app submissions/s (32 conn)", value: http.rps, unit: "req/s" },
        { name: "app latency p50", value: http.p50, unit: "ms" },
        { name: "app latency p99", value: http.p99, unit: "ms" },
        { name: "non-2xx / errors", value: http.non2xx + http.errors, unit: "count" },
      ]);
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (want("analytics")) {
  log("analytics: 200k responses on PostgreSQL, 20k on PGlite; endpoint vs bare SQL");
  add("analytics", await benchAnalytics({ databaseUrl: adminUrl, runs: quick ? 7 : 15, log }));
}

if (want("delivery")) {
  log("delivery: 1,000,000 webhook events on PostgreSQL, then the four keys for 40 teams × 8 quarters vs bare SQL");
  add(
    "delivery (PostgreSQL)",
    await benchDelivery({ databaseUrl: adminUrl, runs: quick ? 3 : 7, events: quick ? 200_000 : 1_000_000, log }),
  );
}

if (want("backlog")) {
  log("backlog build, rebuild and CSV on PGlite");
  add("backlog", await benchBacklog({ log }));
}

if (want("jobs")) {
  log("jobs: submission latency while a 20k-answer analysis job runs, and without it");
  rows.push(...(await benchJobs({ adminUrl, log })));
}

if (want("csv")) {
  log("CSV streaming");
  add("CSV export", await benchCsv());
}

console.log(formatTable(rows));
console.log(`\nTotal bench time: ${Math.round((Date.now() - started) / 1000)} s`);
mkdirSync("bench-results", { recursive: true });
const file = path.join("bench-results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), quick, rows }, null, 2));
console.log(`Figures written to ${file}`);
process.exit(0);
