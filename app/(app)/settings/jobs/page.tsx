import type { Metadata } from "next";
import { JobsPanel } from "@/components/settings/jobs-panel";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { listJobs } from "@/lib/jobs/queries";

export const metadata: Metadata = { title: "Jobs · Settings" };

export default async function SettingsJobsPage() {
  const user = await requireUser("owner");
  const jobs = await listJobs();
  return (
    <>
      <PageHeader title="Settings" description="Background jobs: what is queued, running, failed and done." />
      <SettingsNav current="/settings/jobs" role={user.role} />
      <JobsPanel initial={toWire(jobs)} />
    </>
  );
}
