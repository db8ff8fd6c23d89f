import "server-only";
// A CSV import: checked row by row, then stored in one transaction only when no row has an error.
import { parseDeliveryCsv } from "./csv-import";
import { storeDeliveryEvents } from "./queries";

export async function importDeliveryCsv({ csv, commit }: { csv: string; commit: boolean }) {
  const { events, errors, ...counts } = parseDeliveryCsv(csv);
  const committed = commit && errors.length === 0;
  if (committed) await storeDeliveryEvents(events);
  return { committed, ...counts, errors };
}
