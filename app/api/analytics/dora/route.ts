// GET /api/analytics/dora — DORA band distribution and classification per team and per adoption group
import { route } from "@/lib/api/route";
import { getDoraSummary } from "@/lib/analytics/queries";
import { periodViewSchema } from "@/lib/analytics/schemas";

export const GET = route({ access: "viewer", query: periodViewSchema }, async ({ query }) =>
  getDoraSummary({ input: query }),
);
