"use client";
// A target's status badge (and its value formatting, re-exported for client components).
import { targetStatusLabels, type TargetStatus } from "@/lib/targets/status";

export { formatTargetValue } from "@/lib/targets/format-value";

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
