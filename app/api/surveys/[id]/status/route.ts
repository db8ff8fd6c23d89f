// POST /api/surveys/[id]/status — publish, close or reopen a survey
import { route } from "@/lib/api/route";
import { changeSurveyStatus } from "@/lib/surveys/queries";
import { changeStatusSchema, surveyIdParams } from "@/lib/surveys/schemas";

export const POST = route(
  { access: "editor", params: surveyIdParams, body: changeStatusSchema },
  async ({ params, body }) => ({
    survey: await changeSurveyStatus({ id: params.id, status: body.status }),
  }),
);
