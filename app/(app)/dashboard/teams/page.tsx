import type { Metadata } from "next";
import { Suspense } from "react";
import { DashboardTabs } from "@/components/analytics/dashboard-tabs";
import { TeamsDashboard } from "@/components/analytics/teams-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { CardSkeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Team comparison" };

export default function TeamsPage() {
  return (
    <>
      <PageHeader
        title="Team comparison"
        description="How each team compares with the rest of the organisation, one quarter at a time."
      />
      <Suspense fallback={<CardSkeleton lines={4} />}>
        <DashboardTabs />
        <TeamsDashboard />
      </Suspense>
    </>
  );
}
