// PATCH /api/workflows/:id — rename or retarget a workflow · DELETE — remove an editor-added workflow
import { route } from "@/lib/api/route";
import { deleteWorkflow, updateWorkflow } from "@/lib/journeys/queries";
import { updateWorkflowSchema, workflowIdParams } from "@/lib/journeys/schemas";

export const PATCH = route(
  { access: "editor", params: workflowIdParams, body: updateWorkflowSchema },
  async ({ params, body }) => ({
    workflow: await updateWorkflow({ id: params.id, input: body }),
  }),
);

export const DELETE = route({ access: "editor", params: workflowIdParams }, async ({ params }) => {
  await deleteWorkflow({ id: params.id });
  return { ok: true };
});
