// POST /api/imports/surveys — past survey results from a CSV: preview the mapping, or store every row (none if any row has an error)
import { route } from "@/lib/api/route";
import { IMPORT_MAX_BYTES } from "@/lib/imports/constants";
import { surveyImportSchema } from "@/lib/imports/schemas";
import { importSurveyCsv } from "@/lib/imports/survey-intake";

export const POST = route(
  { access: "editor", body: surveyImportSchema, maxBodyBytes: IMPORT_MAX_BYTES + 256 * 1024 },
  ({ body, user }) => importSurveyCsv(body, user),
);
