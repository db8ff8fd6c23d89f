// POST /api/surveys/[id]/status — publish, close or reopen a survey (its survey.opened / survey.closed
// webhooks follow from the survey's domain events: lib/integrations/survey-listeners.ts)
import { route } from "@/lib/api/route";
import { changeSurveyStatus } from "@/lib/surveys/queries";
import { changeStatusSchema, surveyIdParams } from "@/lib/surveys/schemas";

export const POST = route(
  { access: "editor", params: surveyIdParams, body: changeStatusSchema },
  async ({ params, body }) => {
    const survey = await changeSurveyStatus({ id: params.id, status: body.status });
    return { survey };
  },
);
