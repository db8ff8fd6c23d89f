"use client";
import { TableScroll, NumberColumn } from "@/components/ui/table-scroll";
import type { TeamComparison } from "@/lib/analytics/types";
import { HiddenValue } from "./analytics-card";
import { formatMean, formatNps, heatColor } from "./format";
import { listNames } from "@/lib/analytics/suppression";

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
                <HiddenRowReason why={t.hiddenWhy} k={data.k} />
              </th>
              <td className="right">
                {!t.nps ? (
                  <span className="muted">—</span>
                ) : t.nps.hidden ? (
                  <HiddenValue k={data.k} reason={t.nps.reason} protects={t.hiddenWhy?.protects} compact />
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
                      <HiddenValue k={data.k} reason={s.reason} protects={t.hiddenWhy?.protects} compact />
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
        hidden: fewer than {data.k} responses, or hidden to protect a smaller group (named under the team).
      </p>
    </TableScroll>
  );
}

/** Under a hidden team's name, the real reason: its own size, or the smaller group it protects. */
export function HiddenRowReason({ why, k }: { why: TeamComparison["teams"][number]["hiddenWhy"]; k: number }) {
  if (!why || why.reason === "collecting") return null;
  return (
    <span className="small muted heatmap-why" data-testid="hidden-why">
      {why.reason === "below_threshold"
        ? `hidden: fewer than ${k} answered`
        : why.protects.length
          ? `hidden to protect ${listNames(why.protects)}`
          : "hidden to protect a smaller group"}
    </span>
  );
}
