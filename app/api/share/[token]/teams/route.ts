// GET /api/share/:token/teams — the overview's team heatmap, read through a share link (no sign-in)
import { route } from "@/lib/api/route";
import { getTeamComparison } from "@/lib/analytics/queries";
import { periodViewSchema } from "@/lib/analytics/schemas";
import { shareTokenParams } from "@/lib/share/schemas";
import { requireShareAccess } from "@/lib/share/queries";

export const GET = route(
  { access: "public", params: shareTokenParams, query: periodViewSchema },
  async ({ params, query }) => {
    await requireShareAccess({ token: params.token, view: "overview" });
    return getTeamComparison({ input: query });
  },
);
