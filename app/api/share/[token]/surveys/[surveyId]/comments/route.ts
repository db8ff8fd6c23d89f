// GET /api/share/:token/surveys/:surveyId/comments — free-text answers, only through a link that includes free text
import { route } from "@/lib/api/route";
import { getComments } from "@/lib/analytics/queries";
import { commentsQuerySchema } from "@/lib/analytics/schemas";
import { shareSurveyParams } from "@/lib/share/schemas";
import { requireShareAccess } from "@/lib/share/queries";

export const GET = route(
  { access: "public", params: shareSurveyParams, query: commentsQuerySchema },
  async ({ params, query }) => {
    await requireShareAccess({ token: params.token, view: "survey", surveyId: params.surveyId, freeText: true });
    return getComments({ surveyId: params.surveyId, query });
  },
);
