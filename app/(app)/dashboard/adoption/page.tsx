import type { Metadata } from "next";
import { Suspense } from "react";
import { AdoptionDashboard } from "@/components/analytics/adoption-dashboard";
import { DashboardTabs } from "@/components/analytics/dashboard-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { CardSkeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Platform adoption" };

export default function AdoptionPage() {
  return (
    <>
      <PageHeader
        title="Platform adoption"
        description="Teams on the platform against teams not on it. If teams on the platform do worse, the platform is a liability."
      />
      <Suspense fallback={<CardSkeleton lines={4} />}>
        <DashboardTabs />
        <AdoptionDashboard />
      </Suspense>
    </>
  );
}
