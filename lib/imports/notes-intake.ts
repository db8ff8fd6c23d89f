import "server-only";
// A CSV of support-channel questions: checked row by row, then stored in one transaction only when no
// row has an error (the pattern of lib/delivery/csv-intake.ts).
import type { AuditActor } from "@/lib/audit/queries";
import { periodOfDate } from "@/lib/period";
import { PREVIEW_ROWS } from "./constants";
import { mapNoteRows } from "./notes-csv";
import { importNotes, listImportTeams } from "./queries";
import { readCsv } from "./survey-csv";

export async function importNotesCsv(
  { csv, commit }: { csv: string; commit: boolean },
  actor: NonNullable<AuditActor>,
) {
  const parsed = readCsv(csv);
  if ("message" in parsed) return { committed: false, rows: 0, preview: [], errors: [parsed], errorCount: 1 };
  const { rows, errors } = mapNoteRows({
    csv: parsed,
    teams: await listImportTeams(),
    defaultPeriod: periodOfDate(new Date()),
  });
  const committed = commit && errors.length === 0 && rows.length > 0;
  if (committed) await importNotes({ rows, actor });
  return {
    committed,
    rows: rows.length,
    preview: rows.slice(0, PREVIEW_ROWS),
    errors: errors.slice(0, 200),
    errorCount: errors.length,
  };
}
