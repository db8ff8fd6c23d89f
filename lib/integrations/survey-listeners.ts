import "server-only";
// survey.opened / survey.closed webhooks follow the survey's domain events (lib/surveys/events.ts),
// which fire once per survey whether it was published or closed by hand or by its dates. The
// announcement is queued in the event's transaction, so it exists exactly when the event commits.
import { enqueue } from "@/lib/jobs/enqueue";
import { onSurveyClosed, onSurveyOpened } from "@/lib/surveys/events";

onSurveyOpened((event, tx) =>
  enqueue("webhook.announce-survey", { surveyId: event.surveyId, status: "open" }, { tx }).then(() => undefined),
);
onSurveyClosed((event, tx) =>
  enqueue("webhook.announce-survey", { surveyId: event.surveyId, status: "closed" }, { tx }).then(() => undefined),
);
