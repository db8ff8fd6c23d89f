// GET /api/report/pdf?period=2026-Q3 — the leadership report of a quarter as a PDF (same figures as /report)
import { route } from "@/lib/api/route";
import { pickLocale, formatterFor } from "@/lib/format";
import { renderReportPdf } from "@/lib/report/pdf";
import { getLeadershipReport } from "@/lib/report/queries";
import { reportQuerySchema } from "@/lib/report/schemas";

export const GET = route({ access: "viewer", query: reportQuerySchema }, async ({ query, request }) => {
  const report = await getLeadershipReport({ period: query.period });
  const pdf = await renderReportPdf(report, formatterFor(pickLocale(request.headers.get("accept-language"))));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="dx-pulse-report-${report.period ?? "empty"}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
