// GET /api/surveys — list surveys with counts · POST /api/surveys — create a draft from a template or by copying a survey
import { json, route } from "@/lib/api/route";
import { createSurvey, listSurveys } from "@/lib/surveys/queries";
import { createSurveySchema } from "@/lib/surveys/schemas";

export const GET = route({ access: "viewer" }, async () => ({ surveys: await listSurveys() }));

export const POST = route({ access: "editor", body: createSurveySchema }, async ({ body, user }) =>
  json({ survey: await createSurvey({ input: body, userId: user.id }) }, 201),
);
