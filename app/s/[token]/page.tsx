import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RespondentForm } from "@/components/respondent/respondent-form";
import { RespondentShell, RespondentNotice } from "@/components/respondent/respondent-shell";
import { surveyAvailability } from "@/lib/surveys/lifecycle";
import { todayIsoDate } from "@/lib/surveys/period";
import { getRespondentSurvey } from "@/lib/surveys/queries";
import { estimateLabel } from "@/lib/surveys/time-estimate";

// Public and session-free: no sign-in, no providers, only the form's own small client component.
export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TOKEN = /^[A-Za-z0-9_-]{4,64}$/;

async function load(token: string) {
  return TOKEN.test(token) ? getRespondentSurvey({ token }) : null;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const target = await load((await params).token);
  return { title: target ? target.survey.title : "Survey not found", robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function RespondentPage({ params, searchParams }: PageProps) {
  const { token } = await params;
  const target = await load(token);
  if (!target) notFound();
  const { survey, questions, teamName } = target;
  const availability = surveyAvailability(survey, todayIsoDate());
  const query = await searchParams;

  if (availability === "closed") {
    return (
      <RespondentNotice title="This survey is closed" testId="survey-closed">
        <p>
          <strong>{survey.title}</strong> stopped taking answers. Thank you for your interest — the next survey will come with a new link.
        </p>
      </RespondentNotice>
    );
  }
  if (availability !== "open") {
    return (
      <RespondentNotice title="This survey is not open yet" testId="survey-not-open">
        <p>
          <strong>{survey.title}</strong> {survey.opensOn ? `opens on ${survey.opensOn}` : "has not been published yet"}. Come back then — the link stays the same.
        </p>
      </RespondentNotice>
    );
  }
  // The no-JavaScript path lands here after posting the form (see ./submit/route.ts).
  if (query.sent === "1") {
    return (
      <RespondentNotice title="Thank you — your answers are in" testId="survey-thanks">
        <p>Nothing that identifies you was stored with them. You can close this page now.</p>
      </RespondentNotice>
    );
  }
  const sendError = typeof query.error === "string" ? query.error.slice(0, 300) : null;

  return (
    <RespondentShell>
      <header className="respondent-header">
        <p className="muted small">
          {survey.period}
          {teamName ? ` · ${teamName}` : ""}
        </p>
        <h1>{survey.title}</h1>
        {survey.intro ? <p>{survey.intro}</p> : null}
        <p className="muted small">
          {questions.length} questions · {estimateLabel(questions)} · questions marked “required” need an answer
        </p>
      </header>
      {sendError ? (
        <div className="alert alert-error" role="alert">
          {sendError}
        </div>
      ) : null}
      <RespondentForm
        token={token}
        surveyId={survey.id}
        questions={questions}
        // A fresh random key per page load: a retried send of this page counts once.
        idempotencyKey={randomBytes(18).toString("hex")}
        estimate={estimateLabel(questions)}
      />
    </RespondentShell>
  );
}
