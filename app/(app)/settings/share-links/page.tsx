import type { Metadata } from "next";
import Link from "next/link";
import { ShareLinksPanel } from "@/components/share/share-links-panel";
import { PageHeader } from "@/components/ui/page-header";
import { listSurveysWithResults } from "@/lib/analytics/queries";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { listShareLinks } from "@/lib/share/queries";

export const metadata: Metadata = { title: "Share links" };

/** Settings → Share links. `?target=survey&survey=<id>` (the results page's "Share") preselects the form. */
export default async function ShareLinksPage({
  searchParams,
}: {
  searchParams: Promise<{ target?: string; survey?: string }>;
}) {
  await requireUser("editor");
  const query = await searchParams;
  const [{ links }, { surveys }] = await Promise.all([listShareLinks(), listSurveysWithResults()]);
  const closed = surveys.filter((s) => s.status === "closed");
  const presetSurvey = closed.find((s) => s.id === query.survey)?.id ?? null;
  return (
    <>
      <PageHeader
        title="Share links"
        description="Read-only links for people without an account: the dashboard or one survey's results, until a date you choose."
        actions={
          <Link className="btn btn-sm" href="/settings">
            Settings
          </Link>
        }
      />
      <ShareLinksPanel
        initialLinks={toWire(links)}
        surveys={closed.map((s) => ({ id: s.id, label: `${s.title} (${s.period})` }))}
        preset={{ target: query.target === "survey" || presetSurvey ? "survey" : "overview", surveyId: presetSurvey }}
      />
    </>
  );
}
