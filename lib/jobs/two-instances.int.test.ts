// Two app instances on one database, each with its own pg-boss and workers (on PostgreSQL: two
// connection pools, as two `next start` processes have; on PGlite: two pg-boss instances sharing the
// one embedded database). Every scheduled job runs once, and each survey's events are emitted once.
import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, selectRows, type DatabaseHandle } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { onSurveyClosed, onSurveyOpened } from "@/lib/surveys/events";
import { changeSurveyStatus } from "@/lib/surveys/queries";
import { todayIsoDate } from "@/lib/responses/submission-day";
import { seedWorkspace } from "@/lib/testing/workspace-fixture";
import { withTestDatabase } from "@/lib/testing/test-db";
import { createBoss } from "./boss";
import { enqueue } from "./enqueue";
import { JOB_KINDS } from "./registry";
import { runJob } from "./run-job";

const db = withTestDatabase();
const SURVEYS = 12;
let second: DatabaseHandle | undefined;
const instances: PgBoss[] = [];
const ranBy: { instance: string; jobId: string }[] = [];
const emitted: string[] = [];

beforeAll(async () => {
  const url = db.url();
  second = url ? await openDatabase({ url, migrate: false }) : undefined;
  await seedWorkspace(db.handle().db, { anonymityThreshold: 5, roles: ["owner"] });
  onSurveyOpened(async (e) => void emitted.push(`opened:${e.surveyId}`));
  onSurveyClosed(async (e) => void emitted.push(`closed:${e.surveyId}`));
});

afterAll(async () => {
  for (const boss of instances) await boss.stop({ graceful: false, close: false });
  await second?.close();
});

async function startInstance(name: string, handle: DatabaseHandle) {
  const boss = await createBoss(handle, "workers");
  instances.push(boss);
  // The survey transitions under test; their follow-up jobs (webhook announcements) are other tests' concern.
  for (const kind of JOB_KINDS.filter((k) => k.startsWith("survey."))) {
    await boss.work(kind, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      ranBy.push({ instance: name, jobId: job.id });
      return runJob(kind, job);
    });
  }
}

describe("two instances on one database", () => {
  it("run each scheduled job once and emit each survey's events once", async () => {
    const d = db.handle().db;
    const yesterday = todayIsoDate(new Date(Date.now() - 86_400_000));
    const ids: string[] = [];
    for (let i = 0; i < SURVEYS; i++) {
      // Closing yesterday: the close job is due at once, like a date passed while every instance was down.
      const [survey] = await d
        .insert(s.surveys)
        .values({ title: `S${i}`, period: "2027-Q1", closesOn: yesterday })
        .returning();
      await d.insert(s.questions).values({ surveyId: survey.id, key: "q", kind: "nps", prompt: "?", position: 0 });
      await changeSurveyStatus({ id: survey.id, status: "open" }); // queues survey.open (now) and survey.close
      ids.push(survey.id);
    }
    // And duplicates of every close, due in a second: a second instance scheduling the same thing.
    const soon = new Date(Date.now() + 1000);
    for (const id of ids)
      await enqueue("survey.close", { surveyId: id, on: yesterday }, { startAfter: soon, singletonKey: `dup:${id}` });

    await Promise.all([startInstance("a", db.handle()), startInstance("b", second ?? db.handle())]);
    const deadline = Date.now() + 30_000;
    const unfinished = async () =>
      (
        await selectRows<{ n: number }>(
          d,
          sql`select count(*)::int as n from pgboss.job where name like 'survey.%' and state < 'completed'`,
        )
      )[0].n;
    while ((await unfinished()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

    expect(await unfinished()).toBe(0);
    const jobs = await selectRows<{ id: string; state: string; retry_count: number; early: boolean }>(
      d,
      sql`select id::text, state::text, retry_count, started_on < start_after as early from pgboss.job where name like 'survey.%'`,
    );
    expect(jobs).toHaveLength(SURVEYS * 3);
    expect(jobs.every((j) => j.state === "completed" && j.retry_count === 0 && !j.early)).toBe(true);
    // Each job was run by exactly one instance.
    expect(ranBy).toHaveLength(SURVEYS * 3);
    expect(new Set(ranBy.map((r) => r.jobId)).size).toBe(SURVEYS * 3);
    // Each survey opened and closed once, whichever instance ran which job.
    expect(emitted.sort()).toEqual(ids.flatMap((id) => [`closed:${id}`, `opened:${id}`]).sort());
    const closed = await selectRows<{ n: number }>(
      d,
      sql`select count(*)::int as n from surveys where status = 'closed'`,
    );
    expect(closed[0].n).toBe(SURVEYS);
    console.log(
      `[two instances] jobs run by a: ${ranBy.filter((r) => r.instance === "a").length}, by b: ${ranBy.filter((r) => r.instance === "b").length}`,
    );
  });
});
