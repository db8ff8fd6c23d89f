"use client";
import { useState } from "react";
import { Field, InputField } from "@/components/ui/field";
import { useUpdateSurvey } from "@/lib/surveys/hooks";
import type { EditorSurvey } from "./types";
import { SubmitRow } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";

/** Title, introduction, quarter and the optional open/close dates. */
export function SurveyDetailsForm({ survey, canEdit }: { survey: EditorSurvey; canEdit: boolean }) {
  const [saved, setSaved] = useState(false);
  const mutation = useUpdateSurvey(survey.id, { onSuccess: () => setSaved(true) });
  const errors = mutation.fieldErrors;
  return (
    <ClientForm
      className="card stack"
      noValidate
      onChange={() => setSaved(false)}
      onSubmit={(form) => {
        setSaved(false);
        const data = new FormData(form);
        const date = (name: string) => (String(data.get(name) ?? "") || null) as string | null;
        mutation.mutate({
          title: data.get("title"),
          intro: data.get("intro"),
          period: data.get("period"),
          opensOn: date("opensOn"),
          closesOn: date("closesOn"),
        });
      }}
    >
      <div className="grid-2">
        <InputField label="Title" error={errors.title} name="title" defaultValue={survey.title} disabled={!canEdit} />
        <InputField
          label="Quarter"
          hint="Such as 2026-Q3; trends compare quarters."
          error={errors.period}
          name="period"
          defaultValue={survey.period}
          disabled={!canEdit}
        />
      </div>
      <Field label="Introduction shown to respondents" error={errors.intro}>
        {(p) => (
          <textarea
            {...p}
            className="input"
            name="intro"
            defaultValue={survey.intro}
            disabled={!canEdit}
            maxLength={1000}
          />
        )}
      </Field>
      <div className="grid-2">
        <InputField
          label="Opens on (optional)"
          hint="Before this day the link says the survey is not open yet."
          error={errors.opensOn}
          type="date"
          name="opensOn"
          defaultValue={survey.opensOn ?? ""}
          disabled={!canEdit}
        />
        <InputField
          label="Closes on (optional)"
          hint="After this day no more answers are taken."
          error={errors.closesOn}
          type="date"
          name="closesOn"
          defaultValue={survey.closesOn ?? ""}
          disabled={!canEdit}
        />
      </div>
      {canEdit ? (
        <SubmitRow mutation={mutation} label="Save details" pendingLabel="Saving…" done={saved} doneLabel="Saved" />
      ) : null}
    </ClientForm>
  );
}
