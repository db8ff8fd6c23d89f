import "server-only";
// The calls the rest of the app makes when something webhook-worthy has happened (after it committed).
// Payload contents and their anonymity reasoning: ./queries/webhook-events.ts.
import { notFound } from "@/lib/errors";
import { queueWebhookEvent } from "./deliver";
import { backlogEventData, frictionEventData, surveyEventData } from "./queries";

/** survey.opened / survey.closed, from manual publish and close now and from the scheduled jobs. */
export async function announceSurveyStatus({ surveyId, status }: { surveyId: string; status: string }) {
  if (status !== "open" && status !== "closed") return [];
  return queueWebhookEvent(status === "open" ? "survey.opened" : "survey.closed", async () => {
    const data = await surveyEventData({ surveyId });
    if (!data) throw notFound("Survey");
    return data;
  });
}

export const announceFrictionCreated = (entry: { teamId: string | null; period: string }) =>
  queueWebhookEvent("friction.created", () => frictionEventData(entry));

export const announceBacklogAnalysed = (run: { scope: string }) =>
  queueWebhookEvent("backlog.analysed", backlogEventData(run));
