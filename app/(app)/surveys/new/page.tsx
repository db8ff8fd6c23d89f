import type { Metadata } from "next";
import { NewSurveyForm } from "@/components/surveys/new-survey-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { nextPeriod, periodOfDate } from "@/lib/period";
import { listSurveys } from "@/lib/surveys/queries";
import { surveyTemplates } from "@/lib/surveys/templates";
import { estimateLabel } from "@/lib/surveys/time-estimate";

export const metadata: Metadata = { title: "New survey" };

export default async function NewSurveyPage() {
  await requireUser("editor");
  const surveys = await listSurveys();
  const latest = surveys[0];
  const current = periodOfDate(new Date());
  const suggested = latest && nextPeriod(latest.period) > current ? nextPeriod(latest.period) : current;
  return (
    <>
      <PageHeader
        title="New survey"
        description="Copy last quarter’s survey so trends line up, or start from a template. Every question can be edited before you publish."
      />
      <NewSurveyForm
        templates={surveyTemplates.map((t) => ({
          id: t.id,
          name: t.name,
          description: t.description,
          questionCount: t.questions.length,
          estimate: estimateLabel(t.questions),
        }))}
        surveys={surveys.map((s) => ({
          id: s.id,
          title: s.title,
          period: s.period,
          status: s.status,
          questionCount: s.questionCount,
        }))}
        suggestedPeriod={suggested}
      />
    </>
  );
}
