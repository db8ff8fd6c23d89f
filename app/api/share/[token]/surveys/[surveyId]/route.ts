// GET /api/share/:token/surveys/:surveyId — the shared survey's results per question, read through its share link
import { route } from "@/lib/api/route";
import { getSurveyResults } from "@/lib/analytics/queries";
import { surveyResultsQuerySchema } from "@/lib/analytics/schemas";
import { shareSurveyParams } from "@/lib/share/schemas";
import { requireShareAccess } from "@/lib/share/queries";

export const GET = route(
  { access: "public", params: shareSurveyParams, query: surveyResultsQuerySchema },
  async ({ params, query }) => {
    await requireShareAccess({ token: params.token, view: "survey", surveyId: params.surveyId });
    return getSurveyResults({ surveyId: params.surveyId, query });
  },
);
