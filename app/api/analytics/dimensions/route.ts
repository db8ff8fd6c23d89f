// GET /api/analytics/dimensions — per-dimension mean, % favorable and interval per quarter (filters: from, to, team, adoption)
import { route } from "@/lib/api/route";
import { getDimensionTrends } from "@/lib/analytics/queries";
import { analyticsFilterSchema } from "@/lib/analytics/schemas";

export const GET = route({ access: "viewer", query: analyticsFilterSchema }, async ({ query }) =>
  getDimensionTrends({ filter: query }),
);
