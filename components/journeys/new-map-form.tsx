"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { InputField } from "@/components/ui/field";
import { useCreateJourneyMap } from "@/lib/journeys/hooks";
import { formValues } from "@/components/ui/form-values";
import { SubmitRow } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";

type TemplateOption = {
  id: string;
  name: string;
  workflow: string;
  persona: string;
  currentSteps: number;
  goldenSteps: number;
};

/** Start a map from a template (both paths filled in) or from a blank page. */
export function NewMapForm({ templates }: { templates: TemplateOption[] }) {
  const router = useRouter();
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const chosen = templates.find((t) => t.id === templateId);
  const [name, setName] = useState(chosen?.name ?? "");
  const create = useCreateJourneyMap({ onSuccess: (detail) => router.push(`/journeys/${detail.map.id}`) });
  const errors = create.fieldErrors;

  return (
    <section className="card stack" aria-labelledby="new-map-heading">
      <h2 id="new-map-heading">New journey map</h2>
      <ClientForm
        className="stack"
        onSubmit={(form) => {
          const data = formValues(form, ["maturityNow", "maturityTarget"]);
          create.mutate({ ...data, templateId: templateId || undefined });
        }}
      >
        <fieldset className="journey-template-picker">
          <legend className="label">Start from</legend>
          {templates.map((t) => (
            <label key={t.id} className="journey-template-option">
              <input
                type="radio"
                name="template"
                value={t.id}
                checked={templateId === t.id}
                onChange={() => {
                  setTemplateId(t.id);
                  setName(t.name);
                }}
              />
              <span>
                <strong>{t.name}</strong>
                <span className="muted small">
                  {" "}
                  · {t.currentSteps} current steps, {t.goldenSteps} golden steps
                </span>
                <br />
                <span className="muted small">{t.workflow}</span>
              </span>
            </label>
          ))}
          <label className="journey-template-option">
            <input
              type="radio"
              name="template"
              value=""
              checked={templateId === ""}
              onChange={() => {
                setTemplateId("");
                setName("");
              }}
            />
            <span>
              <strong>Blank map</strong>
              <br />
              <span className="muted small">Both paths empty; add the steps yourself</span>
            </span>
          </label>
        </fieldset>
        <div className="grid-2">
          <InputField
            label="Map name"
            error={errors.name}
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
          />
          <InputField
            label="Persona or teams"
            hint="Who walks this path"
            error={errors.persona}
            name="persona"
            defaultValue=""
            key={`persona-${templateId}`}
            placeholder={chosen?.persona ?? "e.g. Payments and Checkout engineers"}
          />
        </div>
        <SubmitRow mutation={create} label="Create map" pendingLabel="Creating…" />
      </ClientForm>
    </section>
  );
}
