"use client";
import {
  CartesianGrid,
  Label,
  type LabelProps,
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

/** About the width of a 12px bold character, to tell whether a quadrant's name fits its area on one line. */
const CHAR_WIDTH = 7;
const PAD = 6;
const LINE = 14;

/**
 * A quadrant's name in one corner of its area, on two lines when one would not fit: on a phone the
 * chart is narrow and "Automate or document" ran into "Ignore for now".
 */
function quadrantName(text: string, corner: "topLeft" | "topRight" | "bottomLeft" | "bottomRight", color: string) {
  function QuadrantName(props: LabelProps) {
    const {
      x = 0,
      y = 0,
      width = 0,
      height = 0,
    } = (props.viewBox ?? {}) as Partial<Record<"x" | "y" | "width" | "height", number>>;
    // The space nearest the middle splits the name.
    const space = [...text].reduce(
      (best, c, i) =>
        c === " " && (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) ? i : best,
      -1,
    );
    const lines =
      text.length * CHAR_WIDTH <= width - 2 * PAD || space < 0 ? [text] : [text.slice(0, space), text.slice(space + 1)];
    const right = corner.endsWith("Right");
    const tx = right ? x + width - PAD : x + PAD;
    const ty = corner.startsWith("top") ? y + PAD + 10 : y + height - PAD - (lines.length - 1) * LINE;
    return (
      <text x={tx} y={ty} textAnchor={right ? "end" : "start"} fill={color} fontSize={12} fontWeight={600}>
        {lines.map((line, i) => (
          <tspan key={line} x={tx} dy={i ? LINE : 0}>
            {line}
          </tspan>
        ))}
      </text>
    );
  }
  return QuadrantName;
}

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
            <Label content={quadrantName(quadrantLabels.do_first, "topRight", "var(--bad)")} />
          </ReferenceArea>
          <ReferenceArea x1={0} x2={fx} y1={fy} y2={1} fill="var(--warn-soft)" fillOpacity={0.4} ifOverflow="hidden">
            <Label content={quadrantName(quadrantLabels.schedule, "topLeft", "var(--warn)")} />
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
            <Label content={quadrantName(quadrantLabels.automate_or_document, "bottomRight", "var(--accent)")} />
          </ReferenceArea>
          <ReferenceArea x1={0} x2={fx} y1={0} y2={fy} fill="var(--surface-2)" fillOpacity={0.4} ifOverflow="hidden">
            <Label content={quadrantName(quadrantLabels.ignore, "bottomLeft", "var(--muted)")} />
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
