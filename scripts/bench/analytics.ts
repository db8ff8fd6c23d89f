// Analytics benchmark: 200,000 responses × 12 answers over 8 quarters and 40 teams in PostgreSQL (and
// 20,000 in PGlite), then the dashboard's endpoints against the bare SQL of the same aggregates.
// Run directly: npx tsx --conditions=react-server scripts/bench/analytics.ts [postgres://…/postgres] [--reuse]
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { sql, type SQL } from "drizzle-orm";
import {
  openDatabase,
  selectRows,
  setDatabaseHandleForTests,
  type Database,
  type DatabaseHandle,
} from "@/lib/db/client";
import { env } from "@/lib/env";

export type BenchResult = { name: string; value: number; unit: string };

const DEFAULT_URL = "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const BENCH_DB = "dxpulse_bench";
const PERIODS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
const TEAMS = 40;

/** Fills an empty migrated database in a handful of INSERT … SELECT statements. `perTeam` responses per team per quarter. */
async function generate(db: Database, perTeam: number) {
  const periods = sql.raw(`array[${PERIODS.map((p) => `'${p}'`).join(",")}]`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.4242)`);
    await tx.execute(
      sql`insert into workspace_settings (id, name, anonymity_threshold) values (1, 'Bench', 5) on conflict (id) do nothing`,
    );
    // Team 40 is tiny (3 responses a quarter) so suppression and the complement rule do real work.
    await tx.execute(sql`insert into teams (name, headcount, on_platform)
      select 'Team ' || lpad(i::text, 2, '0'), case when i = ${TEAMS} then 6 else ${perTeam} + 20 + (i * 37) % 200 end, i % 2 = 0
      from generate_series(1, ${TEAMS}) i`);
    // Even teams move onto the platform at staggered quarters; odd teams stay off.
    await tx.execute(sql`insert into team_platform_changes (team_id, effective_period, on_platform)
      select id, (${periods})[1 + (row_number() over (order by name))::int % 8], true from teams where on_platform`);
    await tx.execute(
      sql`insert into surveys (title, period, status) select 'Developer experience ' || p, p, 'closed' from unnest(${periods}) p`,
    );
    await tx.execute(sql`insert into questions (survey_id, key, position, kind, prompt, dimension, options)
      select s.id, q.key, q.pos, q.kind::question_kind, q.key, q.dim, q.options::jsonb
      from surveys s cross join (values
        ('tooling_satisfaction', 0, 'likert', 'space.satisfaction', null),
        ('ship_confidence', 1, 'likert', 'space.performance', null),
        ('small_changes', 2, 'likert', 'space.activity', null),
        ('find_help', 3, 'likert', 'space.communication', null),
        ('deploy_ease', 4, 'likert', 'space.efficiency', null),
        ('ci_feedback', 5, 'likert', 'devex.feedback_loops', null),
        ('cognitive_load', 6, 'likert', 'devex.cognitive_load', null),
        ('deep_work', 7, 'likert', 'devex.flow_state', null),
        ('platform_nps', 8, 'nps', 'space.satisfaction', null),
        ('dora_lead_time', 9, 'single_choice', 'dora.lead_time',
          '[{"id":"elite","label":"< 1 hour"},{"id":"high","label":"1 day – 1 week"},{"id":"medium","label":"1 week – 1 month"},{"id":"low","label":"1 – 6 months"}]'),
        ('frustration', 10, 'free_text', null, null),
        ('one_thing', 11, 'free_text', null, null)
      ) as q(key, pos, kind, dim, options)`);
    await tx.execute(sql`insert into responses (survey_id, team_id, submitted_on)
      select s.id, t.id, date '2025-01-15'
      from surveys s cross join teams t
      cross join lateral generate_series(1, case when t.name = ${`Team ${TEAMS}`} then 3 else ${perTeam} end) g`);
    // Scores drift upwards for teams on the platform so the trends are not flat noise.
    await tx.execute(sql`insert into answers (response_id, question_id, number_value, choice_values, text_value)
      select r.id, q.id,
        case q.kind
          when 'likert' then least(5, greatest(1, round(2.6 + random() * 2.2 + case when t.on_platform then 0.3 else 0 end)::int))
          when 'nps' then least(10, floor(random() * 11 + case when t.on_platform then 1 else 0 end)::int)
        end,
        case when q.kind = 'single_choice' then array[(array['elite','high','medium','low'])[1 + floor(random() * 4)::int]] end,
        case when q.kind = 'free_text' then (array['deploys take too long','flaky integration tests','docs are out of date','CI is great now','too many YAML files'])[1 + floor(random() * 5)::int] end
      from responses r
      join questions q on q.survey_id = r.survey_id
      join teams t on t.id = r.team_id`);
  });
  // vacuum sets the visibility map so the covering index serves index-only scans, as on a settled database.
  await db.execute(sql`vacuum analyze`);
}

async function counts(db: Database) {
  const [row] = await selectRows<{ responses: number; answers: number }>(
    db,
    sql`select (select count(*) from responses)::int as responses, (select count(*) from answers)::int as answers`,
  );
  return row;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

/** Alternates the two so both see the same cache state and machine load (this box is shared). */
async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number, warmup = 2) {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i++) {
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
  }
  return [stats(sa), stats(sb)] as const;
}

type Case = { name: string; endpoint: () => Promise<unknown>; bare: SQL[] };

/** The dashboard's endpoints (route handler under NODE_ENV=test, else the loader it calls + JSON), each with its bare SQL. */
async function cases(db: Database, viewerId: string): Promise<{ mode: string; list: Case[] }> {
  const q = await import("@/lib/analytics/queries");
  const last = PERIODS.at(-1)!;
  const one = { from: last, to: last };

  let mode = "loader+json";
  let call: (path: string, query: Record<string, string>, loader: () => Promise<unknown>) => () => Promise<unknown> =
    (_p, _q, loader) => async () =>
      (await Response.json(await loader()).text()).length;
  if (env.NODE_ENV === "test") {
    mode = "route-handler";
    const { callRoute } = await import("@/lib/testing/api");
    const routes: Record<string, { GET: import("@/lib/api/route").RouteHandler }> = {
      nps: await import("@/app/api/analytics/nps/route"),
      dimensions: await import("@/app/api/analytics/dimensions/route"),
      teams: await import("@/app/api/analytics/teams/route"),
      adoption: await import("@/app/api/analytics/adoption/route"),
      dora: await import("@/app/api/analytics/dora/route"),
      "response-rates": await import("@/app/api/analytics/response-rates/route"),
    };
    call = (path, query) => async () => {
      const res = await callRoute(routes[path].GET, {
        url: `http://localhost/api/analytics/${path}?${new URLSearchParams(query)}`,
        userId: viewerId,
      });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.json)}`);
    };
  }

  // The reference is the plain aggregate a dashboard without an anonymity model would run: the same
  // answers grouped by quarter, team or adoption flag in one statement, nothing suppressed.
  const teamPeriod = sql`team_period as (
      select t.id as team_id, p.period,
        coalesce((select c.on_platform from team_platform_changes c where c.team_id = t.id and c.effective_period <= p.period
                  order by c.effective_period desc limit 1), t.on_platform) as on_platform
      from teams t cross join (select distinct period from surveys) p)`;
  const bare = (group: SQL, kind: "nps" | "likert" | "dora", where: SQL = sql`true`) =>
    sql`with ${teamPeriod}
      select ${group} as grp, count(*) as n,
        ${kind === "nps" ? sql`count(*) filter (where a.number_value >= 9), count(*) filter (where a.number_value <= 6)` : kind === "likert" ? sql`avg(a.number_value), stddev(a.number_value)` : sql`count(*) filter (where a.choice_values[1] = 'elite')`}
      from responses r join surveys s on s.id = r.survey_id join answers a on a.response_id = r.id join questions q on q.id = a.question_id
      left join team_period tp on tp.team_id = r.team_id and tp.period = s.period
      where ${kind === "dora" ? sql`q.kind = 'single_choice' and q.dimension like 'dora.%'` : sql`q.kind = ${kind}`} and ${where}
      group by 1`;
  const lastQuarter = sql`s.period = ${one.from}`;
  return {
    mode,
    list: [
      {
        name: "nps",
        endpoint: call("nps", {}, () => q.getNpsTrend({ filter: {} })),
        bare: [bare(sql`s.period`, "nps")],
      },
      {
        name: "nps_adoption_on",
        endpoint: call("nps", { adoption: "on" }, () => q.getNpsTrend({ filter: { adoption: "on" } })),
        bare: [bare(sql`s.period`, "nps", sql`tp.on_platform`)],
      },
      {
        name: "dimensions",
        endpoint: call("dimensions", {}, () => q.getDimensionTrends({ filter: {} })),
        bare: [bare(sql`(s.period, q.dimension)`, "likert")],
      },
      {
        name: "teams",
        endpoint: call("teams", {}, () => q.getTeamComparison({ input: {} })),
        bare: [bare(sql`r.team_id`, "nps", lastQuarter), bare(sql`(r.team_id, q.dimension)`, "likert", lastQuarter)],
      },
      {
        name: "adoption",
        endpoint: call("adoption", {}, () => q.getAdoptionComparison({ filter: {} })),
        bare: [
          bare(sql`(s.period, tp.on_platform)`, "nps"),
          bare(sql`(s.period, tp.on_platform, q.dimension)`, "likert"),
        ],
      },
      {
        name: "dora",
        endpoint: call("dora", {}, () => q.getDoraSummary({ input: {} })),
        bare: [
          bare(sql`(r.team_id, q.dimension)`, "dora", lastQuarter),
          bare(sql`(tp.on_platform, q.dimension)`, "dora", lastQuarter),
        ],
      },
      {
        name: "response_rates",
        endpoint: call("response-rates", {}, () => q.getResponseRates({ filter: {} })),
        bare: [sql`select r.survey_id, r.team_id, count(*) from responses r group by 1, 2`],
      },
    ],
  };
}

async function measure(
  handle: DatabaseHandle,
  label: string,
  runs: number,
  log: (line: string) => void,
): Promise<BenchResult[]> {
  const db = handle.db;
  const [viewer] = await selectRows<{ id: string }>(
    db,
    sql`insert into users (email, role, name) values ('bench-viewer@example.com', 'viewer', 'Bench') on conflict (email) do update set name = excluded.name returning id::text as id`,
  );
  setDatabaseHandleForTests(handle);
  const out: BenchResult[] = [];
  try {
    const { mode, list } = await cases(db, viewer.id);
    log(`  ${label}: endpoint = ${mode}; ${runs} timed calls each after 2 warm-up calls`);
    log(
      `  ${"endpoint".padEnd(18)} ${"endpoint med/p95 ms".padStart(22)} ${"bare SQL med/p95 ms".padStart(22)} ${"ratio".padStart(7)}`,
    );
    for (const c of list) {
      const [endpoint, bare] = await timePair(
        c.endpoint,
        () => Promise.all(c.bare.map((s) => selectRows(db, s))),
        runs,
      );
      const ratio = endpoint.median / bare.median;
      log(
        `  ${c.name.padEnd(18)} ${`${endpoint.median.toFixed(1)} / ${endpoint.p95.toFixed(1)}`.padStart(22)} ${`${bare.median.toFixed(1)} / ${bare.p95.toFixed(1)}`.padStart(22)} ${ratio.toFixed(2).padStart(7)}`,
      );
      out.push(
        { name: `analytics.${label}.${c.name}.endpoint.median`, value: round(endpoint.median), unit: "ms" },
        { name: `analytics.${label}.${c.name}.endpoint.p95`, value: round(endpoint.p95), unit: "ms" },
        { name: `analytics.${label}.${c.name}.sql.median`, value: round(bare.median), unit: "ms" },
        { name: `analytics.${label}.${c.name}.sql.p95`, value: round(bare.p95), unit: "ms" },
        { name: `analytics.${label}.${c.name}.ratio`, value: Math.round(ratio * 100) / 100, unit: "x" },
      );
    }
  } finally {
    setDatabaseHandleForTests(undefined);
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;

export async function benchAnalytics(
  opts: { databaseUrl?: string; runs?: number; reuse?: boolean; log?: (line: string) => void } = {},
): Promise<BenchResult[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const runs = opts.runs ?? 15;
  const results: BenchResult[] = [];

  // PostgreSQL: a database of its own, recreated on each run.
  const adminUrl = opts.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_URL;
  const { default: postgres } = await import("postgres");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  try {
    const exists = (await admin`select 1 from pg_database where datname = ${BENCH_DB}`).length > 0;
    // --reuse keeps a database generated by an earlier run (generation takes minutes on a busy machine).
    const reuse = Boolean(opts.reuse && exists);
    if (!reuse) {
      await admin.unsafe(`drop database if exists ${BENCH_DB} with (force)`);
      await admin.unsafe(`create database ${BENCH_DB}`);
    }
    const pg = await openDatabase({ url: url.toString() });
    try {
      const t0 = performance.now();
      if (!reuse)
        await generate(pg.db, 641); // 39 teams × 641 + 3 = 25,002 a quarter × 8 = 200,016 responses
      else await pg.db.execute(sql`vacuum analyze`);
      const c = await counts(pg.db);
      const genMs = performance.now() - t0;
      log(
        `PostgreSQL (${BENCH_DB}): ${c.responses.toLocaleString("en")} responses, ${c.answers.toLocaleString("en")} answers ${reuse ? "(reused)" : `generated in ${(genMs / 1000).toFixed(1)} s`}`,
      );
      if (!reuse) results.push({ name: "analytics.postgres.generate", value: round(genMs), unit: "ms" });
      results.push({ name: "analytics.postgres.responses", value: c.responses, unit: "rows" });
      results.push(...(await measure(pg, "postgres", runs, log)));
    } finally {
      await pg.close();
    }
  } finally {
    await admin.end({ timeout: 5 });
  }

  // PGlite in memory: a smaller set (single-threaded WASM engine).
  const lite = await openDatabase({ dataDir: "memory://" });
  try {
    const t0 = performance.now();
    await generate(lite.db, 62); // 39 × 62 + 3 = 2,421 a quarter × 8 = 19,368 responses
    const c = await counts(lite.db);
    log(
      `PGlite (memory): ${c.responses.toLocaleString("en")} responses, ${c.answers.toLocaleString("en")} answers generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    results.push({ name: "analytics.pglite.responses", value: c.responses, unit: "rows" });
    results.push(...(await measure(lite, "pglite", Math.max(5, Math.round(runs / 2)), log)));
  } finally {
    await lite.close();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  benchAnalytics({ databaseUrl: args.find((a) => a.startsWith("postgres")), reuse: args.includes("--reuse") })
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
