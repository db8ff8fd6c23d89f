// GET /api/analytics/surveys/:surveyId — each question's answer distribution (filters: team, adoption)
import { route } from "@/lib/api/route";
import { getSurveyResults } from "@/lib/analytics/queries";
import { surveyResultsParamsSchema, surveyResultsQuerySchema } from "@/lib/analytics/schemas";

export const GET = route(
  { access: "viewer", params: surveyResultsParamsSchema, query: surveyResultsQuerySchema },
  async ({ params, query }) => getSurveyResults({ surveyId: params.surveyId, query }),
);
