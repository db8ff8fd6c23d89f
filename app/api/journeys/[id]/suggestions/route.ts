// GET /api/journeys/:id/suggestions — themes whose terms overlap a step's name and notes
import { route } from "@/lib/api/route";
import { getLinkSuggestions } from "@/lib/journeys/queries";
import { mapIdParams } from "@/lib/journeys/schemas";

export const GET = route({ access: "editor", params: mapIdParams }, async ({ params }) => ({
  suggestions: await getLinkSuggestions({ mapId: params.id }),
}));
