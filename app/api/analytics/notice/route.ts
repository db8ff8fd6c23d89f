// GET /api/analytics/notice — one notice for the dashboards: what the filters' group hides, why, the ways out, and which filter choices show anything
import { route } from "@/lib/api/route";
import { getFilterNotice } from "@/lib/analytics/queries";
import { analyticsFilterSchema } from "@/lib/analytics/schemas";

export const GET = route({ access: "viewer", query: analyticsFilterSchema }, async ({ query }) =>
  getFilterNotice({ filter: query }),
);
