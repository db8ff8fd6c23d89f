// POST /api/journeys/:id/steps/:stepId/backlog-item — a backlog item for the work a golden-path step needs (editor)
import { route } from "@/lib/api/route";
import { createStepBacklogItem } from "@/lib/targets/queries";
import { stepBacklogItemSchema, stepParams } from "@/lib/targets/schemas";

export const POST = route(
  { access: "editor", params: stepParams, body: stepBacklogItemSchema },
  async ({ params, body }) =>
    Response.json(await createStepBacklogItem({ mapId: params.id, stepId: params.stepId, input: body }), {
      status: 201,
    }),
);
