// GET /api/analytics/nps — NPS per quarter with 95% intervals and quarter-over-quarter changes (filters: from, to, team, adoption)
import { route } from "@/lib/api/route";
import { getNpsTrend } from "@/lib/analytics/queries";
import { analyticsFilterSchema } from "@/lib/analytics/schemas";

export const GET = route({ access: "viewer", query: analyticsFilterSchema }, async ({ query }) =>
  getNpsTrend({ filter: query }),
);
