import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { selectRows } from "@/lib/db/client";
import { withTestDatabase } from "@/lib/testing/test-db";
import { getJobClient } from "./boss";
import { runJobsNow } from "./drain";
import { enqueue } from "./enqueue";
import { findUnfinishedJob, getJob, listJobs } from "./queries";

const db = withTestDatabase();

describe("pg-boss on the app's database", () => {
  it("installs its schema beside drizzle's and creates a queue per job kind", async () => {
    const boss = await getJobClient();
    const schemas = await selectRows<{ nspname: string }>(
      db.handle().db,
      sql`select nspname from pg_namespace where nspname in ('pgboss', 'public', 'drizzle') order by nspname`,
    );
    expect(schemas.map((s) => s.nspname)).toEqual(["drizzle", "pgboss", "public"]);
    expect((await boss.getQueues()).map((q) => q.name).sort()).toEqual([
      "backlog.analyse",
      "distribution.announce",
      "distribution.notify",
      "distribution.remind",
      "distribution.summary",
      "series.draft-next",
      "survey.close",
      "survey.open",
      "webhook.announce-survey",
      "webhook.deliver",
    ]);
    expect(await boss.getQueue("backlog.analyse")).toMatchObject({ policy: "stately", retryLimit: 2 });
  });

  it("validates payloads, dedupes by singleton key, and waits for startAfter", async () => {
    await expect(
      enqueue("survey.open", { surveyId: "nope", on: null } as never, { singletonKey: "x" }),
    ).rejects.toThrow();
    await expect(enqueue("survey.open", { surveyId: crypto.randomUUID(), on: null })).rejects.toThrow(/singletonKey/);
    const surveyId = crypto.randomUUID();
    const later = new Date(Date.now() + 3600_000);
    const first = await enqueue(
      "survey.open",
      { surveyId, on: "2030-01-01" },
      { singletonKey: "k1", startAfter: later },
    );
    const second = await enqueue(
      "survey.open",
      { surveyId, on: "2030-01-01" },
      { singletonKey: "k1", startAfter: later },
    );
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBeNull();
    expect((await findUnfinishedJob({ kind: "survey.open", key: "k1" }))?.id).toBe(first);
    const job = await getJob({ id: first! });
    expect(job).toMatchObject({ kind: "survey.open", kindLabel: "Survey opens", state: "queued", attempts: 0 });
    expect(job!.startAfter.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    // Not due: a drain leaves it; with time "passed" it runs (the survey does not exist: skipped, done).
    expect(await runJobsNow({ kinds: ["survey.open"] })).toEqual({ completed: 0, failed: 0 });
    expect(await runJobsNow({ kinds: ["survey.open"], ignoreStartAfter: true })).toEqual({ completed: 1, failed: 0 });
    expect(await getJob({ id: first! })).toMatchObject({ state: "done", attempts: 1 });
    expect((await listJobs()).map((j) => j.id)).toContain(first);
  });
});
