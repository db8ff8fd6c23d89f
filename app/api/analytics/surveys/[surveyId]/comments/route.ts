// GET /api/analytics/surveys/:surveyId/comments?question=&q= — free-text answers of one question, searchable, hidden under k
import { route } from "@/lib/api/route";
import { getComments } from "@/lib/analytics/queries";
import { commentsQuerySchema, surveyResultsParamsSchema } from "@/lib/analytics/schemas";

export const GET = route(
  { access: "viewer", params: surveyResultsParamsSchema, query: commentsQuerySchema },
  async ({ params, query }) => getComments({ surveyId: params.surveyId, query }),
);
