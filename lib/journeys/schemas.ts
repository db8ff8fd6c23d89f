// One zod schema per journey input, shared by the forms and the route handlers. Numbers are JSON
// numbers only (the forms convert their inputs, components/ui/form-values.ts): no coercion of null,
// true or [] into 0 or 1.
import { z } from "zod";
import { JOURNEY_PATHS, LINK_STATUSES, LOAD_TYPES, PAINS, STEP_OUTCOMES } from "./constants";
import { userText } from "@/lib/text/display-safe";
import { periodSchema } from "@/lib/period";

const wholeCount = (label: string) =>
  z
    .number({ error: `Enter the number of ${label}` })
    .int(`Enter a whole number of ${label}`)
    .min(0, `${label} cannot be negative`)
    .max(999, "Use 999 or fewer");

const maturity = (label: string) =>
  z
    .number({ error: `Choose the ${label} maturity` })
    .int("Choose a level from 0 to 4")
    .min(0, "Maturity goes from 0 (manual ticket) to 4 (automated)")
    .max(4, "Maturity goes from 0 (manual ticket) to 4 (automated)");

// No defaults here: in zod 4 a default inside .partial() would overwrite untouched fields on PATCH.
export const journeyMapFieldsSchema = z.object({
  name: userText().min(1, "Name the map").max(120, "Use 120 characters or fewer"),
  workflow: userText().max(300, "Use 300 characters or fewer"),
  persona: userText().max(200, "Use 200 characters or fewer"),
  maturityNow: maturity("current"),
  maturityTarget: maturity("target"),
});

export const templateIds = ["new-service", "onboarding"] as const;

export const createJourneyMapSchema = journeyMapFieldsSchema.extend({
  workflow: journeyMapFieldsSchema.shape.workflow.default(""),
  persona: journeyMapFieldsSchema.shape.persona.default(""),
  maturityNow: journeyMapFieldsSchema.shape.maturityNow.default(0),
  maturityTarget: journeyMapFieldsSchema.shape.maturityTarget.default(3),
  templateId: z.enum(templateIds, { error: "Choose one of the templates" }).optional(),
});
export type CreateJourneyMapInput = z.infer<typeof createJourneyMapSchema>;

export const updateJourneyMapSchema = journeyMapFieldsSchema
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateJourneyMapInput = z.infer<typeof updateJourneyMapSchema>;

export const stepFieldsSchema = z.object({
  name: userText().min(1, "Name the step").max(200, "Use 200 characters or fewer"),
  minutes: z
    .number({ error: "Enter the time in minutes" })
    .min(0, "Time cannot be negative")
    .max(525_600, "Use at most a year (525 600 minutes)"),
  pain: z.enum(PAINS, { error: "Choose low, medium or high" }),
  loadType: z.enum(LOAD_TYPES, { error: "Choose intrinsic, extraneous or germane" }),
  loadLevel: z
    .number({ error: "Choose a load level from 1 to 5" })
    .int("Choose a load level from 1 to 5")
    .min(1, "Load level goes from 1 to 5")
    .max(5, "Load level goes from 1 to 5"),
  tools: wholeCount("tools"),
  concepts: wholeCount("concepts"),
  configFiles: wholeCount("config files"),
  people: wholeCount("people"),
  dashboards: wholeCount("dashboards"),
  docs: wholeCount("docs pages"),
  notes: userText().max(2000, "Use 2000 characters or fewer"),
  counterpartStepId: z.uuid("Choose a current step").nullable(),
  outcome: z.enum(STEP_OUTCOMES, { error: "Choose kept, eliminated, automated or abstracted" }).nullable(),
});

/** What a new step gets for each field left out; tests build full step inputs from it too. */
export const stepDefaults = {
  pain: "low",
  loadType: "intrinsic",
  loadLevel: 1,
  tools: 0,
  concepts: 0,
  configFiles: 0,
  people: 0,
  dashboards: 0,
  docs: 0,
  notes: "",
  counterpartStepId: null,
  outcome: null,
} as const;

export const createStepSchema = stepFieldsSchema
  .extend({ path: z.enum(JOURNEY_PATHS, { error: "Choose the current or golden path" }) })
  .partial({ ...Object.fromEntries(Object.keys(stepDefaults).map((k) => [k, true])) } as {
    [K in keyof typeof stepDefaults]: true;
  })
  .transform(
    (v) =>
      ({ ...stepDefaults, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) }) as z.infer<
        typeof stepFieldsSchema
      > & { path: (typeof JOURNEY_PATHS)[number] },
  );
export type CreateStepInput = z.output<typeof createStepSchema>;

export const updateStepSchema = stepFieldsSchema
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateStepInput = z.infer<typeof updateStepSchema>;

export const reorderStepsSchema = z.object({
  path: z.enum(JOURNEY_PATHS, { error: "Choose the current or golden path" }),
  stepIds: z.array(z.uuid("Unknown step")).max(200),
});
export type ReorderStepsInput = z.infer<typeof reorderStepsSchema>;

export const linkThemeSchema = z.object({
  backlogItemId: z.uuid("Choose a theme from the backlog"),
  status: z.enum(LINK_STATUSES.filter((s) => s !== "suggested") as ["accepted", "dismissed"]).default("accepted"),
});
export type LinkThemeInput = z.infer<typeof linkThemeSchema>;

export const mapIdParams = z.object({ id: z.uuid() });
export const stepParams = z.object({ id: z.uuid(), stepId: z.uuid() });
export const stepThemeParams = z.object({ id: z.uuid(), stepId: z.uuid(), themeId: z.uuid() });

// Baseline workflow timings

export const createWorkflowSchema = z.object({
  name: userText().min(1, "Name the workflow").max(120, "Use 120 characters or fewer"),
  targetMinutes: z
    .number({ error: "Enter the target in minutes" })
    .positive("The target must be more than 0 minutes")
    .max(525_600, "Use at most a year"),
});
export type CreateWorkflowInput = z.infer<typeof createWorkflowSchema>;

export const updateWorkflowSchema = createWorkflowSchema
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateWorkflowInput = z.infer<typeof updateWorkflowSchema>;

export const recordTimingSchema = z.object({
  measurementsMinutes: z
    .array(z.number({ error: "Enter minutes" }).min(0, "Time cannot be negative").max(525_600, "Use at most a year"))
    .max(3, "Keep at most three measurements per quarter"),
  notes: userText().max(500, "Use 500 characters or fewer").default(""),
});
export type RecordTimingInput = z.infer<typeof recordTimingSchema>;

export const workflowIdParams = z.object({ id: z.uuid() });
export const timingParams = z.object({ id: z.uuid(), period: periodSchema });
export const timingsQuery = z.object({ period: periodSchema.optional() });
