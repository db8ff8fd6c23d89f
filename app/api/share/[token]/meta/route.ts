// GET /api/share/:token/meta — the filter bar's quarters and teams, read through any active share link
import { route } from "@/lib/api/route";
import { getAnalyticsMeta } from "@/lib/analytics/queries";
import { shareTokenParams } from "@/lib/share/schemas";
import { requireShareAccess } from "@/lib/share/queries";

export const GET = route({ access: "public", params: shareTokenParams }, async ({ params }) => {
  await requireShareAccess({ token: params.token, view: "meta" });
  return getAnalyticsMeta();
});
