// How a target's or a plan's figure reads: NPS points, a 1–5 mean, a DORA band or minutes. Pure; server
// pages, the PDF and client components share it.
import type { Formatter } from "@/lib/format";
import { doraBandOfValue, type PlanMeasure, type TargetMetric } from "./constants";

export function formatTargetValue(format: Formatter, metric: TargetMetric | PlanMeasure, value: number): string {
  switch (metric) {
    case "nps":
      return format.nps(value);
    case "dora": {
      const band = doraBandOfValue(value);
      return band[0].toUpperCase() + band.slice(1);
    }
    case "timing":
    case "journey_step":
      return `${format.number(value, value < 10 ? 1 : 0)} min`;
    default:
      return format.mean(value);
  }
}
