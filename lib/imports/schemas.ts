// Inputs of the import routes, shared by the forms and the handlers.
import { z } from "zod";
import { periodSchema } from "@/lib/period";
import { userText } from "@/lib/text/display-safe";
import { DEV_LOOPS, IMPORT_MAX_BYTES, NOTE_SOURCES } from "./constants";

const csvField = z.string().min(1, "Choose a CSV file").max(IMPORT_MAX_BYTES, "The file is too large");

export const importTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("survey"), surveyId: z.uuid("Choose a survey") }),
  z.object({
    kind: z.literal("copy"),
    copyFromSurveyId: z.uuid("Choose the survey whose questions to copy"),
    period: periodSchema,
    title: userText().max(200, "Keep the title under 200 characters").optional(),
  }),
]);

export const surveyImportSchema = z.object({
  csv: csvField,
  target: importTargetSchema,
  /** Column header → question key or "@team"; unmapped columns are dropped. Absent: the suggested mapping. */
  columns: z.record(z.string(), z.string()).optional(),
  /** Column header → a value as written → a score, an option id, or null (unanswered). */
  values: z.record(z.string(), z.record(z.string(), z.union([z.number().int(), z.string(), z.null()]))).default({}),
  /** false: check and preview only; true: store every row, or none if any row has an error. */
  commit: z.boolean().default(false),
});
export type SurveyImportInput = z.infer<typeof surveyImportSchema>;

export const noteSchema = z.object({
  text: userText({ error: "Write the note" }).min(1, "Write the note").max(2000, "Keep a note under 2000 characters"),
  source: z.enum(NOTE_SOURCES, { error: "Choose where the note comes from" }),
  teamId: z.uuid("Choose a team").nullable().default(null),
  period: periodSchema,
  loop: z.enum(DEV_LOOPS, { error: "Choose inner or outer loop" }).nullable().default(null),
});
export type NoteInput = z.infer<typeof noteSchema>;

export const notesImportSchema = z.object({ csv: csvField, commit: z.boolean().default(false) });

export const noteIdParams = z.object({ id: z.coerce.number().int().positive("Unknown note") });
export const notesQuery = z.object({ period: periodSchema.optional() });
