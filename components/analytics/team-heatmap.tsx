"use client";
import { TableScroll, NumberColumn } from "@/components/ui/table-scroll";
import type { TeamComparison } from "@/lib/analytics/types";
import { HiddenValue } from "./analytics-card";
import { formatMean, formatNps, heatColor } from "./format";

/** Team × dimension for one quarter; cells of groups under k say so instead of showing a number. */
export function TeamHeatmap({ data }: { data: TeamComparison }) {
  return (
    <TableScroll label={`Mean score per team and dimension, ${data.period}`}>
      <table className="table heatmap" data-testid="team-heatmap">
        <caption className="sr-only">Mean score (1–5) per team and dimension, {data.period}</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <NumberColumn>NPS</NumberColumn>
            {data.dimensions.map((d) => (
              <th scope="col" key={d.key} className="heatmap-head">
                {d.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.teams.map((t) => (
            <tr key={t.teamId ?? "none"}>
              <th scope="row">
                {t.name}
                {t.onPlatform ? (
                  <span className="badge badge-accent heatmap-badge" title="On the platform this quarter">
                    platform
                  </span>
                ) : null}
              </th>
              <td className="right">
                {!t.nps ? (
                  <span className="muted">—</span>
                ) : t.nps.hidden ? (
                  <HiddenValue k={data.k} reason={t.nps.reason} compact />
                ) : (
                  <strong>{formatNps(t.nps.score)}</strong>
                )}
              </td>
              {data.dimensions.map((d) => {
                const s = t.scores[d.key];
                if (!s)
                  return (
                    <td key={d.key} className="heatmap-cell muted">
                      —
                    </td>
                  );
                if (s.hidden)
                  return (
                    <td key={d.key} className="heatmap-cell heatmap-hidden">
                      <HiddenValue k={data.k} reason={s.reason} compact />
                    </td>
                  );
                return (
                  <td
                    key={d.key}
                    className="heatmap-cell"
                    style={{ background: heatColor(s.mean) }}
                    title={`${d.name}: ${formatMean(s.mean)} · ${Math.round(s.favorablePct)}% favorable · ${s.n} respondents`}
                  >
                    {formatMean(s.mean)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small heatmap-legend">
        <span className="hidden-cell" aria-hidden>
          —
        </span>{" "}
        hidden: fewer than {data.k} responses (or hiding it would let someone work out a smaller group).
      </p>
    </TableScroll>
  );
}
