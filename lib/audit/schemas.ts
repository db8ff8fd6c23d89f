import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;

// Query strings are text: a page offset is digits, never coerced from other shapes.
export const auditQuerySchema = z.object({
  offset: z
    .string()
    .regex(/^\d{1,6}$/, "Use a whole number of entries to skip")
    .transform(Number)
    .optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
