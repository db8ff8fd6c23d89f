// POST /api/imports/notes/import — a CSV of support-channel questions: preview, or store every row (none if any row has an error)
import { route } from "@/lib/api/route";
import { IMPORT_MAX_BYTES } from "@/lib/imports/constants";
import { importNotesCsv } from "@/lib/imports/notes-intake";
import { notesImportSchema } from "@/lib/imports/schemas";

export const POST = route(
  { access: "editor", body: notesImportSchema, maxBodyBytes: IMPORT_MAX_BYTES + 64 * 1024 },
  ({ body, user }) => importNotesCsv(body, user),
);
