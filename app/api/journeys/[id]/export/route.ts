// GET /api/journeys/:id/export — the map's steps as CSV
import { route } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { csvResponse } from "@/lib/export/csv";
import { journeyMapCsvRows, journeyMapFileName } from "@/lib/journeys/export-csv";
import { getJourneyMap } from "@/lib/journeys/queries";
import { mapIdParams } from "@/lib/journeys/schemas";

export const GET = route({ access: "viewer", params: mapIdParams }, async ({ params }) => {
  const detail = await getJourneyMap({ id: params.id });
  if (!detail) throw notFound("Journey map");
  const steps = detail.steps.map((s) => ({
    ...s,
    themes: s.themes.filter((t) => t.status === "accepted").map((t) => t.label),
  }));
  const { header, rows } = journeyMapCsvRows(detail.map, steps);
  return csvResponse(journeyMapFileName(detail.map.name), header, rows);
});
