// PUT /api/journeys/:id/steps/order — set the order of one path's steps
import { route } from "@/lib/api/route";
import { reorderJourneySteps } from "@/lib/journeys/queries";
import { mapIdParams, reorderStepsSchema } from "@/lib/journeys/schemas";

export const PUT = route(
  { access: "editor", params: mapIdParams, body: reorderStepsSchema },
  async ({ params, body }) => {
    await reorderJourneySteps({ mapId: params.id, input: body });
    return { ok: true };
  },
);
