import type { Metadata } from "next";
import Link from "next/link";
import { SurveyImportPanel } from "@/components/imports/survey-import-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { listImportChoices } from "@/lib/imports/queries";
import { periodOfDate, previousPeriod } from "@/lib/period";

export const metadata: Metadata = { title: "Import past results" };

export default async function SurveyImportPage() {
  await requireUser("editor");
  const choices = await listImportChoices();
  // The quarter before the earliest survey: where a switching team's last results usually belong.
  const suggestedPeriod = previousPeriod(choices.earliestPeriod ?? periodOfDate(new Date()));
  return (
    <>
      <PageHeader
        title="Import past results"
        description="Bring earlier quarters’ survey results from another tool into the trends, from a CSV export."
      />
      <p className="small">
        <Link href="/surveys">← Surveys</Link>
      </p>
      {choices.copySources.length === 0 ? (
        <EmptyState
          title="No survey to map the results onto yet"
          action={
            <Link className="btn btn-primary" href="/surveys/new">
              Create a survey
            </Link>
          }
        >
          Imported results take the questions of one of your surveys, so their trends line up.
        </EmptyState>
      ) : (
        <SurveyImportPanel
          copySources={choices.copySources}
          emptyTargets={choices.emptyTargets}
          suggestedPeriod={suggestedPeriod}
        />
      )}
    </>
  );
}
