// Delivery benchmark: 1,000,000 GitHub-shaped events (pushes with commits, deployments and their
// statuses, incident issues) for 80 repositories of 40 teams over 8 quarters, ingested on PostgreSQL
// through the webhook's own path after verification (normalise → merge → upsert, in batches); then the
// four keys for 40 teams × 8 quarters, the endpoint beside the bare SQL of the same aggregates.
// Run directly: npx tsx --conditions=react-server scripts/bench/delivery.ts [postgres://…/postgres]
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { openDatabase, selectRows, setDatabaseHandleForTests, type Database } from "@/lib/db/client";
import { noEvents, type NormalizedEvents } from "@/lib/delivery/events";
import { normalizeGithub } from "@/lib/delivery/normalize-github";
import { env } from "@/lib/env";

type BenchResult = { name: string; value: number; unit: string };

const DEFAULT_URL = "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const BENCH_DB = "dxpulse_bench_delivery";
const TEAMS = 40;
const REPOS = 80;
const FROM = "2025-Q1";
const TO = "2026-Q4";
const START = Date.UTC(2025, 0, 1);
const END = Date.UTC(2027, 0, 1);
const TARGET_EVENTS = 1_000_000;
/** Events normalised before one call of storeDeliveryEvents (its statements take 2,000 rows each). */
const BATCH_EVENTS = 20_000;
const HOUR = 3_600_000;

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Every repository's history as GitHub payloads, in time order per repository, `perRepo` deployments each. */
function* githubDeliveries(perRepo: number): Generator<[string, unknown]> {
  const random = prng(42);
  const step = (END - START) / perRepo;
  let ids = 0;
  for (let r = 0; r < REPOS; r++) {
    const repository = { full_name: `bench/repo-${String(r).padStart(2, "0")}`, default_branch: "main" };
    const shas: string[] = [];
    for (let d = 0; d < perRepo; d++) {
      const deployAt = START + d * step + random() * step * 0.5;
      const rollback = shas.length > 2 && random() < 0.03;
      let sha: string;
      if (rollback) sha = shas[shas.length - 2];
      else {
        const pushedAt = deployAt - (10 + random() * 110) * 60_000;
        const commits = Array.from({ length: 3 }, (_, i) => ({
          id: `${r}-${d}-${i}`,
          timestamp: iso(pushedAt - random() * 48 * HOUR),
        }));
        sha = commits[2].id;
        yield [
          "push",
          { ref: "refs/heads/main", after: sha, repository: { ...repository, pushed_at: pushedAt / 1000 }, commits },
        ];
      }
      shas.push(sha);
      const deployment = { id: ++ids, sha, environment: "production", task: "deploy", created_at: iso(deployAt) };
      yield ["deployment", { repository, deployment }];
      const finished = deployAt + (5 + random() * 25) * 60_000;
      yield [
        "deployment_status",
        {
          repository,
          deployment,
          deployment_status: { state: "success", environment: "production", created_at: iso(finished) },
        },
      ];
      if (random() < 0.25) {
        const opened = finished + (10 / 60 + random() * 72) * HOUR;
        const closed = opened + (10 / 60 + random() * 96) * HOUR;
        const issue = { id: ++ids, labels: [{ name: "incident" }], created_at: iso(opened) };
        yield ["issues", { action: "opened", repository, issue: { ...issue, state: "open", updated_at: iso(opened) } }];
        yield [
          "issues",
          {
            action: "closed",
            repository,
            issue: { ...issue, state: "closed", closed_at: iso(closed), updated_at: iso(closed) },
          },
        ];
      }
    }
  }
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], max: sorted[sorted.length - 1] };
}

async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number) {
  await a();
  await b();
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i++)
    for (const [fn, samples] of (i % 2
      ? [
          [b, sb],
          [a, sa],
        ]
      : [
          [a, sa],
          [b, sb],
        ]) as [() => Promise<unknown>, number[]][]) {
      const t0 = performance.now();
      await fn();
      samples.push(performance.now() - t0);
    }
  return [stats(sa), stats(sb)] as const;
}

async function counts(db: Database) {
  const [row] = await selectRows<Record<string, number>>(
    db,
    sql`select (select count(*) from delivery_changes)::int as changes, (select count(*) from delivery_deployments)::int as deployments,
          (select count(*) from delivery_incidents)::int as incidents`,
  );
  return row;
}

export async function benchDelivery(
  opts: { databaseUrl?: string; runs?: number; events?: number; log?: (l: string) => void } = {},
) {
  const log = opts.log ?? ((line: string) => console.log(line));
  const runs = opts.runs ?? 7;
  const target = opts.events ?? TARGET_EVENTS;
  const results: BenchResult[] = [];
  const round = (v: number) => Math.round(v * 10) / 10;
  const adminUrl = opts.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_URL;
  const { default: postgres } = await import("postgres");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  try {
    await admin.unsafe(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.unsafe(`create database ${BENCH_DB}`);
    const pg = await openDatabase({ url: url.toString() });
    setDatabaseHandleForTests(pg);
    try {
      const q = await import("@/lib/delivery/queries");
      await pg.db.execute(
        sql`insert into teams (name, headcount) select 'Team ' || lpad(i::text, 2, '0'), 20 from generate_series(1, ${TEAMS}) i`,
      );
      await pg.db.execute(sql`insert into delivery_repo_teams (repo, team_id)
        select 'bench/repo-' || lpad(r::text, 2, '0'), (select id from teams order by name offset (r % ${TEAMS}) limit 1)
        from generate_series(0, ${REPOS - 1}) r`);

      // About 5.5 events per deployment (3 commits, the deployment, its status, and a quarter of the time an incident opened and closed).
      const perRepo = Math.ceil(target / 5.3 / REPOS);
      let events = 0;
      let batch: NormalizedEvents = noEvents();
      let inBatch = 0;
      let normaliseMs = 0;
      const t0 = performance.now();
      const flush = async () => {
        if (inBatch) await q.storeDeliveryEvents(batch);
        batch = noEvents();
        inBatch = 0;
      };
      for (const [event, payload] of githubDeliveries(perRepo)) {
        const n0 = performance.now();
        const out = normalizeGithub(event, payload);
        normaliseMs += performance.now() - n0;
        const n = out.changes.length + out.deployments.length + out.incidents.length;
        batch.changes.push(...out.changes);
        batch.deployments.push(...out.deployments);
        batch.incidents.push(...out.incidents);
        events += n;
        inBatch += n;
        if (inBatch >= BATCH_EVENTS) await flush();
        if (events >= target) break;
      }
      await flush();
      const ingestMs = performance.now() - t0;
      await pg.db.execute(sql`analyze`);
      const c = await counts(pg.db);
      log(
        `delivery: ${events.toLocaleString("en")} events ingested in ${(ingestMs / 1000).toFixed(1)} s (${c.changes} commits, ${c.deployments} deployments, ${c.incidents} incidents stored)`,
      );
      results.push(
        { name: "delivery.events", value: events, unit: "events" },
        { name: "delivery.ingest.total", value: round(ingestMs / 1000), unit: "s" },
        { name: "delivery.ingest.rate", value: Math.round(events / (ingestMs / 1000)), unit: "events/s" },
        { name: "delivery.ingest.normalise share", value: round((normaliseMs / ingestMs) * 100), unit: "%" },
        { name: "delivery.rows.changes", value: c.changes, unit: "rows" },
        { name: "delivery.rows.deployments", value: c.deployments, unit: "rows" },
        { name: "delivery.rows.incidents", value: c.incidents, unit: "rows" },
      );

      // The keys: the endpoint's loader (aggregates + bands + team names, serialised as JSON) against
      // the same aggregate statement run bare.
      const endpoint = async () => {
        const body = await q.getDeliveryKeys({ from: FROM, to: TO, now: new Date(END) });
        if (body.teams.length !== TEAMS) throw new Error(`expected ${TEAMS} teams, got ${body.teams.length}`);
        return JSON.stringify(body).length;
      };
      // The same statement with the same sort memory, without the loader around it.
      const bare = () =>
        pg.db.transaction(async (tx) => {
          await tx.execute(sql`set local work_mem = '64MB'`);
          return tx.execute(q.deliveryKeysStatement({ from: FROM, to: TO }));
        });
      const [app, ref] = await timePair(endpoint, bare, runs);
      log(
        `delivery keys 40 teams × 8 quarters: endpoint ${app.median.toFixed(0)} ms, bare SQL ${ref.median.toFixed(0)} ms`,
      );
      results.push(
        { name: "delivery.keys.endpoint median", value: round(app.median), unit: "ms" },
        { name: "delivery.keys.bare SQL median", value: round(ref.median), unit: "ms" },
        { name: "delivery.keys.ratio", value: Math.round((app.median / ref.median) * 100) / 100, unit: "×" },
      );
    } finally {
      setDatabaseHandleForTests(undefined);
      await pg.close();
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = process.argv.slice(2).find((a) => a.startsWith("postgres"));
  const events = process.argv.includes("--events")
    ? Number(process.argv[process.argv.indexOf("--events") + 1])
    : undefined;
  const results = await benchDelivery({ databaseUrl: arg, events });
  console.table(results);
  process.exit(0);
}
