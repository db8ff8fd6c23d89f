// PUT /api/surveys/[id]/series — make the survey a quarterly series, or change its teams and channels (editor)
// DELETE — stop the series: no further quarter is drafted, this survey's unsent messages are skipped (editor)
import { route } from "@/lib/api/route";
import { saveSeries, stopSeries } from "@/lib/distribution/queries";
import { seriesSchema, surveyIdParams } from "@/lib/distribution/schemas";

export const PUT = route(
  { access: "editor", params: surveyIdParams, body: seriesSchema },
  async ({ params, body, user }) => ({ series: await saveSeries({ surveyId: params.id, input: body, actor: user }) }),
);

export const DELETE = route({ access: "editor", params: surveyIdParams }, async ({ params, user }) =>
  stopSeries({ surveyId: params.id, actor: user }),
);
