import "server-only";
import type { DbClient } from "@/lib/db/client";
import type { Survey } from "@/lib/db/schema";
import { enqueue } from "@/lib/jobs/enqueue";
import { startOfDayAfter, startOfDay } from "./schedule-times";

// Queues the jobs that open and close a survey on its dates (lib/surveys/transitions.ts runs them).
// They are rows in PostgreSQL with a start time, so they survive restarts and run once whichever
// instance fetches them first; the singleton key (survey, event, date) keeps one job per date however
// often a survey is saved. A job whose date no longer matches the survey does nothing.

/** After a survey is published, reopened or its dates change while open. Inside the change's transaction. */
export async function scheduleSurveyTransitions(survey: Survey, tx: DbClient, now = new Date()) {
  if (survey.status !== "open") return;
  const opensAt = survey.opensOn ? startOfDay(survey.opensOn) : now;
  await enqueue(
    "survey.open",
    { surveyId: survey.id, on: survey.opensOn },
    { tx, startAfter: opensAt > now ? opensAt : now, singletonKey: `${survey.id}:open:${survey.opensOn ?? "now"}` },
  );
  if (survey.closesOn) {
    // Dates are inclusive (lib/surveys/lifecycle.ts): the survey closes when its close date is over.
    await enqueue(
      "survey.close",
      { surveyId: survey.id, on: survey.closesOn },
      { tx, startAfter: startOfDayAfter(survey.closesOn), singletonKey: `${survey.id}:close:${survey.closesOn}` },
    );
  }
}

/** After a survey is closed by hand: the job emits survey.closed. */
export async function scheduleSurveyClosedEvent(survey: Survey, tx: DbClient) {
  await enqueue("survey.close", { surveyId: survey.id, on: null }, { tx, singletonKey: `${survey.id}:close:now` });
}
