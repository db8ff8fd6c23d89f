// GET /api/share/:token/dimensions — the overview's dimension trends, read through a share link (no sign-in)
import { route } from "@/lib/api/route";
import { getDimensionTrends } from "@/lib/analytics/queries";
import { analyticsFilterSchema } from "@/lib/analytics/schemas";
import { shareTokenParams } from "@/lib/share/schemas";
import { requireShareAccess } from "@/lib/share/queries";

export const GET = route(
  { access: "public", params: shareTokenParams, query: analyticsFilterSchema },
  async ({ params, query }) => {
    await requireShareAccess({ token: params.token, view: "overview" });
    return getDimensionTrends({ filter: query });
  },
);
