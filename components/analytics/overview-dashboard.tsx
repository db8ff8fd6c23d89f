"use client";
import { DimensionTrendsCard } from "./dimension-trends-card";
import { DoraCard } from "./dora-card";
import { FilterBar } from "./filter-bar";
import { SuppressionNotice } from "./suppression-notice";
import { useAnalyticsMeta, useFilterNotice } from "@/lib/analytics/hooks";
import { NpsTrendCard } from "./nps-trend-card";
import { ResponseRatesCard } from "./response-rates-card";
import { TeamHeatmapCard } from "./team-heatmap-card";
import { useAnalyticsFilter } from "./use-analytics-filter";

/** The leadership overview; `backlog` is the top-backlog card rendered by the page, `targets` the targets card. */
export function OverviewDashboard({ backlog, targets }: { backlog?: React.ReactNode; targets?: React.ReactNode }) {
  const { filter, setFilter } = useAnalyticsFilter();
  const notice = useFilterNotice(filter);
  const meta = useAnalyticsMeta();
  const nameOf = (id: string) => meta.data?.teams.find((t) => t.id === id)?.name ?? "This team";
  const nothingShown = notice.data?.notice?.nothingShown ?? false;
  return (
    <div className="stack">
      <FilterBar options={notice.data?.options} />
      <SuppressionNotice
        notice={notice.data?.notice}
        k={notice.data?.k ?? 5}
        filter={filter}
        nameOf={nameOf}
        onChange={setFilter}
      />
      {/* With nothing to show, the notice speaks for the view instead of a hidden marker on every card. */}
      {nothingShown ? null : <OverviewCards backlog={backlog} targets={targets} />}
    </div>
  );
}

function OverviewCards({ backlog, targets }: { backlog?: React.ReactNode; targets?: React.ReactNode }) {
  const { filter, setFilter } = useAnalyticsFilter();
  return (
    <>
      <div className="grid-2 overview-top">
        <NpsTrendCard filter={filter} />
        <DimensionTrendsCard filter={filter} />
      </div>
      {targets}
      <TeamHeatmapCard filter={filter} onPeriod={(period) => setFilter({ period })} />
      <div className="grid-2">
        <ResponseRatesCard filter={filter} />
        {backlog}
      </div>
      <DoraCard filter={filter} />
    </>
  );
}
