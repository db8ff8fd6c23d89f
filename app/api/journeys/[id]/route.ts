// GET /api/journeys/:id — a map with its steps · PATCH — edit the map's details · DELETE — remove it
import { route } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { deleteJourneyMap, getJourneyMap, updateJourneyMap } from "@/lib/journeys/queries";
import { mapIdParams, updateJourneyMapSchema } from "@/lib/journeys/schemas";

export const GET = route({ access: "viewer", params: mapIdParams }, async ({ params }) => {
  const map = await getJourneyMap({ id: params.id });
  if (!map) throw notFound("Journey map");
  return map;
});

export const PATCH = route(
  { access: "editor", params: mapIdParams, body: updateJourneyMapSchema },
  async ({ params, body }) => ({
    map: await updateJourneyMap({ id: params.id, input: body }),
  }),
);

export const DELETE = route({ access: "editor", params: mapIdParams }, async ({ params }) => {
  await deleteJourneyMap({ id: params.id });
  return { ok: true };
});
