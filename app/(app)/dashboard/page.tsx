import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getResponseCountsByPeriod } from "@/lib/analytics/queries";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const periods = await getResponseCountsByPeriod();
  return (
    <>
      <PageHeader title="Dashboard" description="Developer experience across quarters." />
      {periods.length === 0 ? (
        <EmptyState title="No survey results yet" action={<Link className="btn btn-primary" href="/surveys">Create a survey</Link>}>
          Publish your first quarterly survey; results appear here as soon as enough people answer.
        </EmptyState>
      ) : (
        <div className="grid-4">
          {periods.map((p) => (
            <div className="card" key={p.period}>
              <div className="stat-label">{p.period}</div>
              <div className="stat">{p.responses}</div>
              <div className="muted small">responses · {p.surveys} survey{p.surveys === 1 ? "" : "s"}</div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
