"use client";
import { benchmarkPosition } from "@/lib/analytics/scores";
import type { TeamComparison } from "@/lib/analytics/types";
import { AnalyticsCard, ExportButton, HiddenValue } from "./analytics-card";
import { FilterBar } from "./filter-bar";
import { formatInterval, formatMean, formatNps, formatPct } from "./format";
import { PeriodSelect } from "./team-heatmap-card";
import { TeamHeatmap } from "./team-heatmap";
import { useAnalyticsMeta, useFilterNotice, useTeamComparison } from "@/lib/analytics/hooks";
import { SuppressionNotice } from "./suppression-notice";
import { useAnalyticsFilter } from "./use-analytics-filter";
import { DeliveryKeysCard } from "@/components/delivery/delivery-keys-card";
import { TableScroll, NumberColumn } from "@/components/ui/table-scroll";

const positionText = {
  top10: "Top 10%",
  top25: "Top 25%",
  above_median: "Above median",
  below_median: "Below median",
} as const;
const positionClass = {
  top10: "badge-good",
  top25: "badge-good",
  above_median: "badge-accent",
  below_median: "badge-warn",
} as const;

function BenchmarkTable({ data }: { data: TeamComparison }) {
  const b = data.benchmarks.nps;
  return (
    <TableScroll label={`Teams against the workspace’s percentiles, ${data.period}`}>
      <table className="table" data-testid="team-benchmarks">
        <caption className="sr-only">Teams against the workspace’s percentiles, {data.period}</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <NumberColumn>Responses</NumberColumn>
            <NumberColumn>Rate</NumberColumn>
            <NumberColumn>NPS</NumberColumn>
            <th scope="col">95% interval</th>
            <th scope="col">Against other teams</th>
          </tr>
        </thead>
        <tbody>
          {data.teams.map((t) => (
            <tr key={t.teamId ?? "none"}>
              <th scope="row">{t.name}</th>
              <td className="right">
                {!t.responses ? (
                  "0"
                ) : t.responses.hidden ? (
                  <HiddenValue k={data.k} reason={t.responses.reason} protects={t.hiddenWhy?.protects} compact />
                ) : (
                  t.responses.n
                )}
              </td>
              <td className="right">
                {t.responses && !t.responses.hidden && t.responses.rate !== null
                  ? formatPct(t.responses.rate * 100)
                  : "—"}
              </td>
              {!t.nps ? (
                <td colSpan={3} className="muted">
                  No responses
                </td>
              ) : t.nps.hidden ? (
                <td colSpan={3}>
                  <HiddenValue k={data.k} reason={t.nps.reason} protects={t.hiddenWhy?.protects} />
                </td>
              ) : (
                <>
                  <td className="right">
                    <strong>{formatNps(t.nps.score)}</strong>
                  </td>
                  <td className="muted">{formatInterval(t.nps.ciLow, t.nps.ciHigh)}</td>
                  <td>
                    {b ? (
                      <span className={`badge ${positionClass[benchmarkPosition(t.nps.score, b)]}`}>
                        {positionText[benchmarkPosition(t.nps.score, b)]}
                      </span>
                    ) : (
                      <span className="muted small">needs 3 teams</span>
                    )}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {(["p50", "p75", "p90"] as const).map((p) => (
            <tr key={p}>
              <th scope="row" className="muted">
                {p === "p50" ? "50th percentile (median)" : p === "p75" ? "75th percentile" : "90th percentile"}
              </th>
              <td />
              <td />
              <td className="right muted">{b ? formatNps(b[p]) : "—"}</td>
              <td colSpan={2} className="muted small">
                {data.dimensions
                  .map((d) => {
                    const db = data.benchmarks[d.key];
                    return db ? `${d.name} ${formatMean(db[p])}` : null;
                  })
                  .filter(Boolean)
                  .join(" · ")}
              </td>
            </tr>
          ))}
        </tfoot>
      </table>
    </TableScroll>
  );
}

export function TeamsDashboard() {
  const { filter, setFilter } = useAnalyticsFilter();
  const query = useTeamComparison(filter);
  const notice = useFilterNotice(filter);
  const meta = useAnalyticsMeta();
  const nameOf = (id: string) => meta.data?.teams.find((t) => t.id === id)?.name ?? "This team";
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
      <AnalyticsCard
        title={`Team benchmarks${query.data?.period ? ` · ${query.data.period}` : ""}`}
        testId="teams-benchmarks"
        query={query}
        isEmpty={(d) => !d.period || d.teams.length === 0}
        actions={
          <>
            <PeriodSelect value={filter.period} onChange={(period) => setFilter({ period })} id="teams-period" />
            <ExportButton table="teams" filter={filter} />
          </>
        }
      >
        {(data) => (
          <div className="stack">
            <p className="muted small">
              Each team’s NPS against the 50th, 75th and 90th percentile of the teams shown (at least three needed).
            </p>
            <BenchmarkTable data={data} />
          </div>
        )}
      </AnalyticsCard>
      <AnalyticsCard
        title="Teams × dimensions"
        testId="teams-heatmap"
        query={query}
        isEmpty={(d) => !d.period || d.teams.length === 0}
      >
        {(data) => <TeamHeatmap data={data} />}
      </AnalyticsCard>
      <DeliveryKeysCard filter={filter} />
    </div>
  );
}
