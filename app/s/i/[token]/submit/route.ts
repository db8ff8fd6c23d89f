// POST /s/i/[token]/submit — the survey form posted without JavaScript through one person's invitation
import { z } from "zod";
import { route } from "@/lib/api/route";
import { postSurveyForm } from "@/lib/responses/survey-form-post";

export const POST = route({ access: "public", params: z.object({ token: z.string() }) }, async ({ params, request }) =>
  postSurveyForm(request, params.token, true),
);
