// Test-only time travel (lib/testing/time-travel.ts) on both engines: one survey's scheduled work comes
// due after the days it is moved, the workers then run it, other surveys' work stays put, and the route
// is not there unless the server runs with TIME_TRAVEL.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as timeTravel } from "@/app/api/testing/time-travel/route";
import * as s from "@/lib/db/schema";
import { runJobsNow } from "@/lib/jobs/drain";
import { selectRows } from "@/lib/db/client";
import { todayIsoDate } from "@/lib/responses/submission-day";
import { changeSurveyStatus, getSurveyById, updateSurvey } from "@/lib/surveys/queries";
import { callRoute } from "./api";
import { withTestDatabase } from "./test-db";
import { letTimePass } from "./time-travel";
import { seedWorkspace } from "./workspace-fixture";

const db = withTestDatabase();
const day = (offset: number) => todayIsoDate(new Date(Date.now() + offset * 86_400_000));
let ownerId: string;

beforeAll(async () => {
  ({ owner: ownerId } = await seedWorkspace(db.handle().db, { anonymityThreshold: 5, roles: ["owner"] }));
});

async function openSurvey(title: string, closesIn: number) {
  const d = db.handle().db;
  const [survey] = await d.insert(s.surveys).values({ title, period: "2026-Q4" }).returning();
  await d
    .insert(s.questions)
    .values({ surveyId: survey.id, key: "nps", kind: "nps", prompt: "Recommend?", position: 0 });
  await updateSurvey({ id: survey.id, input: { opensOn: day(0), closesOn: day(closesIn) } });
  await changeSurveyStatus({ id: survey.id, status: "open" });
  return survey.id;
}

describe("time travel", () => {
  it("brings one survey's waiting close forward by the days given, and no other survey's", async () => {
    const travelled = await openSurvey("Travels", 7);
    const stays = await openSurvey("Stays", 7);
    await runJobsNow({ kinds: ["survey.open"] });
    const closeOf = async (id: string) => {
      const [job] = await selectRows<{ start_after: string }>(
        db.handle().db,
        sql`select start_after::text from pgboss.job where name = 'survey.close' and state = 'created' and data->>'surveyId' = ${id}`,
      );
      return job ? new Date(job.start_after).toISOString() : null;
    };
    expect(await closeOf(travelled)).toBe(`${day(8)}T00:00:00.000Z`);

    // Seven days: the close date (inclusive) is not over yet.
    expect(await letTimePass({ days: 7, surveyId: travelled })).toEqual({ jobs: 1 });
    expect(await runJobsNow({ kinds: ["survey.close"] })).toEqual({ completed: 0, failed: 0 });
    // One more day: it is, and the worker closes the survey; the other survey's close has not moved.
    await letTimePass({ days: 1, surveyId: travelled });
    expect(await runJobsNow({ kinds: ["survey.close"] })).toEqual({ completed: 1, failed: 0 });
    expect((await getSurveyById({ id: travelled }))!.status).toBe("closed");
    expect((await getSurveyById({ id: stays }))!.status).toBe("open");
    expect(await closeOf(stays)).toBe(`${day(8)}T00:00:00.000Z`);
    const [row] = await db.handle().db.select().from(s.surveys).where(eq(s.surveys.id, travelled));
    expect(row.closesOn).toBe(day(7)); // its dates stay as they were
  });

  it("is not there unless the server runs with TIME_TRAVEL", async () => {
    const res = await callRoute(timeTravel, {
      method: "POST",
      userId: ownerId,
      body: { days: 1, surveyId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(res.status).toBe(404);
  });
});
