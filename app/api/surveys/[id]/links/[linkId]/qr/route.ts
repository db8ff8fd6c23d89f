// GET /api/surveys/[id]/links/[linkId]/qr — the link as a printable QR code (SVG)
import { route } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { linkUrl, renderQrSvg } from "@/lib/surveys/qr";
import { getSurveyLink } from "@/lib/surveys/queries";
import { linkParams } from "@/lib/surveys/schemas";

export const GET = route({ access: "editor", params: linkParams }, async ({ params, request }) => {
  const link = await getSurveyLink({ surveyId: params.id, linkId: params.linkId });
  if (!link) throw notFound("Link");
  const svg = await renderQrSvg(linkUrl(request.headers, `/s/${link.token}`));
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "private, max-age=3600" },
  });
});
