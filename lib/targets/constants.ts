// Targets' and action plans' enums and labels, free of drizzle so client components import them too.
// lib/db/schema/targets.ts builds its PostgreSQL enums from these lists.
import type { DoraBand } from "@/lib/surveys/templates";
import type { Direction } from "./status";

/** What a target is set on: platform NPS, one dimension's mean, a DORA band, or a baseline workflow timing. */
export const TARGET_METRICS = ["nps", "dimension", "dora", "timing"] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export const targetMetricLabels: Record<TargetMetric, string> = {
  nps: "Platform NPS",
  dimension: "Dimension score",
  dora: "DORA band",
  timing: "Workflow timing",
};
/** Better is higher for survey figures and DORA bands, lower for minutes. */
export const targetDirection: Record<TargetMetric, Direction> = {
  nps: "higher",
  dimension: "higher",
  dora: "higher",
  timing: "lower",
};
/** Timings are measured by the platform team, not answered by teams: they have no team. */
export const metricHasTeams: Record<TargetMetric, boolean> = { nps: true, dimension: true, dora: true, timing: false };

/** DORA bands as an ordinal scale so a band target reads like any other (low 1 … elite 4). */
export const DORA_BAND_VALUE: Record<DoraBand, number> = { low: 1, medium: 2, high: 3, elite: 4 };
export const doraBandOfValue = (value: number): DoraBand =>
  (Object.entries(DORA_BAND_VALUE).find(([, v]) => v === Math.round(value))?.[0] as DoraBand) ?? "low";

/** What an action plan's success is measured by. */
export const PLAN_MEASURES = ["dimension", "question", "journey_step", "timing"] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];
export const planMeasureLabels: Record<PlanMeasure, string> = {
  dimension: "Dimension score",
  question: "Survey question",
  journey_step: "Journey step",
  timing: "Workflow timing",
};
