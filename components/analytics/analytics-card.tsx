"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { Skeleton } from "@/components/ui/skeleton";
import type { FilterParams } from "@/lib/analytics/hooks";
import { hiddenMessage, type HiddenReason } from "@/lib/analytics/suppression";
import { exportHref, useAnalyticsSource } from "@/lib/analytics/hooks";

/** A dashboard card that owns its loading skeleton, error message and empty state. */
export function AnalyticsCard<T>({
  title,
  query,
  isEmpty,
  empty,
  actions,
  testId,
  skeletonHeight = 220,
  children,
}: {
  title: string;
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: React.ReactNode;
  actions?: React.ReactNode;
  testId?: string;
  skeletonHeight?: number;
  children: (data: T) => React.ReactNode;
}) {
  const headingId = testId ? `${testId}-title` : undefined;
  let body: React.ReactNode;
  if (query.isPending) {
    body = (
      <div role="status" aria-busy="true" aria-label={`Loading ${title.toLowerCase()}`} className="stack">
        <Skeleton height={skeletonHeight} />
        <Skeleton height={14} width="60%" />
      </div>
    );
  } else if (query.isError) {
    body = (
      <div className="alert alert-error" role="alert">
        {(query.error as Error).message}
      </div>
    );
  } else if (isEmpty?.(query.data)) {
    body = <div className="analytics-empty muted">{empty ?? "No responses in this range yet."}</div>;
  } else {
    body = children(query.data);
  }
  return (
    <section
      className="card analytics-card"
      aria-labelledby={headingId}
      data-testid={testId}
      aria-busy={query.isFetching || undefined}
    >
      <div className="card-title">
        <h2 className="analytics-card-title" id={headingId}>
          {title}
        </h2>
        {actions ? <div className="row">{actions}</div> : null}
      </div>
      {body}
    </section>
  );
}

export function ExportButton({
  table,
  filter,
  label = "Export CSV",
}: {
  table: string;
  filter: FilterParams;
  label?: string;
}) {
  // A share link reads through its own read-only API, which has no CSV export.
  if (useAnalyticsSource().shared) return null;
  return (
    <a className="btn btn-sm" href={exportHref(table, filter)} download>
      {label}
    </a>
  );
}

export function HiddenValue({
  k,
  reason,
  compact,
  protects,
}: {
  k: number;
  reason: HiddenReason;
  compact?: boolean;
  /** For a group hidden as a complement: the groups under k it protects, by name. */
  protects?: readonly string[];
}) {
  const text = hiddenMessage(reason, k, protects);
  if (compact)
    return (
      <span className="hidden-cell" title={text}>
        <span aria-hidden>—</span>
        <span className="sr-only">{text}</span>
      </span>
    );
  return <span className="hidden-note">{text}</span>;
}
