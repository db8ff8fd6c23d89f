// POST /api/delivery/import — a CSV of deployments and incidents: preview, or store every row (none if any row has an error)
import { route } from "@/lib/api/route";
import { CSV_IMPORT_MAX_BYTES } from "@/lib/delivery/constants";
import { importDeliveryCsv } from "@/lib/delivery/csv-intake";
import { csvImportSchema } from "@/lib/delivery/schemas";

export const POST = route(
  { access: "editor", body: csvImportSchema, maxBodyBytes: CSV_IMPORT_MAX_BYTES + 64 * 1024 },
  ({ body }) => importDeliveryCsv(body),
);
