import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DashboardTabs } from "@/components/analytics/dashboard-tabs";
import { OverviewDashboard } from "@/components/analytics/overview-dashboard";
import { TopBacklogSlot } from "@/components/analytics/top-backlog-slot";
import { TopBacklogItems } from "@/components/backlog/top-backlog-items";
import { TargetsCard } from "@/components/targets/targets-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CardSkeleton } from "@/components/ui/skeleton";
import { getAnalyticsMeta } from "@/lib/analytics/queries";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const [meta, user] = await Promise.all([getAnalyticsMeta(), requireUser()]);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          meta.periods.length
            ? `Developer experience across ${meta.periods.length} quarter${meta.periods.length === 1 ? "" : "s"} (${meta.periods[0]} – ${meta.periods.at(-1)}).`
            : "Developer experience across quarters."
        }
        actions={
          <>
            <Link className="btn btn-sm" href="/report">
              Quarterly report
            </Link>
            {hasRole(user.role, "editor") ? (
              <Link className="btn btn-sm" href="/settings/share-links?target=overview">
                Share
              </Link>
            ) : null}
          </>
        }
      />
      {meta.periods.length === 0 ? (
        <EmptyState
          title="No survey results yet"
          action={
            <Link className="btn btn-primary" href="/surveys">
              Go to surveys
            </Link>
          }
        >
          Publish your first quarterly survey; results appear here as soon as at least {meta.k} people answer.
        </EmptyState>
      ) : (
        <Suspense fallback={<DashboardFallback />}>
          <DashboardTabs />
          <OverviewDashboard
            targets={<TargetsCard canEdit={hasRole(user.role, "editor")} />}
            backlog={
              <TopBacklogSlot>
                <TopBacklogItems />
              </TopBacklogSlot>
            }
          />
        </Suspense>
      )}
    </>
  );
}

function DashboardFallback() {
  return (
    <div className="grid-2">
      <CardSkeleton lines={2} />
      <CardSkeleton lines={2} />
    </div>
  );
}
