import "server-only";
// A series survey's announcement goes out when it opens and its summary when it closes: both follow
// the survey's domain events (lib/surveys/events.ts), queued in the event's transaction, so they exist
// exactly when the event commits, once per survey whichever way it opened or closed.
import { onSurveyClosed, onSurveyOpened } from "@/lib/surveys/events";
import { queueMessage, scheduledMessages } from "./queries";

onSurveyOpened(async (event, tx) => {
  for (const message of await scheduledMessages(event.surveyId, "announce", tx)) await queueMessage(message, tx);
});
onSurveyClosed(async (event, tx) => {
  for (const message of await scheduledMessages(event.surveyId, "summary", tx)) await queueMessage(message, tx);
});
