// POST /api/surveys/[id]/questions — add a question to a draft survey
import { json, route } from "@/lib/api/route";
import { addQuestion } from "@/lib/surveys/queries";
import { questionFieldsSchema, surveyIdParams } from "@/lib/surveys/schemas";

// Cross-field rules (options for choice kinds) run in addQuestion so their messages carry field paths.
export const POST = route(
  { access: "editor", params: surveyIdParams, body: questionFieldsSchema },
  async ({ params, body }) => json({ question: await addQuestion({ surveyId: params.id, input: body }) }, 201),
);
