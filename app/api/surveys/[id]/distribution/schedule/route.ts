// POST /api/surveys/[id]/distribution/schedule — plan the series' messages for this survey (editor)
import { route } from "@/lib/api/route";
import { getSendLog, scheduleSurveyMessages } from "@/lib/distribution/queries";
import { surveyIdParams } from "@/lib/distribution/schemas";

export const POST = route({ access: "editor", params: surveyIdParams }, async ({ params }) => {
  await scheduleSurveyMessages(params.id);
  return { messages: await getSendLog(params.id) };
});
