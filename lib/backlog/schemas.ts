import { z } from "zod";
import { BACKLOG_STATUSES, EFFORTS } from "./constants";
import { parseScope } from "./scope";
import { displaySafe, userText } from "@/lib/text/display-safe";

export const scopeSchema = z
  .string({ error: "Choose what to analyse" })
  .trim()
  .refine((v) => parseScope(v) !== null, "Choose a survey, a range of quarters or the friction log");

export const backlogQuerySchema = z.object({ scope: scopeSchema });

export const buildBacklogSchema = z.object({
  scope: scopeSchema,
  // Number of themes; omitted or null = chosen automatically.
  k: z
    .number({ error: "Enter a whole number" })
    .int("Enter a whole number")
    .min(2, "Use at least 2 themes")
    .max(40, "Use 40 themes or fewer")
    .nullish(),
});
export type BuildBacklogInput = z.infer<typeof buildBacklogSchema>;

export const backlogItemParamsSchema = z.object({ id: z.uuid() });

export const updateBacklogItemSchema = z
  .object({
    // An empty name goes back to the generated label.
    customLabel: userText()
      .max(120, "Keep the name under 120 characters")
      .nullable()
      .transform((v) => (v ? v : null)),
    effort: z.enum(EFFORTS, { error: "Effort is S, M or L" }).nullable(),
    status: z.enum(BACKLOG_STATUSES, { error: "Pick a status from the list" }),
    owner: userText().max(100, "Keep the owner under 100 characters"),
    notes: z.string().overwrite(displaySafe).max(4000, "Keep notes under 4,000 characters"),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateBacklogItemInput = z.infer<typeof updateBacklogItemSchema>;

export const subThemeParamsSchema = z.object({ id: z.uuid() });

export const renameSubThemeSchema = z.object({
  // An empty name goes back to the generated label.
  customLabel: userText()
    .max(120, "Keep the name under 120 characters")
    .nullable()
    .transform((v) => (v ? v : null)),
});
export type RenameSubThemeInput = z.infer<typeof renameSubThemeSchema>;

export const mergeBacklogItemSchema = z.object({ targetId: z.uuid({ error: "Pick the theme to merge into" }) });

export const moveMembersSchema = z
  .object({
    // The quotes' public ids (BacklogQuote.id), never the sequential answer ids behind them.
    memberIds: z
      .array(z.uuid({ error: "Unknown answer" }))
      .min(1, "Select at least one answer")
      .max(1000, "Move at most 1,000 answers at once"),
    // Either an existing theme of the same backlog, or a name for a new theme (a split).
    targetId: z.uuid({ error: "Pick a theme" }).optional(),
    newLabel: userText().min(1, "Name the new theme").max(120, "Keep the name under 120 characters").optional(),
  })
  .refine((v) => (v.targetId === undefined) !== (v.newLabel === undefined), {
    message: "Move to an existing theme or name a new one",
    path: ["targetId"],
  });
export type MoveMembersInput = z.infer<typeof moveMembersSchema>;

export const backlogThresholdsSchema = z
  .object({
    frequencyThreshold: z
      .number({ error: "Enter a share between 0.01 and 1" })
      .min(0.01, "Use at least 1%")
      .max(1, "Use at most 100%"),
    impactThreshold: z
      .number({ error: "Enter an impact between 0 and 1" })
      .min(0, "Use 0 or more")
      .max(1, "Use 1 or less"),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one threshold");

/** The backlog the dashboard shows: an analysed scope. */
export const dashboardBacklogSchema = z.object({ scope: scopeSchema });
