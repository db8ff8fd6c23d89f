// POST /api/surveys/[id]/status — publish, close or reopen a survey
import { route } from "@/lib/api/route";
import { announceSurveyStatus } from "@/lib/integrations/announce";
import { changeSurveyStatus, getSurveyById } from "@/lib/surveys/queries";
import { changeStatusSchema, surveyIdParams } from "@/lib/surveys/schemas";

export const POST = route(
  { access: "editor", params: surveyIdParams, body: changeStatusSchema },
  async ({ params, body }) => {
    const before = await getSurveyById({ id: params.id });
    const survey = await changeSurveyStatus({ id: params.id, status: body.status });
    if (before && before.status !== survey.status)
      await announceSurveyStatus({ surveyId: survey.id, status: survey.status });
    return { survey };
  },
);
