import "server-only";
// Which function does each kind of job. Domains own their handlers; this file only lists them, so
// the domains never import the worker machinery (and lib/jobs never imports a domain but here).
import { runBacklogAnalysis } from "@/lib/backlog/analysis";
import { runSurveyClose, runSurveyOpen } from "@/lib/surveys/queries";
import { announceSurveyStatus } from "@/lib/integrations/announce";
import { deliverWebhook } from "@/lib/integrations/deliver";
import "@/lib/integrations/survey-listeners";
import { draftNextSurvey } from "@/lib/distribution/queries";
import { runMessage } from "@/lib/distribution/send";
import "@/lib/distribution/listeners";
import "@/lib/invites/survey-listeners";
import type { JobHandlers } from "./handler";

export const jobHandlers: JobHandlers = {
  "backlog.analyse": runBacklogAnalysis,
  "survey.open": runSurveyOpen,
  "survey.close": runSurveyClose,
  "webhook.deliver": ({ deliveryId }) => deliverWebhook(deliveryId),
  "webhook.announce-survey": (payload) => announceSurveyStatus(payload),
  "series.draft-next": draftNextSurvey,
  "distribution.announce": runMessage,
  "distribution.remind": runMessage,
  "distribution.summary": runMessage,
  "distribution.notify": runMessage,
};
