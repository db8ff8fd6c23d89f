import "server-only";
// Importing past survey results: the file is read and mapped in full, then stored in one transaction
// only when no row has an error (the same preview → commit pattern as lib/delivery/csv-intake.ts).
import type { AuditActor } from "@/lib/audit/queries";
import { AppError } from "@/lib/errors";
import { listImportTeams, loadImportTarget, storeImportedSurvey } from "./queries";
import type { SurveyImportInput } from "./schemas";
import { mapSurveyRows, previewRows, readCsv, suggestColumns } from "./survey-csv";

/** At most this many row errors are returned; the count says how many there are in all. */
const ERRORS_SHOWN = 200;

export async function importSurveyCsv(input: SurveyImportInput, actor: NonNullable<AuditActor>) {
  const target = await loadImportTarget(input.target);
  const teams = await listImportTeams();
  const csv = readCsv(input.csv);
  const base = {
    target: { title: target.title, period: target.period },
    questions: target.questions.map(({ key, kind, prompt, options }) => ({ key, kind, prompt, options })),
  };
  if ("message" in csv)
    return {
      ...base,
      committed: false,
      surveyId: null,
      header: [],
      columns: {},
      rows: 0,
      preview: [],
      columnValues: [],
      errors: [csv],
      errorCount: 1,
    };
  const columns = input.columns ?? suggestColumns(csv.header, target.questions);
  const mapped = mapSurveyRows({ csv, columns, values: input.values, questions: target.questions, teams });
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  let surveyId: string | null = null;
  if (input.commit && mapped.errors.length === 0) {
    if (mapped.rows.length === 0)
      throw new AppError("validation", "The file has no rows", { csv: ["The file has no rows"] });
    surveyId = await storeImportedSurvey({ target: input.target, rows: mapped.rows, actor });
  }
  return {
    ...base,
    committed: surveyId !== null,
    surveyId,
    header: csv.header,
    columns,
    rows: mapped.rows.length,
    preview: previewRows(mapped.rows).map((r) => ({
      team: r.teamId ? (teamNames.get(r.teamId) ?? null) : null,
      answers: r.answers,
    })),
    columnValues: mapped.columns,
    errors: mapped.errors.slice(0, ERRORS_SHOWN),
    errorCount: mapped.errors.length,
  };
}
