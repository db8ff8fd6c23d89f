"use client";
import type { FilterParams } from "@/lib/analytics/hooks";
import { AnalyticsCard, ExportButton } from "./analytics-card";
import { TeamHeatmap } from "./team-heatmap";
import { useAnalyticsMeta, useTeamComparison } from "@/lib/analytics/hooks";

export function PeriodSelect({
  value,
  onChange,
  id = "view-period",
}: {
  value?: string;
  onChange: (period: string | undefined) => void;
  id?: string;
}) {
  const meta = useAnalyticsMeta();
  const periods = meta.data?.periods ?? [];
  return (
    <label className="row small" htmlFor={id}>
      <span className="sr-only">Quarter shown</span>
      <select
        id={id}
        className="input input-sm"
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">Latest quarter</option>
        {[...periods].reverse().map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TeamHeatmapCard({
  filter,
  onPeriod,
}: {
  filter: FilterParams;
  onPeriod: (p: string | undefined) => void;
}) {
  const query = useTeamComparison(filter);
  return (
    <AnalyticsCard
      title={`Teams × dimensions${query.data?.period ? ` · ${query.data.period}` : ""}`}
      testId="heatmap"
      query={query}
      isEmpty={(d) => !d.period || d.teams.length === 0}
      actions={
        <>
          <PeriodSelect value={filter.period} onChange={onPeriod} id="heatmap-period" />
          <ExportButton table="teams" filter={filter} />
        </>
      }
    >
      {(data) => <TeamHeatmap data={data} />}
    </AnalyticsCard>
  );
}
