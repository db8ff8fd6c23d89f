"use client";
import type { FilterParams } from "@/lib/analytics/hooks";
import type { DoraGroupRow, DoraSummary } from "@/lib/analytics/types";
import { doraBands, type DoraBand } from "@/lib/surveys/templates";
import { AnalyticsCard, ExportButton, HiddenValue } from "./analytics-card";
import { useDoraSummary } from "@/lib/analytics/hooks";
import { TableScroll } from "@/components/ui/table-scroll";

const bandLabel: Record<DoraBand, string> = { elite: "Elite", high: "High", medium: "Medium", low: "Low" };
const bandClass: Record<DoraBand, string> = {
  elite: "badge-good",
  high: "badge-accent",
  medium: "badge-warn",
  low: "badge-bad",
};

export function DoraBandBadge({ band }: { band: DoraBand | null }) {
  if (!band) return <span className="muted">—</span>;
  return <span className={`badge ${bandClass[band]}`}>{bandLabel[band]}</span>;
}

/** Share of answers in each band, all four metrics together, as one stacked bar. */
function BandBar({ row }: { row: DoraGroupRow }) {
  const totals: Record<DoraBand, number> = { elite: 0, high: 0, medium: 0, low: 0 };
  for (const v of Object.values(row.metrics)) if (v && !v.hidden) for (const b of doraBands) totals[b] += v.counts[b];
  const all = doraBands.reduce((s, b) => s + totals[b], 0);
  if (!all) return null;
  return (
    <div
      className="band-bar"
      role="img"
      aria-label={doraBands.map((b) => `${bandLabel[b]} ${Math.round((totals[b] / all) * 100)}%`).join(", ")}
    >
      {doraBands.map((b) =>
        totals[b] ? (
          <span
            key={b}
            className={`band-seg band-${b}`}
            style={{ width: `${(totals[b] / all) * 100}%` }}
            title={`${bandLabel[b]}: ${Math.round((totals[b] / all) * 100)}%`}
          />
        ) : null,
      )}
    </div>
  );
}

export function DoraTable({ data, rows, label }: { data: DoraSummary; rows: DoraGroupRow[]; label: string }) {
  return (
    <TableScroll label={label}>
      <table className="table">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col">Overall</th>
            {data.metrics.map((m) => (
              <th scope="col" key={m.key}>
                {m.name}
              </th>
            ))}
            <th scope="col" style={{ minWidth: 140 }}>
              Bands
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id ?? "none"}>
              <th scope="row">{r.name}</th>
              <td>
                {r.classification.hidden ? (
                  <HiddenValue k={data.k} reason={r.classification.reason} compact />
                ) : (
                  <DoraBandBadge band={r.classification.band} />
                )}
              </td>
              {data.metrics.map((m) => {
                const v = r.metrics[m.key];
                return (
                  <td key={m.key}>
                    {!v ? (
                      <span className="muted">—</span>
                    ) : v.hidden ? (
                      <HiddenValue k={data.k} reason={v.reason} compact />
                    ) : (
                      <DoraBandBadge band={v.median} />
                    )}
                  </td>
                );
              })}
              <td>
                <BandBar row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function DoraCard({ filter }: { filter: FilterParams }) {
  const query = useDoraSummary(filter);
  return (
    <AnalyticsCard
      title="DORA delivery performance"
      testId="dora"
      query={query}
      isEmpty={(d) => !d.period}
      empty={
        <>
          No DORA check-in answered in this range. Run the <strong>DORA self-assessment</strong> survey template to
          compare delivery performance of teams on and off the platform.
        </>
      }
      actions={<ExportButton table="dora" filter={filter} />}
    >
      {(data) => (
        <div className="stack">
          <p className="muted small">
            {data.period} · each metric shows the median band of a team’s answers; overall is the median of the four
            metrics.
          </p>
          {data.adoption.length ? <DoraTable data={data} rows={data.adoption} label="Adoption" /> : null}
          <DoraTable data={data} rows={data.teams} label="Team" />
        </div>
      )}
    </AnalyticsCard>
  );
}
