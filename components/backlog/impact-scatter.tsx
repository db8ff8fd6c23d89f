"use client";
import {
  CartesianGrid,
  Label,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { BacklogListItem } from "@/lib/backlog/queries";
import { quadrantLabels } from "@/lib/backlog/prioritise";
import { percent, quadrantColor } from "./format";

type Point = { id: string; label: string; share: number; impact: number; item: BacklogListItem };

/**
 * Impact × frequency. The chart is a picture for pointer users; keyboard and screen-reader users
 * pick items from the ranked list beside it, which carries the same data.
 */
export function ImpactScatter({
  items,
  thresholds,
  selectedId,
  onSelect,
}: {
  items: BacklogListItem[];
  thresholds: { frequencyThreshold: number; impactThreshold: number };
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const points: Point[] = items.map((item) => ({
    id: item.id,
    label: item.label,
    share: item.share,
    impact: item.impact,
    item,
  }));
  const maxShare = Math.max(thresholds.frequencyThreshold * 2, ...points.map((p) => p.share * 1.15), 0.05);
  const xMax = Math.min(1, Math.ceil(maxShare * 20) / 20);
  const step = xMax <= 0.3 ? 0.05 : xMax <= 0.6 ? 0.1 : 0.2;
  const xTicks = Array.from({ length: Math.floor(xMax / step + 1e-9) + 1 }, (_, i) => Math.round(i * step * 100) / 100);
  const fx = thresholds.frequencyThreshold;
  const fy = thresholds.impactThreshold;
  return (
    <div
      className="backlog-scatter"
      role="img"
      aria-label={`Impact against frequency for ${items.length} themes; the ranked list has the same data.`}
    >
      <ResponsiveContainer width="100%" height={360}>
        <ScatterChart accessibilityLayer={false} margin={{ top: 12, right: 16, bottom: 28, left: 4 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <ReferenceArea x1={fx} x2={xMax} y1={fy} y2={1} fill="var(--bad-soft)" fillOpacity={0.5} ifOverflow="hidden">
            <Label
              value={quadrantLabels.do_first}
              position="insideTopRight"
              fill="var(--bad)"
              fontSize={12}
              fontWeight={600}
            />
          </ReferenceArea>
          <ReferenceArea x1={0} x2={fx} y1={fy} y2={1} fill="var(--warn-soft)" fillOpacity={0.4} ifOverflow="hidden">
            <Label
              value={quadrantLabels.schedule}
              position="insideTopLeft"
              fill="var(--warn)"
              fontSize={12}
              fontWeight={600}
            />
          </ReferenceArea>
          <ReferenceArea
            x1={fx}
            x2={xMax}
            y1={0}
            y2={fy}
            fill="var(--accent-soft)"
            fillOpacity={0.4}
            ifOverflow="hidden"
          >
            <Label
              value={quadrantLabels.automate_or_document}
              position="insideBottomRight"
              fill="var(--accent)"
              fontSize={12}
              fontWeight={600}
            />
          </ReferenceArea>
          <ReferenceArea x1={0} x2={fx} y1={0} y2={fy} fill="var(--surface-2)" fillOpacity={0.4} ifOverflow="hidden">
            <Label
              value={quadrantLabels.ignore}
              position="insideBottomLeft"
              fill="var(--muted)"
              fontSize={12}
              fontWeight={600}
            />
          </ReferenceArea>
          <ReferenceLine x={fx} stroke="var(--muted)" strokeDasharray="4 4" />
          <ReferenceLine y={fy} stroke="var(--muted)" strokeDasharray="4 4" />
          <XAxis
            type="number"
            dataKey="share"
            domain={[0, xMax]}
            ticks={xTicks}
            tickFormatter={(v: number) => percent(v)}
            stroke="var(--muted)"
            fontSize={12}
            label={{
              value: "Frequency (share of respondents)",
              position: "bottom",
              offset: 10,
              fill: "var(--muted)",
              fontSize: 12,
            }}
          />
          <YAxis
            type="number"
            dataKey="impact"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            stroke="var(--muted)"
            fontSize={12}
            label={{ value: "Impact", angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 12 }}
          />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            content={({ active, payload }) => {
              const p = active && payload?.[0] ? (payload[0].payload as Point) : null;
              if (!p) return null;
              return (
                <div className="backlog-tooltip">
                  <strong>{p.label}</strong>
                  <div className="small">
                    {percent(p.share, 1)} of respondents ({p.item.respondents}) · impact {p.impact.toFixed(2)}
                  </div>
                </div>
              );
            }}
          />
          <Scatter
            data={points}
            isAnimationActive={false}
            shape={(props: unknown) => {
              const { cx, cy, payload } = props as { cx: number; cy: number; payload: Point };
              const selected = payload.id === selectedId;
              const closed = payload.item.status === "done" || payload.item.status === "wont_do";
              return (
                <circle
                  cx={cx}
                  cy={cy}
                  r={selected ? 9 : 6}
                  fill={quadrantColor[payload.item.quadrant]}
                  fillOpacity={closed ? 0.3 : 0.85}
                  stroke={selected ? "var(--text)" : "var(--surface)"}
                  strokeWidth={selected ? 2.5 : 1.5}
                  style={{ cursor: "pointer" }}
                  onClick={() => onSelect(payload.id)}
                />
              );
            }}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
