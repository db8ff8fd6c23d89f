// Backlog benchmark: 10,000 survey responses with 20,000 free-text answers in PGlite (in memory), then
// the first build (cluster + reconcile), a rebuild over curated items, the ranked read, one item's
// detail and the streamed CSV export.
// Run directly: npx tsx --conditions=react-server scripts/bench/backlog.ts
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { quartersScope } from "@/lib/backlog/scope";
import { openDatabase, setDatabaseHandleForTests, type Database } from "@/lib/db/client";

export type BenchResult = { name: string; value: number; unit: string };

const RESPONSES = 10_000;
const SCOPE = quartersScope("2026-Q1", "2026-Q4");

// Twelve complaint topics, each with a few phrasings, and filler so no two answers need be identical.
const TOPICS = [
  ["ci builds are slow", "the pipeline takes forty minutes", "build queue is too long"],
  ["flaky tests block merges", "e2e tests are flaky", "retrying flaky integration tests"],
  ["deploys need manual approval", "waiting for the release manager", "deploy windows are too rare"],
  ["kubernetes yaml is confusing", "helm charts break ingress", "too much k8s config"],
  ["docs are out of date", "cannot find the runbook", "documentation is spread across wikis"],
  ["staging environment is broken", "preview environments time out", "shared staging is always busy"],
  ["local setup breaks after upgrades", "docker compose is slow locally", "hot reload does not work"],
  ["logs are hard to find", "no tracing across services", "alerts are noisy"],
  ["code reviews take days", "pull requests sit without review", "review load is uneven"],
  ["secrets rotation is manual", "access requests need tickets", "vault permissions are confusing"],
  ["golden path template is great", "feature flags work well", "office hours are helpful"],
  ["database migrations are scary", "schema changes need a dba", "no migration tooling"],
];
const FILLER = [
  "",
  " honestly",
  " every week",
  " for our team",
  " again and again",
  " since last quarter",
  " please fix",
  " it hurts",
];

async function generate(db: Database) {
  const phrases = TOPICS.flat();
  const phraseArray = sql.raw(`array[${phrases.map((p) => `'${p}'`).join(",")}]`);
  const fillerArray = sql.raw(`array[${FILLER.map((p) => `'${p}'`).join(",")}]`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.2026)`);
    await tx.execute(
      sql`insert into workspace_settings (id, name, anonymity_threshold) values (1, 'Bench', 5) on conflict (id) do nothing`,
    );
    await tx.execute(sql`insert into teams (name, headcount) select 'Team ' || i, 100 from generate_series(1, 20) i`);
    await tx.execute(
      sql`insert into surveys (title, period, status) select 'DX ' || p, p, 'closed' from unnest(array['2026-Q1','2026-Q2','2026-Q3','2026-Q4']) p`,
    );
    await tx.execute(sql`insert into questions (survey_id, key, position, kind, prompt)
      select s.id, q.key, q.pos, q.kind::question_kind, q.key from surveys s cross join (values
        ('tooling_satisfaction', 0, 'likert'), ('ci_feedback', 1, 'likert'), ('platform_nps', 2, 'nps'),
        ('frustration', 3, 'free_text'), ('one_thing', 4, 'free_text')) as q(key, pos, kind)`);
    await tx.execute(sql`insert into responses (survey_id, team_id)
      select s.id, (select id from teams order by name offset (g % 20) limit 1)
      from surveys s cross join generate_series(1, ${RESPONSES / 4}) g`);
    await tx.execute(sql`insert into answers (response_id, question_id, number_value, text_value)
      select r.id, q.id,
        case q.kind when 'likert' then 1 + floor(random() * 5)::int when 'nps' then floor(random() * 11)::int end,
        case when q.kind = 'free_text' then
          (${phraseArray})[1 + floor(random() * ${phrases.length})::int] || (${fillerArray})[1 + floor(random() * ${FILLER.length})::int] end
      from responses r join questions q on q.survey_id = r.survey_id`);
  });
  await db.execute(sql`analyze`);
}

const round = (v: number) => Math.round(v * 10) / 10;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

export async function benchBacklog(opts: { log?: (line: string) => void } = {}): Promise<BenchResult[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const handle = await openDatabase({ dataDir: "memory://" });
  setDatabaseHandleForTests(handle);
  const results: BenchResult[] = [];
  try {
    const [, genMs] = await timed(() => generate(handle.db));
    log(
      `PGlite (memory): ${RESPONSES.toLocaleString("en")} responses, ${(RESPONSES * 2).toLocaleString("en")} free-text answers generated in ${(genMs / 1000).toFixed(1)} s`,
    );
    const q = await import("@/lib/backlog/queries");

    const [first, buildMs] = await timed(() => q.buildBacklog({ scope: SCOPE }));
    log(`first build: ${first.textCount} texts → ${first.chosenK} themes in ${round(buildMs)} ms`);
    results.push({ name: "backlog.pglite.build_20k", value: round(buildMs), unit: "ms" });

    // The clustering's share of the build, measured on the same texts.
    const texts = (await handle.db.execute(
      sql`select 'a:' || a.id as id, a.text_value as text from answers a where a.text_value is not null order by a.id`,
    )) as unknown as { rows: { id: string; text: string }[] } | { id: string; text: string }[];
    const { clusterAnswers } = await import("@/lib/text/cluster");
    const [, clusterMs] = await timed(async () => clusterAnswers(Array.isArray(texts) ? texts : texts.rows));
    log(`  of which clustering alone: ${round(clusterMs)} ms`);
    results.push({ name: "backlog.cluster_20k", value: round(clusterMs), unit: "ms" });

    const [view, readMs] = await timed(() => q.getBacklog({ scope: SCOPE }));
    log(`ranked read: ${view.items.length} items in ${round(readMs)} ms`);
    results.push({ name: "backlog.pglite.read", value: round(readMs), unit: "ms" });

    // Curate a few items, then rebuild: the reconcile path with pinned and merged items.
    const [a, b, c] = view.items;
    await q.updateBacklogItem({ id: a.id, patch: { customLabel: "Curated", status: "planned", effort: "M" } });
    const detail = await q.getBacklogItem({ id: b.id });
    await q.moveThemeMembers({ id: b.id, memberIds: detail.quotes.slice(0, 20).map((x) => x.id), targetId: a.id });
    if (c) await q.mergeBacklogItems({ id: c.id, targetId: b.id });
    const [, rebuildMs] = await timed(() => q.buildBacklog({ scope: SCOPE }));
    log(`rebuild over curated items: ${round(rebuildMs)} ms`);
    results.push({ name: "backlog.pglite.rebuild_20k", value: round(rebuildMs), unit: "ms" });

    const [, detailMs] = await timed(() => q.getBacklogItem({ id: a.id }));
    log(`item detail: ${round(detailMs)} ms`);
    results.push({ name: "backlog.pglite.item_detail", value: round(detailMs), unit: "ms" });

    const { csvStream } = await import("@/lib/export/csv");
    const { backlogCsvHeader } = await import("@/lib/backlog/csv-rows");
    const [bytes, csvMs] = await timed(async () => {
      const reader = csvStream(backlogCsvHeader, await q.openBacklogCsvRows({ scope: SCOPE })).getReader();
      let total = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return total;
        total += value.byteLength;
      }
    });
    log(`CSV export: ${bytes.toLocaleString("en")} bytes in ${round(csvMs)} ms`);
    results.push({ name: "backlog.pglite.csv_export", value: round(csvMs), unit: "ms" });
    results.push({ name: "backlog.heap_used", value: round(process.memoryUsage().heapUsed / 1024 / 1024), unit: "MB" });
  } finally {
    setDatabaseHandleForTests(undefined);
    await handle.close();
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchBacklog()
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
