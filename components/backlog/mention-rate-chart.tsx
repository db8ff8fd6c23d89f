"use client";
import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MentionRate } from "@/lib/backlog/queries";
import { percent } from "./format";

/**
 * Closing the loop: share of each quarter's respondents who mention the theme. A marker shows the
 * quarter in which the item was marked done (or its status last changed), so a drop is visible.
 */
export function MentionRateChart({
  rates,
  marker,
  compact = false,
}: {
  rates: MentionRate[];
  marker?: { period: string; label: string } | null;
  compact?: boolean;
}) {
  const data = rates.map((r) => ({ period: r.period, rate: r.rate }));
  // A round top (5% steps) so the axis reads 0 / 10% / 20%, not 0 / 6% / 11%.
  const max = Math.ceil(Math.max(0.05, ...rates.map((r) => r.rate ?? 0)) * 20) / 20;
  if (compact) {
    return (
      <div style={{ width: 90, height: 28 }} aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 3, right: 3, bottom: 3, left: 3 }}>
            <YAxis hide domain={[0, max]} />
            <Line
              type="monotone"
              dataKey="rate"
              stroke="var(--accent)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    );
  }
  return (
    <figure className="backlog-figure">
      <div style={{ width: "100%", height: 150 }} aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <XAxis dataKey="period" stroke="var(--muted)" fontSize={12} />
            <YAxis
              domain={[0, max]}
              ticks={[0, max / 2, max]}
              tickFormatter={(v: number) => percent(v, (v * 100) % 1 ? 1 : 0)}
              stroke="var(--muted)"
              fontSize={12}
              width={48}
            />
            <Tooltip formatter={(v) => (typeof v === "number" ? percent(v, 1) : "hidden")} />
            {marker ? (
              <ReferenceLine
                x={marker.period}
                stroke="var(--good)"
                strokeDasharray="4 3"
                label={{ value: marker.label, position: "top", fill: "var(--good)", fontSize: 11 }}
              />
            ) : null}
            <Line
              type="monotone"
              dataKey="rate"
              stroke="var(--accent)"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        Mention rate per quarter:{" "}
        {rates
          .map(
            (r) =>
              `${r.period} ${r.rate === null ? "hidden (too few responses)" : `${percent(r.rate, 1)} (${r.mentioners} of ${r.respondents})`}`,
          )
          .join("; ")}
        {marker ? `. ${marker.label} in ${marker.period}.` : ""}
      </figcaption>
    </figure>
  );
}
