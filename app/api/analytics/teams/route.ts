// GET /api/analytics/teams — one quarter team by team: responses, NPS, dimension heatmap and percentile benchmarks
import { route } from "@/lib/api/route";
import { getTeamComparison } from "@/lib/analytics/queries";
import { periodViewSchema } from "@/lib/analytics/schemas";

export const GET = route({ access: "viewer", query: periodViewSchema }, async ({ query }) =>
  getTeamComparison({ input: query }),
);
