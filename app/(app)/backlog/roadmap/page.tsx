import type { Metadata } from "next";
import Link from "next/link";
import { RoadmapView } from "@/components/targets/roadmap-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { getRoadmap } from "@/lib/targets/queries";

export const metadata: Metadata = { title: "Roadmap" };

export default async function RoadmapPage() {
  await requireUser();
  const roadmap = await getRoadmap();
  return (
    <>
      <PageHeader
        title="Roadmap"
        description="Backlog items planned by quarter, each with its owner and success measure; once a quarter has passed, the measure before and after."
        actions={
          <Link className="btn btn-sm" href="/backlog">
            Backlog
          </Link>
        }
      />
      <RoadmapView initial={roadmap} />
    </>
  );
}
