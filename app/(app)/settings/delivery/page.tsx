import type { Metadata } from "next";
import Link from "next/link";
import { CsvImportPanel } from "@/components/delivery/csv-import-panel";
import { ReposPanel } from "@/components/delivery/repos-panel";
import { SourcesPanel } from "@/components/delivery/sources-panel";
import { PageHeader } from "@/components/ui/page-header";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { listDeliveryRepos, listDeliverySources } from "@/lib/delivery/queries";
import { listTeams } from "@/lib/workspace/queries";

export const metadata: Metadata = { title: "Delivery events" };

export default async function DeliverySettingsPage() {
  await requireUser("editor");
  const [sources, repos, teams] = await Promise.all([listDeliverySources(), listDeliveryRepos(), listTeams()]);
  return (
    <>
      <PageHeader
        title="Delivery events"
        description="Where the DORA four keys measured from systems come from: GitHub and GitLab webhooks, CSV imports, and which team owns each repository."
      />
      <p className="small">
        <Link href="/settings">← Settings</Link>
      </p>
      <div className="stack">
        <SourcesPanel initialSources={toWire(sources)} />
        <ReposPanel
          initialRepos={toWire(repos)}
          teams={teams.filter((t) => !t.archivedAt).map((t) => ({ id: t.id, label: t.name }))}
        />
        <CsvImportPanel />
      </div>
    </>
  );
}
