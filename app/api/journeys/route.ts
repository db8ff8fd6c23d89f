// GET /api/journeys — list journey maps · POST /api/journeys — create a map, blank or from a template
import { json, route } from "@/lib/api/route";
import { createJourneyMap, getJourneyMap, listJourneyMaps } from "@/lib/journeys/queries";
import { createJourneyMapSchema } from "@/lib/journeys/schemas";

export const GET = route({ access: "viewer" }, async () => ({ maps: await listJourneyMaps() }));

export const POST = route({ access: "editor", body: createJourneyMapSchema }, async ({ body }) => {
  const { id } = await createJourneyMap({ input: body });
  return json(await getJourneyMap({ id }), 201);
});
