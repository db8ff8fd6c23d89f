"use client";
import type { AdoptionComparison } from "@/lib/analytics/types";
import { AnalyticsCard, ExportButton, HiddenValue } from "./analytics-card";
import { DoraCard } from "./dora-card";
import { DeliveryKeysCard } from "@/components/delivery/delivery-keys-card";
import { FilterBar } from "./filter-bar";
import { formatMean, formatSigned, SERIES_COLORS } from "./format";
import { NpsChart } from "./nps-trend-card";
import { useAdoptionComparison } from "@/lib/analytics/hooks";
import { useAnalyticsFilter } from "./use-analytics-filter";
import { TableScroll } from "@/components/ui/table-scroll";

function DimensionGapTable({ data }: { data: AdoptionComparison }) {
  return (
    <TableScroll label="Dimension means on and off the platform per quarter">
      <table className="table" data-testid="adoption-table">
        <caption className="sr-only">Dimension means on and off the platform per quarter</caption>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            {data.periods.map((p) => (
              <th scope="col" key={p}>
                {p}
                <div className="muted small">on · off · gap</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.dimensions.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.name}</th>
              {data.periods.map((period) => {
                const on = d.on.find((p) => p.period === period);
                const off = d.off.find((p) => p.period === period);
                const cell = (p: typeof on) =>
                  !p ? (
                    <span className="muted">—</span>
                  ) : p.hidden ? (
                    <HiddenValue k={data.k} reason={p.reason} compact />
                  ) : (
                    formatMean(p.mean)
                  );
                const gap = on && off && !on.hidden && !off.hidden ? on.mean - off.mean : null;
                return (
                  <td key={period} className="nowrap">
                    {cell(on)} · {cell(off)}
                    {gap !== null ? (
                      <span className={`badge ${gap >= 0 ? "badge-good" : "badge-bad"} gap-badge`}>
                        {formatSigned(gap, 2)}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function AdoptionDashboard() {
  const { filter } = useAnalyticsFilter();
  const query = useAdoptionComparison(filter);
  return (
    <div className="stack">
      <FilterBar showAdoption={false} showTeam={false} />
      <AnalyticsCard
        title="NPS on and off the platform"
        testId="adoption-nps"
        query={query}
        isEmpty={(d) => d.nps.on.length + d.nps.off.length === 0}
        actions={<ExportButton table="adoption" filter={filter} />}
      >
        {(data) => (
          <div className="stack">
            <p className="muted small">
              Each team counts in the group it belonged to that quarter, so a team that moved onto the platform moves
              with it.
            </p>
            <NpsChart
              series={[
                { name: "On the platform", points: data.nps.on, color: SERIES_COLORS[0] },
                { name: "Not on the platform", points: data.nps.off, color: SERIES_COLORS[3] },
              ]}
            />
          </div>
        )}
      </AnalyticsCard>
      <AnalyticsCard
        title="Dimension scores on and off the platform"
        testId="adoption-dimensions"
        query={query}
        isEmpty={(d) => d.dimensions.length === 0}
      >
        {(data) => <DimensionGapTable data={data} />}
      </AnalyticsCard>
      <DoraCard filter={filter} />
      <DeliveryKeysCard filter={filter} />
    </div>
  );
}
