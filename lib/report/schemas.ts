import { z } from "zod";
import { periodSchema } from "@/lib/period";

/** ?period=2026-Q3; without it, the latest quarter with published results. */
export const reportQuerySchema = z.object({
  period: z.preprocess((v) => (v === "" || v === null ? undefined : v), periodSchema.optional()),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;
