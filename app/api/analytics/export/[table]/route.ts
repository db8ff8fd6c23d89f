// GET /api/analytics/export/:table — a trend table as CSV (nps, dimensions, teams, adoption, dora, response-rates), same filters and suppression as the API
import { route } from "@/lib/api/route";
import { exportAnalyticsTable } from "@/lib/analytics/export";
import { exportParamsSchema, periodViewSchema } from "@/lib/analytics/schemas";
import { csvResponse } from "@/lib/export/csv";

export const GET = route(
  { access: "viewer", params: exportParamsSchema, query: periodViewSchema },
  async ({ params, query }) => {
    const { filename, header, rows } = await exportAnalyticsTable(params.table, query);
    return csvResponse(filename, header, rows);
  },
);
