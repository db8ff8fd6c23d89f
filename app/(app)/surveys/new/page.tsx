import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { surveyTemplates } from "@/lib/surveys/templates";

export const metadata: Metadata = { title: "New survey" };

export default async function NewSurveyPage() {
  await requireUser("editor");
  return (
    <>
      <PageHeader title="New survey" description="Start from a template; every question can be edited before you publish." />
      <div className="grid-2">
        {surveyTemplates.map((t) => (
          <div className="card" key={t.id}>
            <h2>{t.name}</h2>
            <p className="muted">{t.description}</p>
          </div>
        ))}
      </div>
    </>
  );
}
