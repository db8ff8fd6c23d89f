import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JourneyMapEditor } from "@/components/journeys/journey-map-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { getJourneyMap } from "@/lib/journeys/queries";
import { mapIdParams } from "@/lib/journeys/schemas";

export const metadata: Metadata = { title: "Journey map" };

export default async function JourneyMapPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("viewer");
  const parsed = mapIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const detail = await getJourneyMap({ id: parsed.data.id });
  if (!detail) notFound();
  return (
    <>
      <p className="small">
        <Link href="/journeys">← Journey maps</Link>
      </p>
      <PageHeader title={detail.map.name} description={detail.map.workflow || undefined} />
      <JourneyMapEditor key={detail.map.id} initial={detail} canEdit={user.role !== "viewer"} />
    </>
  );
}
