// GET /api/share/:token/nps — the overview's NPS trend, read through a share link (no sign-in)
import { route } from "@/lib/api/route";
import { getNpsTrend } from "@/lib/analytics/queries";
import { analyticsFilterSchema } from "@/lib/analytics/schemas";
import { shareTokenParams } from "@/lib/share/schemas";
import { requireShareAccess } from "@/lib/share/queries";

export const GET = route(
  { access: "public", params: shareTokenParams, query: analyticsFilterSchema },
  async ({ params, query }) => {
    await requireShareAccess({ token: params.token, view: "overview" });
    return getNpsTrend({ filter: query });
  },
);
