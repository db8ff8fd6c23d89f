import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listJourneyMaps } from "@/lib/journeys/queries";

export const metadata: Metadata = { title: "Journeys" };

export default async function JourneysPage() {
  const maps = await listJourneyMaps();
  return (
    <>
      <PageHeader title="Journey maps" description="Workflows step by step: the current path beside the golden path." />
      {maps.length === 0 ? (
        <EmptyState title="No journey maps yet">Map a workflow such as “create a new service and deploy it”.</EmptyState>
      ) : (
        <div className="grid-2">
          {maps.map((m) => (
            <div className="card" key={m.id}>
              <h2>{m.name}</h2>
              <p className="muted">{m.workflow}</p>
              <span className="badge">Maturity {m.maturityNow} → {m.maturityTarget}</span>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
