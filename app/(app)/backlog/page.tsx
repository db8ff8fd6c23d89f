import type { Metadata } from "next";
import Link from "next/link";
import { BacklogView } from "@/components/backlog/backlog-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { getBacklog, getDashboardBacklog, listBacklogScopeOptions } from "@/lib/backlog/queries";
import { FRICTION_SCOPE, parseScope, quartersScope } from "@/lib/backlog/scope";

export const metadata: Metadata = { title: "Backlog" };

export default async function BacklogPage({ searchParams }: { searchParams: Promise<{ scope?: string }> }) {
  const user = await requireUser();
  const options = await listBacklogScopeOptions();
  const requested = (await searchParams).scope;
  // The scope in the URL, else the last one analysed, else every quarter together, else the friction log.
  const periods = options.periods;
  const initialScope =
    (requested && parseScope(requested) ? requested : null) ??
    options.analysed[0]?.scope ??
    (periods.length
      ? quartersScope(periods[0], periods[periods.length - 1])
      : options.frictionCount
        ? FRICTION_SCOPE
        : null);
  const [initialView, dashboard] = await Promise.all([
    initialScope ? getBacklog({ scope: initialScope }) : null,
    getDashboardBacklog(),
  ]);
  return (
    <>
      <PageHeader
        title="Backlog"
        description="Themes from free-text answers and the friction log, ranked by impact and frequency: what to fix first."
        actions={
          <Link className="btn btn-sm" href="/backlog/roadmap">
            Roadmap
          </Link>
        }
      />
      <BacklogView
        canEdit={hasRole(user.role, "editor")}
        options={options}
        initialScope={initialScope}
        initialView={initialView}
        initialDashboard={{ dashboard }}
      />
    </>
  );
}
