// The report's charts as inline SVG, rendered on the server: vector in print, no script needed.
import type { Formatter } from "@/lib/format";
import type { LeadershipReport } from "@/lib/report/queries";

const W = 560;
const H = 200;
const PAD = { left: 40, right: 36, top: 14, bottom: 30 };

/** NPS per quarter with its 95% interval as a whisker; the report's quarter is drawn solid. */
export function NpsTrendSvg({ report, format }: { report: LeadershipReport; format: Formatter }) {
  const points = report.nps.trend.slice(-6);
  if (points.length === 0) return null;
  const lo = Math.max(-100, Math.floor(Math.min(0, ...points.map((p) => p.ciLow)) / 20) * 20);
  const hi = Math.min(100, Math.ceil(Math.max(20, ...points.map((p) => p.ciHigh)) / 20) * 20);
  const x = (i: number) =>
    PAD.left +
    (points.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i / (points.length - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const ticks = [lo, (lo + hi) / 2, hi];
  return (
    <svg
      className="report-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`NPS by quarter: ${points.map((p) => `${p.period} ${format.nps(p.score)} (95% interval ${format.interval(p.ciLow, p.ciHigh)})`).join("; ")}`}
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#d1d5db" strokeDasharray="3 3" />
          <text x={PAD.left - 6} y={y(t) + 4} fontSize="11" textAnchor="end" fill="currentColor">
            {format.nps(t)}
          </text>
        </g>
      ))}
      <polyline
        fill="none"
        stroke="#4f46e5"
        strokeWidth={2}
        points={points.map((p, i) => `${x(i)},${y(p.score)}`).join(" ")}
      />
      {points.map((p, i) => (
        <g key={p.period}>
          <line x1={x(i)} x2={x(i)} y1={y(p.ciLow)} y2={y(p.ciHigh)} stroke="#4f46e5" strokeWidth={1.2} opacity={0.6} />
          <circle
            cx={x(i)}
            cy={y(p.score)}
            r={p.period === report.period ? 5 : 3.5}
            fill={p.period === report.period ? "#4f46e5" : "#fff"}
            stroke="#4f46e5"
            strokeWidth={2}
          />
          <text x={x(i)} y={H - 10} fontSize="11" textAnchor="middle" fill="currentColor">
            {p.period}
          </text>
        </g>
      ))}
    </svg>
  );
}
