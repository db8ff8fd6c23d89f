import "server-only";
// Which function does each kind of job. Domains own their handlers; this file only lists them, so
// the domains never import the worker machinery (and lib/jobs never imports a domain but here).
import { runBacklogAnalysis } from "@/lib/backlog/analysis";
import { runSurveyClose, runSurveyOpen } from "@/lib/surveys/queries";
import { announceSurveyStatus } from "@/lib/integrations/announce";
import { deliverWebhook } from "@/lib/integrations/deliver";
import "@/lib/integrations/survey-listeners";
import "@/lib/invites/survey-listeners";
import type { JobHandlers } from "./handler";

export const jobHandlers: JobHandlers = {
  "backlog.analyse": runBacklogAnalysis,
  "survey.open": runSurveyOpen,
  "survey.close": runSurveyClose,
  "webhook.deliver": ({ deliveryId }) => deliverWebhook(deliveryId),
  "webhook.announce-survey": (payload) => announceSurveyStatus(payload),
};
