import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SurveyResultsView } from "@/components/analytics/survey-results";
import { PageHeader } from "@/components/ui/page-header";
import { CardSkeleton } from "@/components/ui/skeleton";
import { surveyResultsParamsSchema } from "@/lib/analytics/schemas";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { getSurveyById } from "@/lib/surveys/queries";

export const metadata: Metadata = { title: "Survey results" };

export default async function SurveyResultsPage({ params }: { params: Promise<{ surveyId: string }> }) {
  const parsed = surveyResultsParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const [survey, user] = await Promise.all([getSurveyById({ id: parsed.data.surveyId }), requireUser()]);
  if (!survey) notFound();
  return (
    <>
      <PageHeader
        title={survey.title}
        description={`Results · ${survey.period}`}
        actions={
          <>
            {hasRole(user.role, "editor") && survey.status === "closed" ? (
              <Link className="btn btn-sm" href={`/settings/share-links?target=survey&survey=${survey.id}`}>
                Share
              </Link>
            ) : null}
            <Link className="btn btn-sm" href="/results">
              All surveys
            </Link>
          </>
        }
      />
      <Suspense fallback={<CardSkeleton lines={4} />}>
        <SurveyResultsView surveyId={survey.id} />
      </Suspense>
    </>
  );
}
