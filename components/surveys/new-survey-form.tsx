"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { InputField } from "@/components/ui/field";
import type { SurveyStatus } from "@/lib/surveys/constants";
import { proposeSurveyToCopy } from "@/lib/surveys/copy-source";
import { useCreateSurvey } from "@/lib/surveys/hooks";
import { ErrorAlert } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";

type TemplateCard = { id: string; name: string; description: string; questionCount: number; estimate: string };
type SurveyChoice = { id: string; title: string; period: string; status: SurveyStatus; questionCount: number };

/** Pick a starting point (last quarter's survey or a template) and a quarter, then edit the draft. */
export function NewSurveyForm({
  templates,
  surveys,
  suggestedPeriod,
}: {
  templates: TemplateCard[];
  surveys: SurveyChoice[];
  suggestedPeriod: string;
}) {
  const router = useRouter();
  const [source, setSource] = useState(surveys.length ? "copy" : "template:quarterly-dx");
  const [period, setPeriod] = useState(suggestedPeriod);
  // Until the person picks a survey to copy, the proposal follows the quarter they type.
  const [pickedCopy, setPickedCopy] = useState<string | null>(null);
  const create = useCreateSurvey({ onSuccess: ({ survey }) => router.push(`/surveys/${survey.id}`) });
  const errors = create.fieldErrors;
  const copyId = source === "copy" ? (pickedCopy ?? proposeSurveyToCopy(surveys, period.trim())?.id ?? "") : "";

  return (
    <ClientForm
      className="stack"
      noValidate
      onSubmit={(form) => {
        const data = new FormData(form);
        const title = String(data.get("title") ?? "").trim();
        create.mutate({
          period: data.get("period"),
          ...(title ? { title } : {}),
          ...(copyId ? { copyFromSurveyId: copyId } : { templateId: source.slice("template:".length) }),
        });
      }}
    >
      <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="label" style={{ marginBottom: "0.5rem" }}>
          Start from
        </legend>
        {surveys.length ? (
          <label className="card template-card">
            <span className="row">
              <input
                type="radio"
                name="source"
                value="copy"
                checked={source === "copy"}
                onChange={() => setSource("copy")}
              />
              <strong>Copy an earlier survey</strong> <span className="badge badge-accent">Recommended</span>
            </span>
            <span className="muted small">
              Keeps every question key, so this quarter compares with the last. Rewording is allowed and recorded.
            </span>
            {source === "copy" ? (
              <select
                className="input"
                aria-label="Survey to copy"
                value={copyId}
                onChange={(e) => setPickedCopy(e.target.value)}
                style={{ maxWidth: 420 }}
              >
                {surveys.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title} ({s.period}, {s.questionCount} questions)
                  </option>
                ))}
              </select>
            ) : null}
          </label>
        ) : null}
        <div className="grid-2">
          {templates.map((t) => (
            <label className="card template-card" key={t.id}>
              <span className="row">
                <input
                  type="radio"
                  name="source"
                  value={t.id}
                  checked={source === `template:${t.id}`}
                  onChange={() => setSource(`template:${t.id}`)}
                />
                <strong>{t.name}</strong>
              </span>
              <span className="muted small">{t.description}</span>
              <span className="small">
                {t.questionCount ? `${t.questionCount} questions · ${t.estimate.toLowerCase()}` : "No questions yet"}
              </span>
            </label>
          ))}
        </div>
        {errors.templateId || errors.copyFromSurveyId ? (
          <span className="field-error">{(errors.templateId ?? errors.copyFromSurveyId)![0]}</span>
        ) : null}
      </fieldset>
      <div className="grid-2">
        <InputField
          label="Quarter"
          hint="Such as 2026-Q3."
          error={errors.period}
          name="period"
          defaultValue={suggestedPeriod}
          onChange={(e) => setPeriod(e.target.value)}
        />
        <InputField
          label="Title (optional)"
          hint="Defaults to the template’s or copied survey’s title with the new quarter."
          error={errors.title}
          name="title"
        />
      </div>
      <ErrorAlert message={create.generalError} />
      <div className="row">
        <button className="btn btn-primary" disabled={create.isPending || create.isSuccess}>
          {create.isPending || create.isSuccess ? "Creating…" : "Create draft"}
        </button>
      </div>
    </ClientForm>
  );
}
