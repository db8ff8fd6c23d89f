// POST /api/journeys/:id/steps — add a step at the end of the current or golden path
import { json, route } from "@/lib/api/route";
import { addJourneyStep } from "@/lib/journeys/queries";
import { createStepSchema, mapIdParams } from "@/lib/journeys/schemas";

export const POST = route({ access: "editor", params: mapIdParams, body: createStepSchema }, async ({ params, body }) =>
  json({ step: await addJourneyStep({ mapId: params.id, input: body }) }, 201),
);
