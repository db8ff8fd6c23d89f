"use client";
import { DimensionTrendsCard } from "./dimension-trends-card";
import { DoraCard } from "./dora-card";
import { FilterBar } from "./filter-bar";
import { NpsTrendCard } from "./nps-trend-card";
import { ResponseRatesCard } from "./response-rates-card";
import { TeamHeatmapCard } from "./team-heatmap-card";
import { useAnalyticsFilter } from "./use-analytics-filter";

/** The leadership overview; `backlog` is the top-backlog card rendered by the page. */
export function OverviewDashboard({ backlog }: { backlog?: React.ReactNode }) {
  const { filter, setFilter } = useAnalyticsFilter();
  return (
    <div className="stack">
      <FilterBar />
      <div className="grid-2 overview-top">
        <NpsTrendCard filter={filter} />
        <DimensionTrendsCard filter={filter} />
      </div>
      <TeamHeatmapCard filter={filter} onPeriod={(period) => setFilter({ period })} />
      <div className="grid-2">
        <ResponseRatesCard filter={filter} />
        {backlog}
      </div>
      <DoraCard filter={filter} />
    </div>
  );
}
