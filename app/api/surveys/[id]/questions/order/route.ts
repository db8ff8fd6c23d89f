// PUT /api/surveys/[id]/questions/order — set the order of a draft's questions
import { route } from "@/lib/api/route";
import { reorderQuestions } from "@/lib/surveys/queries";
import { reorderQuestionsSchema, surveyIdParams } from "@/lib/surveys/schemas";

export const PUT = route(
  { access: "editor", params: surveyIdParams, body: reorderQuestionsSchema },
  async ({ params, body }) => {
    await reorderQuestions({ surveyId: params.id, questionIds: body.questionIds });
    return { ok: true };
  },
);
