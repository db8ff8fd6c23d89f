import { z } from "zod";

export const updateSettingsSchema = z
  .object({
    name: z.string().trim().min(1, "Name the workspace").max(100),
    anonymityThreshold: z.coerce
      .number({ error: "Enter a whole number" })
      .int("Enter a whole number")
      .min(3, "3 is the lowest threshold that still protects people")
      .max(100, "Use 100 or fewer"),
    frequencyThreshold: z.coerce.number().min(0.01).max(1),
    impactThreshold: z.coerce.number().min(0).max(1),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Change at least one setting");
export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>;
