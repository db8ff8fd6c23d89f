// POST /api/surveys/[id]/distribution/preview — the exact email or Slack post a message will send (editor)
import { route } from "@/lib/api/route";
import { previewMessage } from "@/lib/distribution/preview";
import { previewSchema, surveyIdParams } from "@/lib/distribution/schemas";

export const POST = route({ access: "editor", params: surveyIdParams, body: previewSchema }, async ({ params, body }) =>
  previewMessage({ surveyId: params.id, input: body }),
);
