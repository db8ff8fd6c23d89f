// POST /s/[token]/submit — the survey form posted without JavaScript; redirects to the thank-you view, or
// shows the form again with every answer kept and every refused one named
import { route } from "@/lib/api/route";
import { postSurveyForm } from "@/lib/responses/survey-form-post";
import { tokenParams } from "@/lib/surveys/schemas";

export const POST = route({ access: "public", params: tokenParams }, async ({ params, request }) =>
  postSurveyForm(request, params.token, false),
);
