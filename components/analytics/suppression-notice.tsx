"use client";
import type { FilterParams } from "@/lib/analytics/hooks";
import type { SuppressionNotice as Notice } from "@/lib/analytics/suppression-notice";
import { describeLine, describeWayOut, groupLabel } from "@/lib/analytics/suppression-notice";

/**
 * The one notice of a view: what the filters' group hides, why (its own size, or the smaller group it
 * protects), and buttons to the views that are shown instead. Replaces a hidden marker on every card.
 * `protects` come named from the server; `nameOf` names the filter's own team.
 */
export function SuppressionNotice({
  notice,
  k,
  filter,
  nameOf,
  onChange,
}: {
  notice: Notice | null | undefined;
  k: number;
  filter: FilterParams;
  nameOf: (teamId: string) => string;
  onChange: (patch: Partial<FilterParams>) => void;
}) {
  if (!notice) return null;
  const subject = groupLabel({ team: filter.team, adoption: filter.adoption as "on" | "off" | undefined }, nameOf);
  return (
    <section
      className="alert alert-info suppression-notice"
      aria-label="What is hidden here"
      data-testid="suppression-notice"
    >
      <p>
        <strong>
          {notice.nothingShown
            ? subject === "Everyone"
              ? "Nothing to show here yet."
              : `Nothing to show for ${subject} here.`
            : `Part of ${subject} is hidden.`}
        </strong>{" "}
        Hidden groups keep everyone anonymous; their answers still count in the larger groups that are shown.
      </p>
      <ul>
        {notice.lines.map((line) => (
          <li key={`${line.reason}-${line.periods.join()}-${line.protects.join()}`}>
            {describeLine(subject, line, k, (name) => name)}
          </li>
        ))}
      </ul>
      {notice.wayOuts.length ? (
        <div className="row">
          {notice.wayOuts.map((way) => (
            <button
              key={describeWayOut(way, nameOf)}
              type="button"
              className="btn btn-sm"
              onClick={() =>
                onChange(
                  way.kind === "range"
                    ? { from: way.from, to: way.to, period: undefined }
                    : { team: way.team ?? undefined, adoption: way.adoption ?? undefined },
                )
              }
            >
              {describeWayOut(way, nameOf)}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
