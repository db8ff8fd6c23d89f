import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Backlog" };

export default function BacklogPage() {
  return (
    <>
      <PageHeader title="Backlog" description="Themes from free-text answers, ranked by impact and frequency." />
      <EmptyState title="No themes yet">Themes appear once free-text answers have been analysed.</EmptyState>
    </>
  );
}
