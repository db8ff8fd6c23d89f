// POST /api/journeys/:id/duplicate — copy a map with its steps and theme links
import { json, route } from "@/lib/api/route";
import { duplicateJourneyMap } from "@/lib/journeys/queries";
import { mapIdParams } from "@/lib/journeys/schemas";

export const POST = route({ access: "editor", params: mapIdParams }, async ({ params }) =>
  json(await duplicateJourneyMap({ id: params.id }), 201),
);
