// Scheduled open and close (lib/surveys/schedule.ts → jobs → queries/transitions.ts) on both engines:
// jobs wait for their dates, events are emitted once, stale jobs do nothing, and what a listener
// queues commits or rolls back with the event.
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/lib/db/schema";
import { runJobsNow } from "@/lib/jobs/drain";
import { enqueue } from "@/lib/jobs/enqueue";
import { findUnfinishedJob, listJobs } from "@/lib/jobs/queries";
import { todayIsoDate } from "@/lib/responses/submission-day";
import { seedWorkspace } from "@/lib/testing/workspace-fixture";
import { withTestDatabase } from "@/lib/testing/test-db";
import { onSurveyClosed, onSurveyOpened, type SurveyEvent } from "./events";
import { changeSurveyStatus, getSurveyById, updateSurvey } from "./queries";

const db = withTestDatabase();
const day = (offset: number) => todayIsoDate(new Date(Date.now() + offset * 86_400_000));

const events: string[] = [];
const record = (name: string) => async (e: SurveyEvent) => void events.push(`${name}:${e.surveyId}`);
const unsubscribe: (() => void)[] = [];

beforeAll(async () => {
  await seedWorkspace(db.handle().db, { anonymityThreshold: 5, roles: ["owner"] });
  unsubscribe.push(onSurveyOpened(record("opened")), onSurveyClosed(record("closed")));
  return () => unsubscribe.forEach((u) => u());
});
afterEach(() => void events.splice(0));

async function draftSurvey(period = "2027-Q1") {
  const d = db.handle().db;
  const [survey] = await d
    .insert(s.surveys)
    .values({ title: `DX ${period}`, period })
    .returning();
  await d
    .insert(s.questions)
    .values({ surveyId: survey.id, key: "nps", kind: "nps", prompt: "Recommend?", position: 0 });
  return survey.id;
}

describe("a survey opens and closes on its dates", () => {
  it("publishing with future dates schedules both; each runs at its time and emits once", async () => {
    const id = await draftSurvey();
    await updateSurvey({ id, input: { opensOn: day(1), closesOn: day(2) } });
    await changeSurveyStatus({ id, status: "open" });

    const jobs = (await listJobs()).filter((j) => j.state === "queued");
    expect(jobs.map((j) => j.kind).sort()).toEqual(["survey.close", "survey.open"]);
    expect(jobs.find((j) => j.kind === "survey.open")!.startAfter.toISOString()).toBe(`${day(1)}T00:00:00.000Z`);
    expect(jobs.find((j) => j.kind === "survey.close")!.startAfter.toISOString()).toBe(`${day(3)}T00:00:00.000Z`);

    expect(await runJobsNow()).toEqual({ completed: 0, failed: 0 }); // not due yet
    expect(events).toEqual([]);
    expect((await getSurveyById({ id }))!.status).toBe("open");

    expect(await runJobsNow({ ignoreStartAfter: true, kinds: ["survey.open", "survey.close"] })).toEqual({
      completed: 2,
      failed: 0,
    }); // the dates came
    expect(events.sort()).toEqual([`closed:${id}`, `opened:${id}`]);
    expect((await getSurveyById({ id }))!.status).toBe("closed");

    // A duplicate job (a retry after a lost acknowledgement, another instance) emits nothing more.
    await enqueue("survey.close", { surveyId: id, on: day(2) }, { singletonKey: "again" });
    await enqueue("survey.open", { surveyId: id, on: day(1) }, { singletonKey: "again" });
    expect(await runJobsNow({ ignoreStartAfter: true, kinds: ["survey.open", "survey.close"] })).toEqual({
      completed: 2,
      failed: 0,
    });
    expect(events).toHaveLength(2);
  });

  it("saving the same dates again queues nothing new; new dates make the old jobs stale", async () => {
    const id = await draftSurvey("2027-Q2");
    await updateSurvey({ id, input: { closesOn: day(5) } });
    await changeSurveyStatus({ id, status: "open" }); // opens now: no open date
    await updateSurvey({ id, input: { title: "Renamed" } });
    expect(await findUnfinishedJob({ kind: "survey.close", key: `${id}:close:${day(5)}` })).not.toBeNull();
    await updateSurvey({ id, input: { closesOn: day(9) } });

    expect(await runJobsNow({ kinds: ["survey.open"] })).toEqual({ completed: 1, failed: 0 });
    expect(events).toEqual([`opened:${id}`]);
    // Both close jobs come due; the one for the old date finds the survey rescheduled and stops.
    await db
      .handle()
      .db.update(s.surveys)
      .set({ closesOn: day(9) })
      .where(eq(s.surveys.id, id));
    expect(await runJobsNow({ ignoreStartAfter: true, kinds: ["survey.open", "survey.close"] })).toEqual({
      completed: 2,
      failed: 0,
    });
    expect(events).toEqual([`opened:${id}`, `closed:${id}`]);
    const outputs = await db.handle().db.execute(
      // pg-boss stores each handler's outcome as the job's output.
      (await import("drizzle-orm"))
        .sql`select output->>'skipped' as skipped from pgboss.job where name = 'survey.close' and data->>'surveyId' = ${id} order by data->>'on'`,
    );
    const rows = (Array.isArray(outputs) ? outputs : (outputs as { rows: unknown[] }).rows) as {
      skipped: string | null;
    }[];
    expect(rows.map((r) => r.skipped)).toEqual(["rescheduled", null]);
  });

  it("closing by hand announces the close through a job; a listener's jobs commit with the event or not at all", async () => {
    const id = await draftSurvey("2027-Q3");
    await changeSurveyStatus({ id, status: "open" });
    await runJobsNow();
    events.splice(0);

    let failOnce = true;
    const off = onSurveyClosed(async (event, tx) => {
      const scope = `survey:${event.surveyId}`;
      await enqueue("backlog.analyse", { scope, k: null, actor: null }, { tx, singletonKey: scope });
      if (failOnce) {
        failOnce = false;
        throw new Error("receiver down");
      }
    });
    try {
      await changeSurveyStatus({ id, status: "closed" });
      expect(await runJobsNow({ kinds: ["survey.close"] })).toEqual({ completed: 0, failed: 1 });
      const [failed] = (await listJobs()).filter((j) => j.kind === "survey.close" && j.state === "retrying");
      expect(failed).toMatchObject({ attempts: 1, error: "Unexpected error (Error)" });
      // Rolled back with the failed attempt: the follow-up job and the "emitted" mark. (What a listener
      // does outside the transaction, like this in-memory log, is not: listeners queue jobs, never send.)
      expect((await listJobs()).filter((j) => j.kind === "backlog.analyse")).toEqual([]);
      events.splice(0);

      expect(await runJobsNow({ kinds: ["survey.close"], ignoreStartAfter: true })).toEqual({
        completed: 1,
        failed: 0,
      });
      expect(events).toEqual([`closed:${id}`]);
      expect((await listJobs()).filter((j) => j.kind === "backlog.analyse")).toHaveLength(1);
    } finally {
      off();
    }
  });
});
