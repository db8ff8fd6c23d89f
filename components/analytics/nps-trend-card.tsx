"use client";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { FilterParams } from "@/lib/analytics/hooks";
import type { CollectingQuarter, NpsPoint, NpsTrend } from "@/lib/analytics/types";
import { AnalyticsCard, ExportButton, HiddenValue } from "./analytics-card";
import { CollectingNote, collectingMarkers, describeProgress } from "./collecting-note";
import { formatInterval, formatNps, formatSigned, SERIES_COLORS } from "./format";
import { useAnalyticsSource, useNpsTrend } from "@/lib/analytics/hooks";
import { targetsForChart } from "@/lib/targets/chart-targets";
import { useTargets } from "@/lib/targets/hooks";
import { TableScroll, NumberColumn } from "@/components/ui/table-scroll";

type Series = { name: string; points: NpsPoint[]; color: string };

/** NPS line with its 95% interval as a shaded band, and the 30 (good) / 50 (excellent) reference lines. */
export function NpsChart({
  series,
  collecting = [],
  height = 260,
  goals = [],
}: {
  series: Series[];
  /** Targets on this chart's group: a dashed line at each goal. */
  goals?: readonly { goal: number; due: string }[];
  /** Quarters still collecting: a faded dashed marker, no point. */
  collecting?: readonly CollectingQuarter[];
  height?: number;
}) {
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const data = periods.map((period) => {
    const row: Record<string, unknown> = { period };
    series.forEach((s, i) => {
      const p = s.points.find((x) => x.period === period);
      row[`score${i}`] = p && !p.hidden ? Math.round(p.score * 10) / 10 : null;
      row[`band${i}`] = p && !p.hidden ? [Math.round(p.ciLow * 10) / 10, Math.round(p.ciHigh * 10) / 10] : null;
      row[`n${i}`] = p && !p.hidden ? p.n : null;
    });
    return row;
  });
  return (
    <div
      className="chart"
      role="img"
      aria-label={`NPS by quarter with 95% interval: ${series.map((s) => `${s.name} ${s.points.map((p) => `${p.period} ${p.hidden ? (p.reason === "collecting" ? "still collecting" : "hidden") : formatNps(p.score)}`).join(", ")}`).join("; ")}`}
    >
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#8a93a633" strokeDasharray="3 3" />
          <XAxis dataKey="period" stroke="#8a93a6" fontSize={12} />
          <YAxis domain={[-100, 100]} ticks={[-100, -50, 0, 30, 50, 100]} stroke="#8a93a6" fontSize={12} />
          <ReferenceLine
            y={30}
            stroke="#16a34a"
            strokeDasharray="4 4"
            label={{ value: "30 good", position: "insideTopLeft", fontSize: 11, fill: "#16a34a" }}
          />
          <ReferenceLine
            y={50}
            stroke="#6366f1"
            strokeDasharray="4 4"
            label={{ value: "50 excellent", position: "insideTopLeft", fontSize: 11, fill: "#6366f1" }}
          />
          <ReferenceLine y={0} stroke="#8a93a6" strokeOpacity={0.5} />
          {goals.map((g) => (
            <ReferenceLine
              key={`goal${g.goal}${g.due}`}
              y={g.goal}
              stroke="#d97706"
              strokeWidth={2}
              strokeDasharray="8 4"
              className="target-line"
              label={{
                value: `Target ${formatNps(g.goal)} by ${g.due}`,
                position: "insideBottomRight",
                fontSize: 11,
                fill: "#b45309",
              }}
            />
          ))}
          {collectingMarkers(collecting)}
          {series.map((s, i) => (
            <Area
              key={`band${i}`}
              dataKey={`band${i}`}
              name={`${s.name} 95% interval`}
              stroke="none"
              fill={s.color}
              fillOpacity={0.14}
              isAnimationActive={false}
              connectNulls={false}
              className="nps-interval-band"
            />
          ))}
          {series.map((s, i) => (
            <Line
              key={`score${i}`}
              dataKey={`score${i}`}
              name={s.name}
              stroke={s.color}
              strokeWidth={2.5}
              dot={{ r: 4 }}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
          <Tooltip
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8 }}
            formatter={(value, name) => (Array.isArray(value) ? [`${value[0]} to ${value[1]}`, name] : [value, name])}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function NpsTable({ trend }: { trend: NpsTrend }) {
  return (
    <TableScroll label="NPS by quarter">
      <table className="table" data-testid="nps-table">
        <caption className="sr-only">NPS by quarter</caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <NumberColumn>NPS</NumberColumn>
            <th scope="col">95% interval</th>
            <NumberColumn>Responses</NumberColumn>
            <th scope="col">Promoters / passives / detractors</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {trend.points.map((p) => {
            const change = trend.changes.find((c) => c.to === p.period);
            return (
              <tr key={p.period}>
                <th scope="row">{p.period}</th>
                {p.hidden ? (
                  <td colSpan={4}>
                    <HiddenValue k={trend.k} reason={p.reason} />
                    {progressOf(trend, p.period)}
                  </td>
                ) : (
                  <>
                    <td className="right">
                      <strong>{formatNps(p.score)}</strong>
                    </td>
                    <td className="muted">{formatInterval(p.ciLow, p.ciHigh)}</td>
                    <td className="right">{p.n}</td>
                    <td className="muted">
                      {p.promoters} / {p.passives} / {p.detractors}
                    </td>
                  </>
                )}
                <td>
                  {change ? (
                    <ChangeBadge delta={change.delta} margin={change.margin} withinNoise={change.withinNoise} />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function progressOf(trend: NpsTrend, period: string) {
  const c = trend.collecting.find((x) => x.period === period);
  return c ? <span className="muted small"> · {describeProgress(c, trend.k)}</span> : null;
}

export function ChangeBadge({ delta, margin, withinNoise }: { delta: number; margin: number; withinNoise: boolean }) {
  const text = `${formatSigned(delta)} (±${Math.round(margin)})`;
  if (withinNoise)
    return (
      <span className="badge" title="The 95% interval of the change includes zero: it may be sampling noise">
        {text} · within noise
      </span>
    );
  return (
    <span className={`badge ${delta > 0 ? "badge-good" : "badge-bad"}`}>
      {text} · {delta > 0 ? "real rise" : "real drop"}
    </span>
  );
}

export function NpsTrendCard({ filter }: { filter: FilterParams }) {
  const query = useNpsTrend(filter);
  // Targets need a session: a shared view draws none.
  const targets = useTargets({ enabled: !useAnalyticsSource().shared });
  const goals = targetsForChart(targets.data ?? [], { metric: "nps", ...filter });
  return (
    <AnalyticsCard
      title="Platform NPS"
      testId="nps-trend"
      query={query}
      isEmpty={(d) => d.points.length === 0}
      empty="No NPS answers in this range yet."
      actions={<ExportButton table="nps" filter={filter} />}
    >
      {(trend) => {
        const shown = trend.points.filter((p) => !p.hidden);
        const last = shown.at(-1);
        const change = last ? trend.changes.find((c) => c.to === last.period) : undefined;
        return (
          <div className="stack">
            {last && !last.hidden ? (
              <div className="row">
                <div>
                  <div className="stat-label">
                    {last.period}
                    {trend.collecting.length ? " · last closed quarter" : ""}
                  </div>
                  <div className="stat" data-testid="nps-latest">
                    {formatNps(last.score)}
                  </div>
                </div>
                <div className="muted small">
                  95% interval {formatInterval(last.ciLow, last.ciHigh)} · {last.n} responses
                  <br />
                  {change ? <ChangeBadge {...change} /> : null}
                </div>
              </div>
            ) : null}
            <NpsChart
              series={[{ name: "NPS", points: trend.points, color: SERIES_COLORS[0] }]}
              collecting={trend.collecting}
              goals={goals}
            />
            <CollectingNote collecting={trend.collecting} k={trend.k} />
            <details>
              <summary className="small">Table</summary>
              <NpsTable trend={trend} />
            </details>
          </div>
        );
      }}
    </AnalyticsCard>
  );
}
