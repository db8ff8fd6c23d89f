import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/surveys/print-button";
import { requireUser } from "@/lib/auth/guard";
import { linkUrl, renderQrSvg } from "@/lib/surveys/qr";
import { getSurveyById, getSurveyLink } from "@/lib/surveys/queries";

export const metadata: Metadata = { title: "QR code" };

// A printable page: the QR code is rendered here on the server, so no QR library ships to browsers.
export default async function QrPage({ params }: { params: Promise<{ id: string; linkId: string }> }) {
  await requireUser("editor");
  const { id, linkId } = await params;
  const uuid = /^[0-9a-f-]{36}$/i;
  if (!uuid.test(id) || !uuid.test(linkId)) notFound();
  const [survey, link] = await Promise.all([getSurveyById({ id }), getSurveyLink({ surveyId: id, linkId })]);
  if (!survey || !link) notFound();
  const url = linkUrl(await headers(), `/s/${link.token}`);
  const svg = await renderQrSvg(url);
  return (
    <div className="stack">
      <div className="row no-print">
        <Link className="btn btn-sm" href={`/surveys/${id}?tab=share`}>
          ← Back to links
        </Link>
        <PrintButton />
      </div>
      <section className="card qr-sheet">
        <h1>{survey.title}</h1>
        <p className="muted">{link.teamName ? `For ${link.teamName}` : "For everyone"} · anonymous · a few minutes</p>
        <div role="img" aria-label={`QR code for ${url}`} dangerouslySetInnerHTML={{ __html: svg }} />
        <code>{url}</code>
      </section>
    </div>
  );
}
