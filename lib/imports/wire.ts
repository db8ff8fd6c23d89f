// Import responses as zod schemas: the OpenAPI document is built from them and the integration tests
// check every response against them.
import { z } from "zod";
import { QUESTION_KINDS } from "@/lib/surveys/constants";
import { DEV_LOOPS, NOTE_SOURCES } from "./constants";

const rowError = z
  .object({
    line: z.number().int().meta({ description: "Line of the file (1 is the header)" }),
    column: z.string().nullable().meta({ description: "The column's header; null for the whole row or file" }),
    message: z.string(),
  })
  .meta({ id: "ImportRowError" });
const scalar = z.union([z.number().int(), z.string(), z.null()]);

export const surveyImportWire = z
  .object({
    committed: z.boolean().meta({ description: "True when every row was stored (none is stored otherwise)" }),
    surveyId: z.uuid().nullable().meta({ description: "The survey the rows were stored in, once committed" }),
    target: z.object({ title: z.string(), period: z.string() }),
    questions: z.array(
      z.object({
        key: z.string(),
        kind: z.enum(QUESTION_KINDS),
        prompt: z.string(),
        options: z.array(z.object({ id: z.string(), label: z.string() })).nullable(),
      }),
    ),
    header: z.array(z.string()),
    columns: z.record(z.string(), z.string()).meta({ description: "The column mapping used (given or suggested)" }),
    rows: z.number().int().meta({ description: "Rows without errors" }),
    preview: z.array(
      z.object({
        team: z.string().nullable(),
        answers: z.array(
          z.object({
            questionKey: z.string(),
            numberValue: z.number().int().nullable(),
            choiceValues: z.array(z.string()).nullable(),
            textValue: z.string().nullable(),
          }),
        ),
      }),
    ),
    columnValues: z.array(
      z.object({
        column: z.string(),
        target: z.string().nullable(),
        values: z.array(z.object({ raw: z.string(), value: scalar, count: z.number().int(), mapped: z.boolean() })),
        moreValues: z.boolean(),
      }),
    ),
    errors: z.array(rowError),
    errorCount: z.number().int(),
  })
  .meta({ id: "SurveyImport" });

export const noteWire = z
  .object({
    id: z.number().int(),
    text: z.string(),
    source: z.enum(NOTE_SOURCES),
    teamId: z.uuid().nullable(),
    team: z.string().nullable(),
    period: z.string(),
    loop: z.enum(DEV_LOOPS).nullable(),
  })
  .meta({ id: "FeedbackNote" });
export const notesWire = z.object({ notes: z.array(noteWire), total: z.number().int() });
export const noteCreatedWire = z.object({ id: z.number().int() });

export const notesImportWire = z
  .object({
    committed: z.boolean(),
    rows: z.number().int(),
    preview: z.array(
      z.object({
        text: z.string(),
        period: z.string(),
        teamId: z.uuid().nullable(),
        loop: z.enum(DEV_LOOPS).nullable(),
      }),
    ),
    errors: z.array(rowError),
    errorCount: z.number().int(),
  })
  .meta({ id: "NotesImport" });
