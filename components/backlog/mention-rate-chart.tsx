"use client";
import {
  Area,
  ComposedChart,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { MentionRate } from "@/lib/backlog/queries";
import { percent } from "./format";

/** A quarter's rate in words: "12.5% (5 of 40; 95% interval 5.5% to 26.1%)", or why it has none. */
function describeRate(r: MentionRate): string {
  if (r.collecting)
    return `still collecting${r.respondents === null ? "" : ` (${r.respondents}+ answers so far)`}: no rate until its surveys close`;
  if (r.rate === null) return "hidden (too few responses)";
  const interval =
    r.low !== null && r.high !== null ? `; 95% interval ${percent(r.low, 1)} to ${percent(r.high, 1)}` : "";
  return `${percent(r.rate, 1)} (${r.mentioners} of ${r.respondents}${interval})`;
}

/**
 * Closing the loop: share of each quarter's respondents who mention the theme, with its 95% interval.
 * A marker shows the quarter in which the item was marked done (or its status last changed), so a drop
 * is visible. A quarter still collecting has no point: the line ends at the last closed quarter and a
 * faded dashed mark stands where the live one will go, so a handful of early answers never reads as a spike.
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
  const data = rates.map((r) => ({
    period: r.period,
    rate: r.rate,
    band: r.low !== null && r.high !== null ? [r.low, r.high] : null,
  }));
  const collecting = rates.filter((r) => r.collecting);
  // A round top (5% steps) so the axis reads 0 / 10% / 20%, not 0 / 6% / 11%.
  const max = Math.ceil(Math.max(0.05, ...rates.map((r) => r.rate ?? 0)) * 20) / 20;
  if (compact) {
    // The sparkline ends at the last closed quarter: it has no room to explain a live one.
    const closed = data.filter((_, i) => !rates[i].collecting);
    return (
      <div style={{ width: 90, height: 28 }} aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={closed} margin={{ top: 3, right: 3, bottom: 3, left: 3 }}>
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
  // The band may reach above the tallest rate: scale to it so the interval is not clipped.
  const top = Math.ceil(Math.max(max, ...rates.map((r) => r.high ?? 0)) * 20) / 20;
  return (
    <figure className="backlog-figure">
      <div style={{ width: "100%", height: 150 }} aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <XAxis dataKey="period" stroke="var(--muted)" fontSize={12} />
            <YAxis
              domain={[0, top]}
              ticks={[0, top / 2, top]}
              tickFormatter={(v: number) => percent(v, (v * 100) % 1 ? 1 : 0)}
              stroke="var(--muted)"
              fontSize={12}
              width={48}
            />
            <Tooltip
              formatter={(v) =>
                Array.isArray(v)
                  ? `${percent(Number(v[0]), 1)} to ${percent(Number(v[1]), 1)}`
                  : typeof v === "number"
                    ? percent(v, 1)
                    : "hidden"
              }
            />
            {marker ? (
              <ReferenceLine
                x={marker.period}
                stroke="var(--good)"
                strokeDasharray="4 3"
                label={{ value: marker.label, position: "insideTopRight", fill: "var(--good)", fontSize: 11 }}
              />
            ) : null}
            {collecting.map((r, i) => (
              <ReferenceLine
                key={r.period}
                x={r.period}
                className="collecting-marker"
                stroke="var(--muted)"
                strokeOpacity={0.7}
                strokeDasharray="2 4"
                label={
                  i === 0
                    ? { value: "collecting", position: "insideBottomRight", fill: "var(--muted)", fontSize: 11 }
                    : undefined
                }
              />
            ))}
            <Area
              dataKey="band"
              name="95% interval"
              stroke="none"
              fill="var(--accent)"
              fillOpacity={0.14}
              isAnimationActive={false}
              connectNulls={false}
            />
            <Line
              type="monotone"
              dataKey="rate"
              name="Mention rate"
              stroke="var(--accent)"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
              connectNulls
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="small muted" data-testid="mention-rate-caption">
        Shaded: 95% interval.
        {collecting.map((r) => ` ${r.period} is ${describeRate(r)}.`).join("")}
        <span className="sr-only">
          {" "}
          Mention rate per quarter: {rates.map((r) => `${r.period} ${describeRate(r)}`).join("; ")}
          {marker ? `. ${marker.label} in ${marker.period}.` : ""}
        </span>
      </figcaption>
    </figure>
  );
}
