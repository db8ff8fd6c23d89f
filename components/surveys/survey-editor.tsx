"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeTally } from "@/lib/anonymity/surveys";
import {
  useChangeSurveyStatus,
  useDeleteSurvey,
  useSurvey,
  type SurveyLinks as SurveyLinkData,
} from "@/lib/surveys/hooks";
import { estimateLabel } from "@/lib/surveys/time-estimate";
import { SurveyForm } from "@/components/responses/survey-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { QuestionList } from "./question-list";
import { SurveyDetailsForm } from "./survey-details-form";
import { SurveyLinks } from "./survey-links";
import type { DimensionOption, SurveyDetail } from "./types";
import { surveyStatusLabels } from "@/lib/surveys/constants";
import { ErrorAlert } from "@/components/ui/form-status";
import { DistributionPanel } from "@/components/distribution/distribution-panel";

const tabs = [
  { id: "questions", label: "Questions" },
  { id: "share", label: "Share & responses" },
  { id: "preview", label: "Preview" },
  { id: "details", label: "Details" },
  { id: "distribution", label: "Distribution" },
] as const;
type Tab = (typeof tabs)[number]["id"];

const statusBadge = { draft: "badge", open: "badge badge-good", closed: "badge badge-warn" } as const;

export function SurveyEditor({
  initial,
  initialLinks,
  dimensions,
  canEdit,
  teams,
  initialTab = "questions",
}: {
  initial: SurveyDetail;
  initialLinks: SurveyLinkData;
  dimensions: DimensionOption[];
  canEdit: boolean;
  /** Active teams, for a link for one team (editors only). */
  teams: { id: string; name: string }[];
  initialTab?: Tab;
}) {
  const router = useRouter();
  const [tab, setTab] = useState<Tab>(initialTab);
  // Distribution (series, email and Slack) is for editors.
  const visibleTabs = tabs.filter((t) => t.id !== "distribution" || canEdit);
  const detail = useSurvey(initial);
  const { survey, questions, responses, k } = detail.data;
  const active = questions.filter((q) => !q.archivedAt);

  const setStatus = useChangeSurveyStatus(survey.id);
  const remove = useDeleteSurvey(survey.id, {
    onSuccess: () => {
      router.push("/surveys");
      router.refresh();
    },
  });

  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <p className="muted small">
            {survey.period} · {active.length} questions · {estimateLabel(active)} · {describeTally(responses, k)}{" "}
            responses
          </p>
          <h1>{survey.title}</h1>
          <span className={statusBadge[survey.status]} data-testid="survey-status">
            {surveyStatusLabels[survey.status]}
          </span>
        </div>
        <div className="row">
          {survey.status !== "draft" ? (
            <Link className="btn" href={`/results/${survey.id}`}>
              View results
            </Link>
          ) : null}
          {canEdit ? (
            survey.status === "draft" ? (
              <>
                <ConfirmButton
                  className="btn btn-ghost btn-danger"
                  disabled={remove.isPending}
                  title="Delete this draft?"
                  consequence={`“${survey.title}” and its ${active.length} questions are deleted for good. This cannot be undone.`}
                  confirmLabel="Delete draft"
                  onConfirm={() => remove.mutate()}
                >
                  Delete draft
                </ConfirmButton>
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => setStatus.mutate("open")}
                  disabled={setStatus.isPending}
                >
                  Publish survey
                </button>
              </>
            ) : survey.status === "open" ? (
              <ConfirmButton
                disabled={setStatus.isPending}
                title="Close this survey?"
                consequence="Closing stops answers on every link and publishes results for every group large enough to show. Once anyone has answered, a reopened survey cannot take back what was published."
                confirmLabel="Close survey"
                onConfirm={() => setStatus.mutate("closed")}
              >
                Close survey
              </ConfirmButton>
            ) : (
              <button
                type="button"
                className="btn"
                onClick={() => setStatus.mutate("open")}
                disabled={setStatus.isPending}
              >
                Reopen survey
              </button>
            )
          ) : null}
        </div>
      </header>
      <ErrorAlert message={(setStatus.error ?? remove.error)?.message} />
      {setStatus.isSuccess && survey.status === "open" ? (
        <div className="alert alert-good" role="status">
          Published. Share the links below — answers are counted live.
        </div>
      ) : null}

      <div className="tabs" role="tablist" aria-label="Survey sections">
        {visibleTabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab tab-button"
            aria-current={tab === t.id ? "page" : undefined}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              const i = visibleTabs.findIndex((x) => x.id === tab);
              const next =
                e.key === "ArrowRight"
                  ? (i + 1) % visibleTabs.length
                  : e.key === "ArrowLeft"
                    ? (i - 1 + visibleTabs.length) % visibleTabs.length
                    : -1;
              if (next >= 0) {
                setTab(visibleTabs[next].id);
                document.getElementById(`tab-${visibleTabs[next].id}`)?.focus();
              }
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "questions" ? <QuestionList detail={detail.data} dimensions={dimensions} canEdit={canEdit} /> : null}
        {tab === "share" ? (
          <SurveyLinks
            surveyId={survey.id}
            status={survey.status}
            canEdit={canEdit}
            initialLinks={initialLinks}
            teams={teams}
            k={k}
          />
        ) : null}
        {tab === "preview" ? (
          <div className="preview-frame">
            <p className="muted small">Exactly what respondents see. Nothing is sent from the preview.</p>
            {/* The respondent page's own component, inert: no form, no script. */}
            <div className="respondent preview-inner">
              <SurveyForm
                survey={survey}
                teamName={null}
                questions={active}
                mode={{ kind: "preview" }}
                headingLevel={2}
              />
            </div>
          </div>
        ) : null}
        {tab === "details" ? <SurveyDetailsForm survey={survey} canEdit={canEdit} /> : null}
        {tab === "distribution" && canEdit ? (
          <DistributionPanel surveyId={survey.id} status={survey.status} teams={teams} />
        ) : null}
      </div>
    </div>
  );
}
