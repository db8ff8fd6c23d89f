"use client";
import { CardSkeleton } from "@/components/ui/skeleton";
import { QueryError } from "@/components/ui/query-error";
import { useFormat } from "@/components/ui/locale";
import { useSurveyDrivers } from "@/lib/analytics/hooks";
import { HiddenValue } from "./analytics-card";
import { DriverPriorities, DriversChart } from "./drivers-chart";
import { useAnalyticsFilter } from "./use-analytics-filter";

/** Which dimensions move platform NPS in this survey, shown only when the ranking is stable. */
export function DriversCard({ surveyId, explained = false }: { surveyId: string; explained?: boolean }) {
  const { filter } = useAnalyticsFilter();
  const query = useSurveyDrivers(surveyId, filter);
  const format = useFormat();
  const title = "What drives platform NPS";
  return (
    <section className="card stack" aria-labelledby="drivers-title" data-testid="drivers-card">
      <h2 className="analytics-card-title" id="drivers-title">
        {title}
      </h2>
      {query.isPending ? (
        <CardSkeleton lines={3} />
      ) : query.isError ? (
        <QueryError what="the driver analysis" error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.analysis.hidden ? (
        // When the page's suppression notice already says why this group is hidden, don't repeat it per card.
        explained ? (
          <p className="muted">Not shown for this group.</p>
        ) : (
          <HiddenValue k={query.data.k} reason={query.data.analysis.reason} />
        )
      ) : !query.data.analysis.stable ? (
        <p className="muted" data-testid="drivers-unstable">
          Not shown: {query.data.analysis.reason}
        </p>
      ) : (
        <>
          <p className="muted small">
            Each dimension’s share of what explains {query.data.outcome?.prompt ?? "NPS"} across{" "}
            {format.number(query.data.analysis.respondents)} respondents who answered it and every dimension (relative
            weights; together they explain {format.percent(query.data.analysis.rSquared)} of the variation). Whiskers
            are 95% intervals from {query.data.replicates} bootstrap resamples.
          </p>
          <DriversChart drivers={query.data.analysis.drivers} format={format} title={title} />
          <DriverPriorities drivers={query.data.analysis.drivers} format={format} />
        </>
      )}
    </section>
  );
}
