"use client";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { alignReplacedSteps, formatMinutes } from "@/lib/journeys/comparison";
import type { JourneyStepView } from "@/lib/journeys/types";
import { loadTypeColors } from "./load-colors";
import { LOAD_TYPES, loadTypeLabels, painLabels, painScore } from "@/lib/journeys/constants";

const ordered = (steps: JourneyStepView[], path: "current" | "golden") =>
  steps
    .filter((s) => s.path === path && !(path === "golden" && s.outcome === "eliminated"))
    .sort((a, b) => a.position - b.position)
    .map((s, i) => ({ ...s, label: `${i + 1}. ${s.name}`, short: `${i + 1}` }));

/** Per-step time and load, coloured by load type, current beside golden; and the pain curve. */
export function JourneyCharts({ steps }: { steps: JourneyStepView[] }) {
  const current = ordered(steps, "current");
  const golden = ordered(steps, "golden");
  const longest = Math.max(1, ...current.map((s) => s.minutes), ...golden.map((s) => s.minutes));
  // A golden step sits beside the current step it replaces, not beside the step with its number.
  const painRows = alignReplacedSteps(steps).map((row, i) => ({
    step: i + 1,
    current: row.current ? painScore[row.current.pain] : null,
    golden: row.golden ? painScore[row.golden.pain] : null,
    currentName: row.current?.name,
    goldenName: row.golden?.name,
  }));

  return (
    <section className="card stack" aria-labelledby="journey-charts-heading" data-testid="journey-charts">
      <div className="row-between">
        <h2 id="journey-charts-heading">Time, load and pain per step</h2>
        <ul className="journey-legend" aria-label="Load type colours">
          {LOAD_TYPES.map((t) => (
            <li key={t}>
              <span className="journey-swatch" style={{ background: loadTypeColors[t] }} aria-hidden />{" "}
              {loadTypeLabels[t]}
            </li>
          ))}
        </ul>
      </div>
      <div className="grid-2">
        <StepBars title="Current path: minutes per step" rows={current} metric="minutes" max={longest} />
        <StepBars title="Golden path: minutes per step" rows={golden} metric="minutes" max={longest} />
        <StepBars title="Current path: load level per step" rows={current} metric="loadLevel" max={5} />
        <StepBars title="Golden path: load level per step" rows={golden} metric="loadLevel" max={5} />
      </div>
      <figure className="journey-chart" aria-label="Pain along the steps, current and golden path">
        <figcaption className="label">Pain curve along the steps</figcaption>
        <p className="muted small">A golden step is drawn beside the current step it replaces.</p>
        {painRows.length ? (
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={painRows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#8884" />
              <XAxis
                dataKey="step"
                tick={{ fontSize: 12 }}
                label={{ value: "Step", position: "insideBottomRight", offset: -2, fontSize: 12 }}
              />
              <YAxis
                domain={[1, 3]}
                ticks={[1, 2, 3]}
                tickFormatter={(v: number) => ["", "Low", "Medium", "High"][v] ?? ""}
                width={64}
                tick={{ fontSize: 12 }}
              />
              <Tooltip
                formatter={(value, name, item) => {
                  const row = item.payload as (typeof painRows)[number];
                  const stepName = name === "Current" ? row.currentName : row.goldenName;
                  const pain = (["", "low", "medium", "high"] as const)[Number(value)];
                  return [`${pain ? painLabels[pain] : "—"} — ${stepName ?? ""}`, name];
                }}
              />
              <Legend />
              <Line
                type="monotone"
                dataKey="current"
                name="Current"
                stroke="#e0533d"
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
              />
              <Line
                type="monotone"
                dataKey="golden"
                name="Golden"
                stroke="#16a34a"
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        ) : (
          <p className="muted small">Add steps to see the pain curve.</p>
        )}
      </figure>
    </section>
  );
}

/** One-line step names on the category axis; recharts would otherwise wrap them into the bars. */
function StepTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value: string } }) {
  const value = payload?.value ?? "";
  return (
    <text x={Number(x)} y={Number(y)} dy={4} textAnchor="end" fontSize={11} fill="currentColor">
      <title>{value}</title>
      {value.length > 30 ? `${value.slice(0, 29)}…` : value}
    </text>
  );
}

/** Axis ticks: "45m", "6h", "3d" (8-hour days). */
function compactMinutes(v: number) {
  if (v < 60) return `${Math.round(v)}m`;
  if (v < 480) return `${Math.round((v / 60) * 10) / 10}h`;
  return `${Math.round((v / 480) * 10) / 10}d`;
}

function StepBars({
  title,
  rows,
  metric,
  max,
}: {
  title: string;
  rows: ReturnType<typeof ordered>;
  metric: "minutes" | "loadLevel";
  max: number;
}) {
  const height = Math.max(120, rows.length * 30 + 40);
  return (
    <figure className="journey-chart" aria-label={title}>
      <figcaption className="label">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="muted small">No steps on this path yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#8884" />
            <XAxis
              type="number"
              domain={[0, max]}
              tick={{ fontSize: 11 }}
              tickFormatter={(v: number) => (metric === "minutes" ? compactMinutes(v) : String(v))}
            />
            <YAxis type="category" dataKey="label" width={190} interval={0} tick={StepTick} />
            <Tooltip
              formatter={(value) => [
                metric === "minutes" ? formatMinutes(Number(value)) : `${value} of 5`,
                metric === "minutes" ? "Time" : "Load level",
              ]}
              labelFormatter={(label, payload) => {
                const row = payload?.[0]?.payload as JourneyStepView | undefined;
                return row ? `${label} (${loadTypeLabels[row.loadType].toLowerCase()})` : String(label);
              }}
            />
            <Bar dataKey={metric} isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.id} fill={loadTypeColors[r.loadType]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
