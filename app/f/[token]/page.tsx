import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FrictionForm } from "@/components/respondent/friction-form";
import { RespondentShell } from "@/components/respondent/respondent-shell";
import { getFrictionLink } from "@/lib/responses/queries";

// The always-on friction log: public, anonymous, one sentence at a time.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Report friction", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function FrictionPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = /^[A-Za-z0-9_-]{4,64}$/.test(token) ? await getFrictionLink({ token }) : null;
  if (!link) notFound();
  return (
    <RespondentShell>
      <section className="card stack">
        <header>
          <h1>Report friction</h1>
          <p className="muted">
            Hit something that wasted your time{link.teamName ? ` (${link.teamName})` : ""}? Tell the platform team in one sentence. Reports are grouped into themes with
            the quarterly survey’s comments.
          </p>
        </header>
        <FrictionForm token={token} />
      </section>
    </RespondentShell>
  );
}
