// GET /api/analytics/surveys/:surveyId/drivers — relative importance of each dimension for platform NPS, with bootstrap intervals
import { route } from "@/lib/api/route";
import { getSurveyDrivers } from "@/lib/analytics/queries";
import { surveyResultsParamsSchema, surveyResultsQuerySchema } from "@/lib/analytics/schemas";

export const GET = route(
  { access: "viewer", params: surveyResultsParamsSchema, query: surveyResultsQuerySchema },
  async ({ params, query }) => getSurveyDrivers({ surveyId: params.surveyId, query }),
);
