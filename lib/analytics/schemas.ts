import { z } from "zod";
import { queryInteger } from "@/lib/api/query-params";
import { periodSchema } from "@/lib/period";

// Empty URL parameters mean "no filter".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** Dashboard filters, kept in the URL: ?from=2026-Q1&to=2026-Q4&team=<id>&adoption=on */
export const analyticsFilterSchema = z
  .object({
    from: optional(periodSchema),
    to: optional(periodSchema),
    team: optional(z.uuid("Unknown team")),
    adoption: optional(z.enum(["on", "off"], "Choose on or off the platform")),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start quarter must not be after the end quarter",
    path: ["to"],
  });
export type AnalyticsFilter = z.infer<typeof analyticsFilterSchema>;

/** Views of a single quarter (team heatmap, benchmarks) add the quarter to show. */
export const periodViewSchema = z
  .object({
    from: optional(periodSchema),
    to: optional(periodSchema),
    team: optional(z.uuid("Unknown team")),
    adoption: optional(z.enum(["on", "off"], "Choose on or off the platform")),
    period: optional(periodSchema),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start quarter must not be after the end quarter",
    path: ["to"],
  });
export type PeriodViewInput = z.infer<typeof periodViewSchema>;

export const surveyResultsParamsSchema = z.object({ surveyId: z.uuid() });

export const surveyResultsQuerySchema = z.object({
  team: optional(z.uuid("Unknown team")),
  adoption: optional(z.enum(["on", "off"], "Choose on or off the platform")),
});
export type SurveyResultsQuery = z.infer<typeof surveyResultsQuerySchema>;

export const commentsQuerySchema = surveyResultsQuerySchema.extend({
  question: z.uuid(),
  q: optional(z.string().trim().max(200)),
  offset: optional(queryInteger().pipe(z.number().max(100_000, "Use 100000 or less"))),
});
export type CommentsQuery = z.infer<typeof commentsQuerySchema>;

export const exportTables = ["nps", "dimensions", "teams", "adoption", "dora", "response-rates"] as const;
export type ExportTable = (typeof exportTables)[number];
export const exportParamsSchema = z.object({ table: z.enum(exportTables) });
