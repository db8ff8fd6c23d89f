// GET /api/surveys/[id] — a survey with its questions · PATCH — title, intro, quarter, dates · DELETE — remove an unused draft
import { route } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { deleteSurvey, getSurveyWithQuestions, updateSurvey } from "@/lib/surveys/queries";
import { surveyIdParams, updateSurveySchema } from "@/lib/surveys/schemas";

export const GET = route({ access: "viewer", params: surveyIdParams }, async ({ params }) => {
  const found = await getSurveyWithQuestions({ id: params.id });
  if (!found) throw notFound("Survey");
  return found;
});

export const PATCH = route(
  { access: "editor", params: surveyIdParams, body: updateSurveySchema },
  async ({ params, body }) => ({
    survey: await updateSurvey({ id: params.id, input: body }),
  }),
);

export const DELETE = route({ access: "editor", params: surveyIdParams }, async ({ params }) => {
  await deleteSurvey({ id: params.id });
  return { ok: true };
});
