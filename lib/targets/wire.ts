// Targets' and action plans' responses as zod schemas, for the OpenAPI document and the integration tests' response check.
import { z } from "zod";
import { BACKLOG_STATUSES, EFFORTS } from "@/lib/backlog/constants";
import { PLAN_MEASURES, TARGET_METRICS } from "./constants";
import { TARGET_STATUSES } from "./status";

const measurement = z.object({
  period: z.string(),
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export const targetWire = z
  .object({
    id: z.string(),
    metric: z.enum(TARGET_METRICS),
    metricKey: z
      .string()
      .meta({ description: 'Dimension key, DORA metric key ("" for the overall band) or workflow id' }),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    label: z.string(),
    direction: z.enum(["higher", "lower"]),
    goal: z.number().meta({ description: "NPS points, a 1–5 mean, a DORA band (low 1 … elite 4) or minutes" }),
    due: z.string(),
    note: z.string(),
    baseline: z.object({ period: z.string(), value: z.number() }).nullable().meta({
      description: "The latest closed quarter's value when the target was set; null when that quarter is hidden now",
    }),
    current: measurement.nullable(),
    hidden: z
      .boolean()
      .meta({ description: "The latest closed quarter of this figure is under k: no value or status is given" }),
    status: z.enum(TARGET_STATUSES),
    withinNoise: z.boolean(),
    progress: z.number(),
    elapsed: z.number(),
    summary: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Target" });

export const targetListWire = z.object({ targets: z.array(targetWire) });
export const oneTargetWire = z.object({ target: targetWire });
export const deletedTargetWire = z.object({ id: z.string() });

const roadmapItem = z
  .object({
    id: z.string(),
    label: z.string(),
    status: z.enum(BACKLOG_STATUSES),
    owner: z.string(),
    effort: z.enum(EFFORTS).nullable(),
    targetQuarter: z.string(),
    measure: z.object({ kind: z.enum(PLAN_MEASURES), key: z.string(), label: z.string() }).nullable(),
    result: z
      .object({
        before: measurement.nullable(),
        after: measurement.nullable(),
        withinNoise: z.boolean(),
        change: z.number().nullable(),
        hidden: z.boolean(),
      })
      .nullable()
      .meta({ description: "The measure in the last closed quarter before the target quarter and the first after it" }),
  })
  .meta({ id: "PlannedItem" });

export const planWire = z.object({ plan: roadmapItem.nullable() });
export const stepBacklogItemWire = z.object({ id: z.string(), plan: roadmapItem.nullable() });
export const roadmapWire = z.object({
  currentQuarter: z.string(),
  quarters: z.array(z.object({ period: z.string(), past: z.boolean(), items: z.array(roadmapItem) })),
});

const options = z.array(z.object({ key: z.string(), label: z.string() }));
export const measureOptionsWire = z.object({
  dimensions: options,
  questions: options,
  journeySteps: options,
  workflows: options,
  dora: options,
  teams: options,
});
