import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { Providers } from "@/app/providers";
import { TopBacklogItems } from "@/components/backlog/top-backlog-items";
import { SharedView } from "@/components/share/shared-view";
import { CardSkeleton } from "@/components/ui/skeleton";
import { requestFormatter, requestLocale } from "@/lib/request-locale";
import { findShareLink } from "@/lib/share/queries";

export const dynamic = "force-dynamic";
// A shared view is for the people it was sent to, never for search engines.
export const metadata: Metadata = { title: "Shared view", robots: { index: false, follow: false } };

/** The page a share link opens (/share/<token> counts the view and sends the reader here). No sign-in. */
export default async function SharedPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findShareLink({ token }) : null;
  // Expired, revoked or unknown: the link's own address answers 410 or 404 with a readable page.
  if (!link || link.state !== "active") redirect(`/share/${encodeURIComponent(token)}`);
  const format = await requestFormatter();
  const what = link.surveyTitle ? `Results of “${link.surveyTitle}”` : "DX Pulse dashboard";
  return (
    <Providers locale={await requestLocale()}>
      <main className="main shared-main" id="main">
        <header className="shared-banner card" data-testid="share-banner">
          <p className="small muted">Read-only shared view · DX Pulse</p>
          <h1>{what}</h1>
          <p>
            Shared by <strong>{link.createdByName}</strong> until <strong>{format.date(link.expiresAt)}</strong>.{" "}
            {link.includeFreeText ? "Includes written answers." : "Written answers are left out."} Groups too small to
            keep people anonymous are hidden, as for everyone who signs in.
          </p>
        </header>
        <Suspense fallback={<CardSkeleton lines={4} />}>
          <SharedView
            token={token}
            surveyId={link.target === "survey" ? link.surveyId : null}
            comments={link.includeFreeText}
            backlog={link.target === "overview" && link.includeFreeText ? <TopBacklogItems publicPage /> : undefined}
          />
        </Suspense>
      </main>
    </Providers>
  );
}
