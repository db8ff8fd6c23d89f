// GET /api/share/:token/surveys/:surveyId/drivers — the shared survey's driver analysis, read through its share link
import { route } from "@/lib/api/route";
import { getSurveyDrivers } from "@/lib/analytics/queries";
import { surveyResultsQuerySchema } from "@/lib/analytics/schemas";
import { shareSurveyParams } from "@/lib/share/schemas";
import { requireShareAccess } from "@/lib/share/queries";

export const GET = route(
  { access: "public", params: shareSurveyParams, query: surveyResultsQuerySchema },
  async ({ params, query }) => {
    await requireShareAccess({ token: params.token, view: "survey", surveyId: params.surveyId });
    return getSurveyDrivers({ surveyId: params.surveyId, query });
  },
);
