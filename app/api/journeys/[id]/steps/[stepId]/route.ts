// PATCH /api/journeys/:id/steps/:stepId — edit a step · DELETE — remove it and close the gap
import { route } from "@/lib/api/route";
import { deleteJourneyStep, updateJourneyStep } from "@/lib/journeys/queries";
import { stepParams, updateStepSchema } from "@/lib/journeys/schemas";

export const PATCH = route(
  { access: "editor", params: stepParams, body: updateStepSchema },
  async ({ params, body }) => ({
    step: await updateJourneyStep({ mapId: params.id, stepId: params.stepId, input: body }),
  }),
);

export const DELETE = route({ access: "editor", params: stepParams }, async ({ params }) => {
  await deleteJourneyStep({ mapId: params.id, stepId: params.stepId });
  return { ok: true };
});
