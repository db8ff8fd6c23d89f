// GET /api/analytics/adoption — on-platform vs off-platform NPS and dimension scores per quarter
import { route } from "@/lib/api/route";
import { getAdoptionComparison } from "@/lib/analytics/queries";
import { analyticsFilterSchema } from "@/lib/analytics/schemas";

export const GET = route({ access: "viewer", query: analyticsFilterSchema }, async ({ query }) =>
  getAdoptionComparison({ filter: query }),
);
