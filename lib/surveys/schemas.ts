import { z } from "zod";
import { QUESTION_KINDS, SURVEY_STATUSES } from "./constants";
import { periodSchema } from "@/lib/period";
import { surveyTemplates } from "./templates";
import { userText } from "@/lib/text/display-safe";

// One schema per authoring input; the editor forms and the route handlers share them.

const isoDateSchema = z
  .string()
  .regex(/^[1-9]\d{3}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
  // Round-trip: Date.parse accepts 2026-02-30 (as 2 March) and year 0000, which PostgreSQL refuses.
  .refine((v) => {
    const time = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === v;
  }, "Enter a real date");

const titleSchema = userText({ error: "Give the survey a title" })
  .min(1, "Give the survey a title")
  .max(120, "Keep the title under 120 characters");

export const surveyIdParams = z.object({ id: z.uuid("Unknown survey") });
export const questionParams = z.object({ id: z.uuid(), questionId: z.uuid() });
export const linkParams = z.object({ id: z.uuid(), linkId: z.uuid() });
export const tokenParams = z.object({
  token: z
    .string()
    .min(4)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const templateIds = surveyTemplates.map((t) => t.id) as [string, ...string[]];

export const createSurveySchema = z
  .object({
    title: titleSchema.optional(),
    period: periodSchema,
    templateId: z.enum(templateIds, { error: "Pick a template" }).optional(),
    copyFromSurveyId: z.uuid("Pick a survey to copy").optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.templateId === !v.copyFromSurveyId) {
      ctx.addIssue({
        code: "custom",
        path: ["templateId"],
        message: "Start from a template or copy an earlier survey (one of the two)",
      });
    }
  });
export type CreateSurveyInput = z.infer<typeof createSurveySchema>;

export const updateSurveySchema = z
  .object({
    title: titleSchema,
    intro: userText().max(1000, "Keep the introduction under 1000 characters"),
    period: periodSchema,
    opensOn: isoDateSchema.nullable(),
    closesOn: isoDateSchema.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one field")
  .refine((v) => !v.opensOn || !v.closesOn || v.opensOn <= v.closesOn, {
    path: ["closesOn"],
    message: "The close date must be on or after the open date",
  });
export type UpdateSurveyInput = z.infer<typeof updateSurveySchema>;

export const changeStatusSchema = z.object({ status: z.enum(SURVEY_STATUSES, { error: "Unknown status" }) });

export const choiceOptionSchema = z.object({
  id: userText()
    .min(1, "Option id is empty")
    .max(40)
    .regex(/^[a-z0-9_]+$/, "Option ids use lowercase letters, digits and _"),
  label: userText().min(1, "Write the option").max(200, "Keep options under 200 characters"),
});

/** The editable fields of a question, without cross-field rules (so PATCH can make them partial). */
export const questionFieldsSchema = z.object({
  key: z
    .string({ error: "Give the question a key" })
    .trim()
    .min(1, "Give the question a key")
    .max(60, "Keep the key under 60 characters")
    .regex(/^[a-z][a-z0-9_]*$/, "Use lowercase letters, digits and _ (start with a letter)"),
  kind: z.enum(QUESTION_KINDS, { error: "Pick a question type" }),
  prompt: userText({ error: "Write the question" })
    .min(1, "Write the question")
    .max(300, "Keep the question under 300 characters"),
  helpText: userText().max(500, "Keep the help text under 500 characters").optional(),
  required: z.boolean().optional(),
  dimension: userText().max(80).nullable().optional(),
  options: z.array(choiceOptionSchema).max(20, "Use at most 20 options").nullable().optional(),
  maxLength: z
    .number()
    .int("Enter a whole number")
    .min(20, "Allow at least 20 characters")
    .max(5000, "Allow at most 5000 characters")
    .nullable()
    .optional(),
});

const isChoice = (kind: string) => kind === "single_choice" || kind === "multiple_choice";

/** A full question: choice kinds need two or more distinct options; free text gets a length limit. */
export const questionInputSchema = questionFieldsSchema
  .superRefine((q, ctx) => {
    if (isChoice(q.kind)) {
      const options = q.options ?? [];
      if (options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Add at least two options" });
      const ids = new Set<string>();
      options.forEach((o, i) => {
        if (ids.has(o.id))
          ctx.addIssue({ code: "custom", path: ["options", i, "id"], message: "Two options have the same id" });
        ids.add(o.id);
      });
    }
  })
  .transform((q) => ({
    key: q.key,
    kind: q.kind,
    prompt: q.prompt,
    helpText: q.helpText ?? "",
    required: q.required ?? false,
    dimension: q.dimension || null,
    options: isChoice(q.kind) ? (q.options ?? []) : null,
    maxLength: q.kind === "free_text" ? (q.maxLength ?? 1000) : null,
  }));
export type QuestionInput = z.input<typeof questionInputSchema>;
export type NormalizedQuestion = z.output<typeof questionInputSchema>;

export const updateQuestionSchema = questionFieldsSchema
  .partial()
  .extend({ archived: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateQuestionInput = z.infer<typeof updateQuestionSchema>;

export const reorderQuestionsSchema = z.object({
  questionIds: z.array(z.uuid()).min(1, "Send the questions in their new order").max(200),
});

export const createLinksSchema = z.object({
  // Omitted: one link for every active team that has none yet.
  teamIds: z.array(z.uuid()).max(500).optional(),
});
