import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type DbClient } from "@/lib/db/client";
import { surveyEventsEmitted, surveys, type Survey } from "@/lib/db/schema";
import type { JobPayload } from "@/lib/jobs/registry";
import { emitSurveyEvent, type SurveyEventName } from "../events";

// The handlers of the survey.open and survey.close jobs (queued by ../schedule.ts). Each runs in one
// transaction that locks the survey, changes it if due, and emits its event at most once (recorded in
// survey_events_emitted), so a retry, a duplicate job or a second instance cannot emit it again.

type Outcome = { surveyId: string; emitted: SurveyEventName | null; skipped?: string };

async function withLockedSurvey(surveyId: string, work: (survey: Survey, tx: DbClient) => Promise<Outcome>) {
  return (await getDb()).transaction(async (tx) => {
    const [survey] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for("update");
    if (!survey) return { surveyId, emitted: null, skipped: "the survey was deleted" };
    return work(survey, tx);
  });
}

async function emitOnce(name: SurveyEventName, survey: Survey, tx: DbClient): Promise<Outcome> {
  const [first] = await tx
    .insert(surveyEventsEmitted)
    .values({ surveyId: survey.id, event: name })
    .onConflictDoNothing()
    .returning({ surveyId: surveyEventsEmitted.surveyId });
  if (!first) return { surveyId: survey.id, emitted: null, skipped: "already emitted" };
  await emitSurveyEvent(name, { surveyId: survey.id, period: survey.period, title: survey.title }, tx);
  return { surveyId: survey.id, emitted: name };
}

/** survey.open: the survey takes answers from now on (its open date came, or it was published). */
export async function runSurveyOpen(payload: JobPayload<"survey.open">): Promise<Outcome> {
  return withLockedSurvey(payload.surveyId, async (survey, tx) => {
    if (survey.opensOn !== payload.on) return { surveyId: survey.id, emitted: null, skipped: "rescheduled" };
    if (survey.status !== "open") return { surveyId: survey.id, emitted: null, skipped: `it is ${survey.status}` };
    return emitOnce("survey.opened", survey, tx);
  });
}

/** survey.close: close the survey when its close date is over (or announce a close made by hand). */
export async function runSurveyClose(payload: JobPayload<"survey.close">): Promise<Outcome> {
  return withLockedSurvey(payload.surveyId, async (survey, tx) => {
    let current = survey;
    if (payload.on !== null) {
      if (survey.closesOn !== payload.on) return { surveyId: survey.id, emitted: null, skipped: "rescheduled" };
      if (survey.status === "open") {
        [current] = await tx
          .update(surveys)
          .set({ status: "closed", updatedAt: new Date() })
          .where(and(eq(surveys.id, survey.id), eq(surveys.status, "open")))
          .returning();
      }
    }
    if (current.status !== "closed") return { surveyId: survey.id, emitted: null, skipped: `it is ${current.status}` };
    // Whichever job runs first (both may be due after downtime), listeners see opened before closed.
    await emitOnce("survey.opened", survey, tx);
    return emitOnce("survey.closed", current, tx);
  });
}
