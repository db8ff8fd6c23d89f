// GET /api/share/:token/notice — the overview's suppression notice, read through a share link (no sign-in)
import { route } from "@/lib/api/route";
import { getFilterNotice } from "@/lib/analytics/queries";
import { analyticsFilterSchema } from "@/lib/analytics/schemas";
import { shareTokenParams } from "@/lib/share/schemas";
import { requireShareAccess } from "@/lib/share/queries";

export const GET = route(
  { access: "public", params: shareTokenParams, query: analyticsFilterSchema },
  async ({ params, query }) => {
    await requireShareAccess({ token: params.token, view: "overview" });
    return getFilterNotice({ filter: query });
  },
);
