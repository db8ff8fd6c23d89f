import { z } from "zod";
import { EFFORTS } from "@/lib/backlog/constants";
import { periodSchema } from "@/lib/period";
import { userText } from "@/lib/text/display-safe";
import { PLAN_MEASURES, TARGET_METRICS } from "./constants";

const blankAsNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** A new target, from the dashboard's Targets card and POST /api/targets. The baseline is taken by the server. */
export const createTargetSchema = z
  .object({
    metric: z.enum(TARGET_METRICS, "Choose what the target is on"),
    // Dimension key, DORA metric key ("" for the overall band) or workflow id; "" for NPS.
    metricKey: userText().max(120, "Unknown measure").default(""),
    teamId: z.preprocess(blankAsNull, z.uuid("Unknown team").nullable()).default(null),
    goal: z.number("Enter the goal as a number").min(-100, "Use −100 or more").max(100_000, "Use 100,000 or less"),
    due: periodSchema,
    note: userText().max(300, "Keep the note under 300 characters").default(""),
  })
  .refine((v) => v.metric === "nps" || v.metric === "dora" || v.metricKey !== "", {
    message: "Choose the dimension or workflow",
    path: ["metricKey"],
  })
  .refine((v) => v.metric !== "timing" || v.teamId === null, {
    message: "Workflow timings have no team",
    path: ["teamId"],
  });
export type CreateTargetInput = z.infer<typeof createTargetSchema>;

export const updateTargetSchema = z
  .object({
    goal: z.number("Enter the goal as a number").min(-100, "Use −100 or more").max(100_000, "Use 100,000 or less"),
    due: periodSchema,
    note: userText().max(300, "Keep the note under 300 characters"),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateTargetInput = z.infer<typeof updateTargetSchema>;

export const targetIdParams = z.object({ id: z.uuid() });

/** An action plan for a backlog item: PUT /api/backlog/items/:id/plan and the item's Plan form. */
export const planSchema = z
  .object({
    targetQuarter: periodSchema,
    owner: userText().max(100, "Keep the owner under 100 characters").default(""),
    measureKind: z
      .preprocess(blankAsNull, z.enum(PLAN_MEASURES, "Choose what measures success").nullable())
      .default(null),
    measureKey: z.preprocess(blankAsNull, userText().max(120, "Unknown measure").nullable()).default(null),
  })
  .refine((v) => (v.measureKind === null) === (v.measureKey === null), {
    message: "Choose the measure",
    path: ["measureKey"],
  });
export type PlanInput = z.infer<typeof planSchema>;

/** A backlog item for the work a golden-path step needs (POST /api/journeys/:id/steps/:stepId/backlog-item). */
export const stepBacklogItemSchema = z.object({
  label: userText().min(1, "Name the work").max(120, "Keep the name under 120 characters"),
  effort: z.enum(EFFORTS, "Effort is S, M or L"),
  targetQuarter: z.preprocess(blankAsNull, periodSchema.nullable()).default(null),
});
export type StepBacklogItemInput = z.infer<typeof stepBacklogItemSchema>;
export const stepParams = z.object({ id: z.uuid(), stepId: z.uuid() });
