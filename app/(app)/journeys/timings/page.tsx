import type { Metadata } from "next";
import Link from "next/link";
import { WorkflowTimings } from "@/components/journeys/workflow-timings";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { listTimingPeriods, listWorkflowTimings } from "@/lib/journeys/queries";
import { periodOfDate } from "@/lib/period";
import { timingPeriodOptions } from "@/lib/journeys/timings";

export const metadata: Metadata = { title: "Baseline timings" };

export default async function TimingsPage() {
  const user = await requireUser("viewer");
  const withData = await listTimingPeriods();
  // Open on the newest quarter that has measurements, else the current one.
  const period = withData[0] ?? periodOfDate(new Date());
  const workflows = await listWorkflowTimings({ period });
  return (
    <>
      <p className="small">
        <Link href="/journeys">← Journey maps</Link>
      </p>
      <PageHeader
        title="Baseline workflow timings"
        description="How long the critical workflows take, quarter by quarter, against their targets."
      />
      <WorkflowTimings
        initial={{ period, periods: timingPeriodOptions([...withData, period], new Date()), workflows }}
        canEdit={user.role !== "viewer"}
      />
    </>
  );
}
