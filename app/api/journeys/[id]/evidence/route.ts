// GET /api/journeys/:id/evidence — share, trend and quotes of the themes linked to the map's steps (k-suppressed)
import { route } from "@/lib/api/route";
import { getJourneyEvidence } from "@/lib/journeys/queries";
import { mapIdParams } from "@/lib/journeys/schemas";

export const GET = route({ access: "viewer", params: mapIdParams }, async ({ params }) =>
  getJourneyEvidence({ mapId: params.id }),
);
