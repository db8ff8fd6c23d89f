import "server-only";
import type { CsvCell } from "@/lib/export/csv";
import {
  adoptionTable,
  dimensionsTable,
  doraTable,
  npsTable,
  responseRatesTable,
  teamsTable,
  type CsvTable,
} from "./export-rows";
import {
  getAdoptionComparison,
  getDimensionTrends,
  getDoraSummary,
  getNpsTrend,
  getResponseRates,
  getTeamComparison,
} from "./queries";
import type { ExportTable, PeriodViewInput } from "./schemas";

/** A dashboard table as CSV rows, loaded through the same query functions (and suppression) as the API. */
export async function exportAnalyticsTable(
  table: ExportTable,
  input: PeriodViewInput,
): Promise<{ filename: string; header: string[]; rows: CsvCell[][] }> {
  const { period: _period, ...filter } = input;
  let out: CsvTable;
  switch (table) {
    case "nps":
      out = npsTable(await getNpsTrend({ filter }));
      break;
    case "dimensions":
      out = dimensionsTable(await getDimensionTrends({ filter }));
      break;
    case "teams":
      out = teamsTable(await getTeamComparison({ input }));
      break;
    case "adoption":
      out = adoptionTable(await getAdoptionComparison({ filter }));
      break;
    case "dora":
      out = doraTable(await getDoraSummary({ input }));
      break;
    case "response-rates":
      out = responseRatesTable(await getResponseRates({ filter }));
      break;
  }
  const range = [input.from, input.to].filter(Boolean).join("_to_");
  return { filename: `dx-pulse-${table}${range ? `-${range}` : ""}.csv`, ...out };
}
