import { z } from "zod";
import { userText } from "@/lib/text/display-safe";
import { periodSchema } from "@/lib/period";

export const updateSettingsSchema = z
  .object({
    name: userText().min(1, "Name the workspace").max(100),
    anonymityThreshold: z
      .number({ error: "Enter a whole number" })
      .int("Enter a whole number")
      .min(3, "3 is the lowest threshold that still protects people")
      .max(100, "Use 100 or fewer"),
    frequencyThreshold: z.number({ error: "Enter a number" }).min(0.01).max(1),
    impactThreshold: z.number({ error: "Enter a number" }).min(0).max(1),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one setting");
export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>;

// ── Teams ────────────────────────────────────────────────────────────────────────────────────
const teamName = userText({ error: "Name the team" })
  .min(1, "Name the team")
  .max(80, "Keep the name under 80 characters");
// JSON numbers only: null, true or [] are refused, not coerced into 0 or 1.
const headcount = z
  .number({ error: "Enter a whole number" })
  .int("Enter a whole number")
  .min(0, "Headcount cannot be negative")
  .max(100_000, "That is more people than we can count");

export const teamIdParams = z.object({ id: z.uuid("Unknown team") });

export const createTeamSchema = z.object({
  name: teamName,
  headcount,
  onPlatform: z.boolean().default(false),
  // The quarter the on-platform flag starts to hold; defaults to the current quarter.
  effectivePeriod: periodSchema.optional(),
});
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const updateTeamSchema = z
  .object({
    name: teamName,
    headcount,
    onPlatform: z.boolean(),
    effectivePeriod: periodSchema,
    archived: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one field")
  .refine((v) => v.effectivePeriod === undefined || v.onPlatform !== undefined, {
    path: ["onPlatform"],
    message: "Say whether the team is on the platform from that quarter",
  });
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>;

// ── Custom dimensions ───────────────────────────────────────────────────────────────────────
export const dimensionIdParams = z.object({ id: z.uuid("Unknown dimension") });

export const createDimensionSchema = z.object({
  name: userText({ error: "Name the dimension" })
    .min(1, "Name the dimension")
    .max(60, "Keep the name under 60 characters"),
  description: userText().max(300, "Keep the description under 300 characters").default(""),
});
export type CreateDimensionInput = z.infer<typeof createDimensionSchema>;

export const updateDimensionSchema = z
  .object({
    name: userText().min(1, "Name the dimension").max(60, "Keep the name under 60 characters"),
    description: userText().max(300, "Keep the description under 300 characters"),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateDimensionInput = z.infer<typeof updateDimensionSchema>;
