import { z } from "zod";
import type { ChoiceOption, QuestionKind } from "@/lib/db/schema";
import { displaySafe } from "@/lib/text/display-safe";

// The public submission body. The envelope is checked first (cheap, survey-independent); the
// answers are then checked against the survey's own questions with buildSubmissionSchema.
export const idempotencyKeySchema = z
  .string({ error: "Send an idempotency key" })
  .min(16, "The idempotency key must be at least 16 characters")
  .max(128, "The idempotency key must be at most 128 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "The idempotency key may only use letters, digits, - and _");

export const submissionEnvelopeSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  answers: z
    .array(
      z.object({
        questionId: z.string({ error: "Name the question this answer belongs to" }).max(64),
        value: z
          .unknown()
          .describe(
            "A number (likert 1–5, nps 0–10), an option id (single choice), option ids (multiple choice) or text",
          ),
      }),
      { error: "Send the answers as a list" },
    )
    .max(200, "Too many answers"),
});
export type SubmissionBody = z.infer<typeof submissionEnvelopeSchema>;

export type QuestionDefinition = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options: ChoiceOption[] | null;
  maxLength: number | null;
};

export type NormalizedAnswer = {
  questionId: string;
  numberValue: number | null;
  choiceValues: string[] | null;
  textValue: string | null;
};

export const DEFAULT_TEXT_LIMIT = 1000;

// Control characters (other than tab and newline) have no place in an answer; NUL would even be refused by PostgreSQL.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const isSkipped = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

function scaleSchema(min: number, max: number) {
  const message = `Pick a whole number from ${min} to ${max}`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

function valueSchemaFor(q: QuestionDefinition): z.ZodType<Omit<NormalizedAnswer, "questionId">> {
  const none = { numberValue: null, choiceValues: null, textValue: null };
  const optionIds = new Set((q.options ?? []).map((o) => o.id));
  switch (q.kind) {
    case "likert":
      return scaleSchema(1, 5).transform((v) => ({ ...none, numberValue: v }));
    case "nps":
      return scaleSchema(0, 10).transform((v) => ({ ...none, numberValue: v }));
    case "single_choice":
      return z
        .string({ error: "Pick one of the listed options" })
        .refine((v) => optionIds.has(v), "Pick one of the listed options")
        .transform((v) => ({ ...none, choiceValues: [v] }));
    case "multiple_choice":
      return z
        .array(z.string({ error: "Pick from the listed options" }), { error: "Send the chosen options as a list" })
        .refine((v) => v.every((id) => optionIds.has(id)), "Pick only from the listed options")
        .refine((v) => new Set(v).size === v.length, "An option is chosen twice")
        .transform((v) => ({ ...none, choiceValues: v }));
    case "free_text": {
      const limit = q.maxLength ?? DEFAULT_TEXT_LIMIT;
      return z
        .string({ error: "Write the answer as text" })
        .transform((v) => displaySafe(v.replace(CONTROL_CHARS, "")).trim())
        .refine((v) => v.length <= limit, `Keep the answer under ${limit} characters`)
        .transform((v) => ({ ...none, textValue: v }));
    }
  }
}

/**
 * A validator for one survey: each answer must name one of its (active) questions once, with a value
 * of the right kind and range; required questions must be answered. Blank answers count as skipped.
 * Errors are keyed by path ("answers.3.value") so the page can show them next to the question.
 */
export function buildSubmissionSchema(questions: QuestionDefinition[]) {
  const byId = new Map(questions.map((q) => [q.id, { q, schema: valueSchemaFor(q) }]));
  return submissionEnvelopeSchema
    .superRefine((body, ctx) => {
      const answered = new Set<string>();
      const invalid = new Set<string>();
      const seen = new Set<string>();
      body.answers.forEach((answer, i) => {
        const entry = byId.get(answer.questionId);
        if (!entry) {
          ctx.addIssue({
            code: "custom",
            path: ["answers", i, "questionId"],
            message: "This question is not part of the survey",
          });
          return;
        }
        if (seen.has(answer.questionId)) {
          ctx.addIssue({
            code: "custom",
            path: ["answers", i, "questionId"],
            message: "This question is answered more than once",
          });
          return;
        }
        seen.add(answer.questionId);
        if (isSkipped(answer.value)) return;
        const result = entry.schema.safeParse(answer.value);
        if (!result.success) {
          for (const issue of result.error.issues) {
            ctx.addIssue({ code: "custom", path: ["answers", i, "value", ...issue.path], message: issue.message });
          }
          invalid.add(answer.questionId);
          return;
        }
        const v = result.data;
        if (v.textValue !== "") answered.add(answer.questionId);
      });
      for (const q of questions) {
        if (!q.required || answered.has(q.id) || invalid.has(q.id)) continue;
        if (!seen.has(q.id)) {
          ctx.addIssue({ code: "custom", path: ["answers"], message: `Answer the required question “${q.prompt}”` });
        } else {
          const index = body.answers.findIndex((a) => a.questionId === q.id);
          ctx.addIssue({ code: "custom", path: ["answers", index, "value"], message: "This question needs an answer" });
        }
      }
    })
    .transform((body) => ({
      idempotencyKey: body.idempotencyKey,
      answers: body.answers.flatMap((a): NormalizedAnswer[] => {
        if (isSkipped(a.value)) return [];
        const v = byId.get(a.questionId)!.schema.parse(a.value);
        return v.textValue === "" ? [] : [{ questionId: a.questionId, ...v }];
      }),
    }));
}

export const frictionSchema = z.object({
  /** Optional for API clients; the friction page always sends one. */
  idempotencyKey: idempotencyKeySchema.optional(),
  text: z
    .string({ error: "Describe what slowed you down" })
    .transform((v) => displaySafe(v.replace(CONTROL_CHARS, "")).replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(3, "Describe what slowed you down in a few words")
        .max(500, "Keep it to one or two sentences (under 500 characters)"),
    ),
});

export const createFrictionLinkSchema = z.object({ teamId: z.uuid("Unknown team").nullable().optional() });
