"use client";
// The roadmap: planned backlog items by target quarter; a passed quarter's items show their measure
// before and after.
import { backlogStatusLabels } from "@/lib/backlog/constants";
import { QueryError } from "@/components/ui/query-error";
import { useRoadmap, type RoadmapData } from "@/lib/targets/hooks";
import { PlanResult } from "./plan-result";

export function RoadmapView({ initial }: { initial: RoadmapData }) {
  const roadmap = useRoadmap(initial);
  if (roadmap.isError)
    return <QueryError what="the roadmap" error={roadmap.error} onRetry={() => void roadmap.refetch()} />;
  const { quarters, currentQuarter } = roadmap.data;
  if (quarters.length === 0)
    return (
      <div className="card muted" data-testid="roadmap-empty">
        Nothing planned yet. Give a backlog item a target quarter in its Action plan, or plan the work a golden-path
        step needs from its journey map.
      </div>
    );
  return (
    <div className="roadmap" data-testid="roadmap">
      {quarters.map((q) => (
        <section key={q.period} className="card stack roadmap-quarter" aria-labelledby={`rq-${q.period}`}>
          <h2 id={`rq-${q.period}`} className="row-between">
            <span>{q.period}</span>
            <span className="badge">
              {q.period === currentQuarter ? "This quarter" : q.past ? "Passed" : "Planned"} · {q.items.length}
            </span>
          </h2>
          <ul className="stack roadmap-items">
            {q.items.map((item) => (
              <li key={item.id} className="roadmap-item" data-testid="roadmap-item">
                <div className="row-between">
                  <strong>{item.label}</strong>
                  <span className={`badge backlog-badge-${item.status}`}>{backlogStatusLabels[item.status]}</span>
                </div>
                <div className="muted small">
                  {item.owner ? `Owner ${item.owner}` : "No owner"}
                  {item.effort ? ` · effort ${item.effort}` : ""}
                  {item.measure ? ` · measured by ${item.measure.label}` : ""}
                </div>
                {item.measure && q.past ? <PlanResult plan={item} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
