"use client";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { FilterParams } from "@/lib/analytics/hooks";
import type { DimensionTrends } from "@/lib/analytics/types";
import { AnalyticsCard, ExportButton, HiddenValue } from "./analytics-card";
import { CollectingNote, collectingMarkers } from "./collecting-note";
import { formatInterval, formatMean, formatPct, SERIES_COLORS } from "./format";
import { useAnalyticsSource, useDimensionTrends } from "@/lib/analytics/hooks";
import { targetsForChart } from "@/lib/targets/chart-targets";
import { useTargets } from "@/lib/targets/hooks";
import { TableScroll } from "@/components/ui/table-scroll";

export function DimensionChart({
  trends,
  height = 280,
  goals = [],
}: {
  trends: DimensionTrends;
  height?: number;
  /** Targets on a dimension of this chart's group: a dashed line at the goal, in the dimension's colour. */
  goals?: readonly { metricKey: string; goal: number; due: string }[];
}) {
  const data = trends.periods.map((period) => {
    const row: Record<string, unknown> = { period };
    for (const d of trends.dimensions) {
      const p = d.points.find((x) => x.period === period);
      row[d.key] = p && !p.hidden ? Math.round(p.mean * 100) / 100 : null;
    }
    return row;
  });
  return (
    <div
      className="chart"
      role="img"
      aria-label="Mean score per dimension and quarter, 1 to 5; the table below lists the values"
    >
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: -20 }}>
          <CartesianGrid stroke="#8a93a633" strokeDasharray="3 3" />
          <XAxis dataKey="period" stroke="#8a93a6" fontSize={12} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} stroke="#8a93a6" fontSize={12} />
          <Tooltip
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {collectingMarkers(trends.collecting)}
          {goals.map((g) => {
            const i = trends.dimensions.findIndex((d) => d.key === g.metricKey);
            if (i < 0) return null;
            return (
              <ReferenceLine
                key={`goal${g.metricKey}${g.goal}${g.due}`}
                y={g.goal}
                stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
                strokeWidth={2}
                strokeDasharray="8 4"
                className="target-line"
                label={{
                  value: `${trends.dimensions[i].name} target ${formatMean(g.goal)} by ${g.due}`,
                  position: "insideBottomRight",
                  fontSize: 11,
                  fill: SERIES_COLORS[i % SERIES_COLORS.length],
                }}
              />
            );
          })}
          {trends.dimensions.map((d, i) => (
            <Line
              key={d.key}
              dataKey={d.key}
              name={d.name}
              stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function DimensionTable({ trends }: { trends: DimensionTrends }) {
  return (
    <TableScroll label="Dimension scores by quarter">
      <table className="table" data-testid="dimension-table">
        <caption className="sr-only">Dimension scores by quarter: mean (1–5), % favorable and 95% interval</caption>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            {trends.periods.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trends.dimensions.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.name}</th>
              {trends.periods.map((period) => {
                const p = d.points.find((x) => x.period === period);
                if (!p)
                  return (
                    <td key={period} className="muted">
                      —
                    </td>
                  );
                if (p.hidden)
                  return (
                    <td key={period}>
                      <HiddenValue k={trends.k} reason={p.reason} compact />
                    </td>
                  );
                return (
                  <td key={period} title={`${p.n} respondents`}>
                    <strong>{formatMean(p.mean)}</strong>{" "}
                    <span className="muted small">{formatPct(p.favorablePct)} fav.</span>
                    {/* In the cell, not only in a tooltip: touch and keyboard users read it too. */}
                    <div className="muted small">95%: {formatInterval(p.ciLow, p.ciHigh, 2)}</div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function DimensionTrendsCard({ filter }: { filter: FilterParams }) {
  const query = useDimensionTrends(filter);
  const targets = useTargets({ enabled: !useAnalyticsSource().shared });
  const goals = targetsForChart(targets.data ?? [], { metric: "dimension", ...filter });
  return (
    <AnalyticsCard
      title="Dimension scores"
      testId="dimension-trends"
      query={query}
      isEmpty={(d) => d.dimensions.length === 0}
      empty="No scored questions answered in this range yet."
      actions={<ExportButton table="dimensions" filter={filter} />}
    >
      {(trends) => (
        <div className="stack">
          <DimensionChart trends={trends} goals={goals} />
          <CollectingNote collecting={trends.collecting} k={trends.k} />
          <DimensionTable trends={trends} />
        </div>
      )}
    </AnalyticsCard>
  );
}
