"use client";
import { ReferenceLine } from "recharts";
import { describeTally } from "@/lib/anonymity/surveys";
import type { CollectingQuarter } from "@/lib/analytics/types";

/** "5+ of 153 invited (3%+)": the live count in steps of k, never an exact one (it would date each answer). */
export function describeProgress(c: CollectingQuarter, k: number): string {
  if (c.byGroup) return "counts for one team or platform group are published when the survey closes";
  const count = describeTally(c.responses === null ? null : { n: c.responses, atLeast: true }, k);
  if (!c.invited) return `${count} answers so far`;
  const pct = c.responses === null ? null : Math.floor((c.responses / c.invited) * 100);
  return `${count} of ${c.invited} invited${pct === null ? "" : ` (${pct}%+)`}`;
}

/**
 * The quarters still collecting, under a trend: why they have no point yet. A handful of early answers
 * would swing every line, so the quarter is provisional until its survey closes.
 */
export function CollectingNote({ collecting, k }: { collecting: readonly CollectingQuarter[]; k: number }) {
  if (collecting.length === 0) return null;
  return (
    <ul className="collecting-note" data-testid="collecting-note">
      {collecting.map((c) => (
        <li key={c.period}>
          <span className="badge badge-warn">{c.period} collecting</span> <span>{describeProgress(c, k)}</span>{" "}
          <span className="muted">· too few to compare: it joins the trend when “{c.title}” closes</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A faded dashed line where a collecting quarter will go: drawn apart, with no value. Only the first is
 * labelled (two labels side by side overlap on a phone), to the line's left so the chart's edge never clips it.
 * Call, don't render as a component.
 */
export function collectingMarkers(collecting: readonly CollectingQuarter[]) {
  return collecting.map((c, i) => (
    <ReferenceLine
      key={`collecting-${c.period}`}
      x={c.period}
      className="collecting-marker"
      stroke="#8a93a6"
      strokeOpacity={0.7}
      strokeDasharray="2 4"
      label={i === 0 ? { value: "collecting", position: "insideTopRight", fontSize: 11, fill: "#8a93a6" } : undefined}
    />
  ));
}
