"use client";
import { useId } from "react";
import { useAnalyticsMeta } from "@/lib/analytics/hooks";
import { describeOption, type FilterOption } from "@/lib/analytics/suppression-notice";
import { useAnalyticsFilter } from "./use-analytics-filter";

/** Quarter range, team and platform adoption, written to the URL so the view can be shared. */
export function FilterBar({
  showTeam = true,
  showAdoption = true,
  showPeriods = true,
  options,
}: {
  showTeam?: boolean;
  showAdoption?: boolean;
  showPeriods?: boolean;
  /** Which team and platform choices show anything (from the view's notice): the others are disabled, with why. */
  options?: { teams: FilterOption[]; adoption: FilterOption[] };
}) {
  const { filter, setFilter } = useAnalyticsFilter();
  const meta = useAnalyticsMeta();
  const id = useId();
  const periods = meta.data?.periods ?? [];
  const active = Boolean(filter.from || filter.to || filter.team || filter.adoption);
  const k = meta.data?.k ?? 5;
  // The choice in use stays selectable (the view's notice explains it); the rest say why they show nothing.
  const choice = (list: FilterOption[] | undefined, value: string, current: string | undefined, label: string) => {
    const option = list?.find((o) => o.value === value);
    const why = option && value !== current ? describeOption(option, k) : null;
    return { disabled: why !== null, label: why ? `${label} (${why})` : label };
  };
  return (
    <form className="filter-bar" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
      {showPeriods ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <select
              id={`${id}-from`}
              className="input"
              value={filter.from ?? ""}
              onChange={(e) => setFilter({ from: e.target.value || undefined })}
            >
              <option value="">First quarter</option>
              {periods.map((p) => (
                <option key={p} value={p} disabled={!!filter.to && p > filter.to}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <select
              id={`${id}-to`}
              className="input"
              value={filter.to ?? ""}
              onChange={(e) => setFilter({ to: e.target.value || undefined })}
            >
              <option value="">Latest quarter</option>
              {periods.map((p) => (
                <option key={p} value={p} disabled={!!filter.from && p < filter.from}>
                  {p}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      {showTeam ? (
        <div className="field">
          <label htmlFor={`${id}-team`}>Team</label>
          <select
            id={`${id}-team`}
            className="input"
            value={filter.team ?? ""}
            onChange={(e) => setFilter({ team: e.target.value || undefined })}
          >
            <option value="">All teams</option>
            {(meta.data?.teams ?? []).map((t) => {
              const c = choice(options?.teams, t.id, filter.team, t.name);
              return (
                <option key={t.id} value={t.id} disabled={c.disabled}>
                  {c.label}
                </option>
              );
            })}
          </select>
        </div>
      ) : null}
      {showAdoption ? (
        <div className="field">
          <label htmlFor={`${id}-adoption`}>Platform</label>
          <select
            id={`${id}-adoption`}
            className="input"
            value={filter.adoption ?? ""}
            onChange={(e) => setFilter({ adoption: (e.target.value || undefined) as "on" | "off" | undefined })}
          >
            <option value="">On and off the platform</option>
            {(
              [
                ["on", "On the platform"],
                ["off", "Not on the platform"],
              ] as const
            ).map(([value, label]) => {
              const c = choice(options?.adoption, value, filter.adoption, label);
              return (
                <option key={value} value={value} disabled={c.disabled}>
                  {c.label}
                </option>
              );
            })}
          </select>
        </div>
      ) : null}
      {active ? (
        <button
          type="button"
          className="btn btn-ghost btn-sm filter-reset"
          onClick={() => setFilter({ from: undefined, to: undefined, team: undefined, adoption: undefined })}
        >
          Clear filters
        </button>
      ) : null}
      {meta.data ? (
        <p className="muted small filter-note">
          Groups with fewer than {meta.data.k} responses are hidden everywhere, including exports.
        </p>
      ) : null}
    </form>
  );
}
