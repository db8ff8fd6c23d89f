// PUT /api/workflows/:id/timings/:period — record up to three measurements for a quarter (empty clears it)
import { route } from "@/lib/api/route";
import { recordWorkflowTiming } from "@/lib/journeys/queries";
import { recordTimingSchema, timingParams } from "@/lib/journeys/schemas";

export const PUT = route(
  { access: "editor", params: timingParams, body: recordTimingSchema },
  async ({ params, body }) => ({
    timing: await recordWorkflowTiming({ workflowId: params.id, period: params.period, input: body }),
  }),
);
