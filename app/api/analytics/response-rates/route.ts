// GET /api/analytics/response-rates — responses and response rate (from headcount) per survey and team
import { route } from "@/lib/api/route";
import { getResponseRates } from "@/lib/analytics/queries";
import { analyticsFilterSchema } from "@/lib/analytics/schemas";

export const GET = route({ access: "viewer", query: analyticsFilterSchema }, async ({ query }) =>
  getResponseRates({ filter: query }),
);
