"use client";
// How a target's figures read: NPS points, a 1–5 mean, a DORA band or minutes; and its status badge.
import type { Formatter } from "@/lib/format";
import { doraBandOfValue, type TargetMetric } from "@/lib/targets/constants";
import { targetStatusLabels, type TargetStatus } from "@/lib/targets/status";

const bandLabel = (value: number) => {
  const band = doraBandOfValue(value);
  return band[0].toUpperCase() + band.slice(1);
};

export function formatTargetValue(
  format: Formatter,
  metric: TargetMetric | "question" | "journey_step",
  value: number,
) {
  switch (metric) {
    case "nps":
      return format.nps(value);
    case "dora":
      return bandLabel(value);
    case "timing":
    case "journey_step":
      return `${format.number(value, value < 10 ? 1 : 0)} min`;
    default:
      return format.mean(value);
  }
}

const statusClass: Record<TargetStatus, string> = {
  achieved: "badge badge-good",
  on_track: "badge badge-good",
  at_risk: "badge badge-warn",
  off_track: "badge badge-bad",
  no_data: "badge",
};

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  return (
    <span className={statusClass[status]} data-testid="target-status">
      {targetStatusLabels[status]}
    </span>
  );
}
