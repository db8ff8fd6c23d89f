// GET /api/analytics/meta — quarters with responses, teams and the anonymity threshold k for the filter bar
import { route } from "@/lib/api/route";
import { getAnalyticsMeta } from "@/lib/analytics/queries";

export const GET = route({ access: "viewer" }, async () => getAnalyticsMeta());
