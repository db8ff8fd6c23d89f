// GET /share/[token] — a share link: counts the view and opens the shared page; 410 once expired or revoked, 404 if unknown
import { z } from "zod";
import { route } from "@/lib/api/route";
import { pickLocale } from "@/lib/format";
import { shareGonePage } from "@/lib/share/gone-page";
import { countShareView, findShareLink } from "@/lib/share/queries";

export const dynamic = "force-dynamic";

// Any string: a malformed token gets the same readable 404 page as an unknown one, not a JSON 422.
const anyToken = z.object({ token: z.string() });

export const GET = route({ access: "public", params: anyToken }, async ({ params, request }) => {
  const token = params.token;
  const link = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findShareLink({ token }) : null;
  if (!link || link.state !== "active") return shareGonePage(link, pickLocale(request.headers.get("accept-language")));
  await countShareView({ id: link.id });
  // The page itself lives one path over, so this address can answer 410 later: a page cannot choose its status.
  return new Response(null, {
    status: 303,
    headers: { Location: `/shared/${token}`, "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" },
  });
});
