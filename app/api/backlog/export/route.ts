// GET /api/backlog/export?scope=… — the ranked backlog as a streamed CSV download (quotes respect k)
import { route } from "@/lib/api/route";
import { backlogCsvHeader } from "@/lib/backlog/csv-rows";
import { openBacklogCsvRows } from "@/lib/backlog/queries";
import { backlogQuerySchema } from "@/lib/backlog/schemas";
import { parseScope } from "@/lib/backlog/scope";
import { csvResponse } from "@/lib/export/csv";

export const GET = route({ access: "viewer", query: backlogQuerySchema }, async ({ query }) => {
  const date = new Date().toISOString().slice(0, 10);
  const scope = parseScope(query.scope);
  const name =
    scope?.kind === "periods" ? `${scope.from}-to-${scope.to}` : scope?.kind === "friction" ? "friction" : "survey";
  return csvResponse(`dx-backlog-${name}-${date}`, backlogCsvHeader, await openBacklogCsvRows({ scope: query.scope }));
});
