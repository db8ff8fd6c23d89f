"use client";
// A planned item's success measure before and after its target quarter, with intervals.
import { useFormat } from "@/components/ui/locale";
import type { PlanData } from "@/lib/targets/hooks";
import { formatTargetValue } from "@/lib/targets/format-value";

type Planned = NonNullable<PlanData>;
type Side = NonNullable<Planned["result"]>["before"];

export function PlanResult({ plan }: { plan: Planned }) {
  const format = useFormat();
  if (!plan.measure) return <span className="muted small">No success measure set.</span>;
  const kind = plan.measure.kind;
  const r = plan.result;
  if (!r) return <span className="muted small">Measured after {plan.targetQuarter}.</span>;
  const side = (m: Side) =>
    m ? (
      <>
        {formatTargetValue(format, kind, m.value)} in {m.period}
        {m.low !== null && m.high !== null ? (
          <span className="muted">
            {" "}
            (95% interval {format.interval(m.low, m.high, kind === "dimension" || kind === "question" ? 2 : 0)})
          </span>
        ) : null}
      </>
    ) : (
      <span className="muted">{r.hidden ? "hidden (fewer than k responses)" : "no closed quarter yet"}</span>
    );
  return (
    <span className="small" data-testid="plan-result">
      Before: {side(r.before)} · After: {side(r.after)}
      {r.change !== null ? (
        r.withinNoise ? (
          <span
            className="badge"
            title="The before value lies inside the after interval: not yet distinguishable from noise"
          >
            {" "}
            within noise
          </span>
        ) : (
          <span
            className={`badge ${(kind === "timing" || kind === "journey_step") === r.change < 0 ? "badge-good" : "badge-bad"}`}
          >
            {r.change > 0 ? "rose" : "fell"}
          </span>
        )
      ) : null}
    </span>
  );
}
