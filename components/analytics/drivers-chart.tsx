// The driver chart and priority matrix as plain markup and SVG: rendered by the results page's card
// (client) and by the leadership report (server), so both read the same.
import { DRIVER_PRIORITIES, driverPriorityLabels, type DriverPriority } from "@/lib/analytics/drivers";
import type { Formatter } from "@/lib/format";

export type DriverRow = {
  dimension: string;
  name: string;
  score: number;
  share: number;
  low: number;
  high: number;
  rank: number;
  priority: DriverPriority;
};

const ROW = 30;
const LABEL = 170;
const WIDTH = 560;

/** Horizontal bars of each driver's share of explained variance, with its 95% bootstrap interval as a whisker. */
export function DriversChart({ drivers, format, title }: { drivers: DriverRow[]; format: Formatter; title: string }) {
  const max = Math.min(1, Math.max(0.2, ...drivers.map((d) => d.high)));
  const x = (v: number) => LABEL + (Math.max(0, v) / max) * (WIDTH - LABEL - 60);
  const height = drivers.length * ROW + 8;
  return (
    <svg
      className="drivers-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`${title}: ${drivers.map((d) => `${d.name} ${format.percent(d.share)} (95% interval ${format.percent(d.low)} to ${format.percent(d.high)})`).join("; ")}`}
      data-testid="drivers-chart"
    >
      {drivers.map((d, i) => {
        const y = i * ROW + 4;
        return (
          <g key={d.dimension}>
            <text x={0} y={y + 17} fontSize="13" fill="currentColor">
              {d.rank}. {d.name.length > 24 ? `${d.name.slice(0, 23)}…` : d.name}
            </text>
            <rect x={LABEL} y={y + 5} width={x(d.share) - LABEL} height={16} rx={3} fill="#4f46e5" opacity={0.8} />
            <line x1={x(d.low)} x2={x(d.high)} y1={y + 13} y2={y + 13} stroke="#1e1b4b" strokeWidth={1.5} />
            <line x1={x(d.low)} x2={x(d.low)} y1={y + 8} y2={y + 18} stroke="#1e1b4b" strokeWidth={1.5} />
            <line x1={x(d.high)} x2={x(d.high)} y1={y + 8} y2={y + 18} stroke="#1e1b4b" strokeWidth={1.5} />
            <text x={x(d.high) + 6} y={y + 17} fontSize="12" fill="currentColor">
              {format.percent(d.share)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Low score × high importance first: the four quadrants as lists, so it reads without colour. */
export function DriverPriorities({ drivers, format }: { drivers: DriverRow[]; format: Formatter }) {
  return (
    <div className="driver-matrix" data-testid="driver-priorities">
      {DRIVER_PRIORITIES.map((p) => {
        const members = drivers.filter((d) => d.priority === p);
        return (
          <div key={p} className={`driver-quadrant driver-${p}`}>
            <h3 className="small">
              {driverPriorityLabels[p].title} <span className="muted">({driverPriorityLabels[p].hint})</span>
            </h3>
            {members.length ? (
              <ul>
                {members.map((d) => (
                  <li key={d.dimension}>
                    {d.name} <span className="muted small">· score {format.mean(d.score)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">None</p>
            )}
          </div>
        );
      })}
    </div>
  );
}
