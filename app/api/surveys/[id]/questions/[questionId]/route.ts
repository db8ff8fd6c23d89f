// PATCH /api/surveys/[id]/questions/[questionId] — edit or archive a question · DELETE — remove it from a draft
import { route } from "@/lib/api/route";
import { deleteQuestion, updateQuestion } from "@/lib/surveys/queries";
import { questionParams, updateQuestionSchema } from "@/lib/surveys/schemas";

export const PATCH = route(
  { access: "editor", params: questionParams, body: updateQuestionSchema },
  async ({ params, body }) => ({
    question: await updateQuestion({ surveyId: params.id, questionId: params.questionId, input: body }),
  }),
);

export const DELETE = route({ access: "editor", params: questionParams }, async ({ params }) => {
  await deleteQuestion({ surveyId: params.id, questionId: params.questionId });
  return { ok: true };
});
