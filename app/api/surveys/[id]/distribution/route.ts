// GET /api/surveys/[id]/distribution — the survey's series, channels, email status and send log (editor)
import { route } from "@/lib/api/route";
import { emailStatus, getSendLog, getSeriesOfSurvey, listSlackChannels } from "@/lib/distribution/queries";
import { surveyIdParams } from "@/lib/distribution/schemas";

export const GET = route({ access: "editor", params: surveyIdParams }, async ({ params }) => ({
  series: await getSeriesOfSurvey(params.id),
  email: emailStatus(),
  channels: await listSlackChannels(),
  messages: await getSendLog(params.id),
}));
