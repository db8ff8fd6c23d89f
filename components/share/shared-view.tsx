"use client";
import { OverviewDashboard } from "@/components/analytics/overview-dashboard";
import { SurveyResultsView } from "@/components/analytics/survey-results";
import { TopBacklogSlot } from "@/components/analytics/top-backlog-slot";
import { AnalyticsSourceProvider } from "@/lib/analytics/hooks";
import { shareApiBase } from "@/lib/share/constants";

/**
 * The signed-in dashboards, reading through the link's read-only API (the same queries, the same
 * anonymity rules). `backlog` is the server-rendered top-backlog list, passed only when the link
 * includes free text (theme names are people's own phrases).
 */
export function SharedView({
  token,
  surveyId,
  comments,
  backlog,
}: {
  token: string;
  surveyId: string | null;
  comments: boolean;
  backlog?: React.ReactNode;
}) {
  return (
    <AnalyticsSourceProvider value={{ base: shareApiBase(token), shared: true, comments }}>
      {surveyId ? (
        <SurveyResultsView surveyId={surveyId} />
      ) : (
        <OverviewDashboard backlog={backlog ? <TopBacklogSlot>{backlog}</TopBacklogSlot> : undefined} />
      )}
    </AnalyticsSourceProvider>
  );
}
