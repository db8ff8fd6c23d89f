// GET /api/share/:token/dora — the overview's DORA bands, read through a share link (no sign-in)
import { route } from "@/lib/api/route";
import { getDoraSummary } from "@/lib/analytics/queries";
import { periodViewSchema } from "@/lib/analytics/schemas";
import { shareTokenParams } from "@/lib/share/schemas";
import { requireShareAccess } from "@/lib/share/queries";

export const GET = route(
  { access: "public", params: shareTokenParams, query: periodViewSchema },
  async ({ params, query }) => {
    await requireShareAccess({ token: params.token, view: "overview" });
    return getDoraSummary({ input: query });
  },
);
