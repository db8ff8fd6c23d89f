"use client";
import { Field, InputField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { auditFields, auditLabels, type JourneyStepView } from "@/lib/journeys/types";
import { formValues } from "@/components/ui/form-values";
import {
  type JourneyPath,
  LOAD_TYPES,
  loadTypeHints,
  loadTypeLabels,
  outcomeLabels,
  painLabels,
  PAINS,
  STEP_OUTCOMES,
} from "@/lib/journeys/constants";
import { InlineError } from "@/components/ui/form-status";
import { Options } from "@/components/ui/options";
import { ClientForm } from "@/components/ui/client-form";

/** Reads the form into the API's step shape, numbers as numbers (empty ones as null, for the schema to refuse). */
export function readStepForm(form: HTMLFormElement, path: JourneyPath): Record<string, unknown> {
  const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
  const out = formValues(form, ["minutes", "loadLevel", ...auditFields]);
  if (path === "golden") {
    out.counterpartStepId = data.counterpartStepId || null;
    out.outcome = data.outcome || null;
  }
  return out;
}

export function StepForm({
  path,
  step,
  currentSteps,
  errors = {},
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  path: JourneyPath;
  step?: JourneyStepView;
  currentSteps: JourneyStepView[];
  errors?: FieldErrors;
  pending: boolean;
  submitLabel: string;
  onSubmit: (values: Record<string, unknown>, form: HTMLFormElement) => void;
  onCancel?: () => void;
}) {
  const pathLabel = path === "current" ? "current" : "golden";
  return (
    <ClientForm
      className="stack journey-step-form"
      aria-label={step ? `Edit step ${step.name}` : `Add a ${pathLabel} step`}
      noValidate
      onSubmit={(form) => {
        onSubmit(readStepForm(form, path), form);
      }}
    >
      <div className="journey-form-grid">
        <div className="journey-form-wide">
          <InputField
            label="Step name"
            error={errors.name}
            name="name"
            defaultValue={step?.name ?? ""}
            maxLength={200}
            autoFocus={Boolean(step)}
          />
        </div>
        <InputField
          label="Time (minutes)"
          error={errors.minutes}
          name="minutes"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          defaultValue={step?.minutes ?? 0}
        />
        <Field label="Pain" error={errors.pain}>
          {(p) => (
            <select {...p} className="input" name="pain" defaultValue={step?.pain ?? "low"}>
              <Options values={PAINS} labels={painLabels} />
            </select>
          )}
        </Field>
        <Field label="Load type" error={errors.loadType}>
          {(p) => (
            <select {...p} className="input" name="loadType" defaultValue={step?.loadType ?? "intrinsic"}>
              {LOAD_TYPES.map((x) => (
                <option key={x} value={x} title={loadTypeHints[x]}>
                  {loadTypeLabels[x]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <InputField
          label="Load level (1–5)"
          error={errors.loadLevel}
          name="loadLevel"
          type="number"
          min={1}
          max={5}
          step={1}
          defaultValue={step?.loadLevel ?? 1}
        />
        {path === "golden" ? (
          <>
            <Field label="Replaces current step" error={errors.counterpartStepId}>
              {(p) => (
                <select {...p} className="input" name="counterpartStepId" defaultValue={step?.counterpartStepId ?? ""}>
                  <option value="">None (a new step)</option>
                  {currentSteps.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.position + 1}. {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="What happened to it" error={errors.outcome}>
              {(p) => (
                <select {...p} className="input" name="outcome" defaultValue={step?.outcome ?? ""}>
                  <option value="">Not recorded</option>
                  <Options values={STEP_OUTCOMES} labels={outcomeLabels} />
                </select>
              )}
            </Field>
          </>
        ) : null}
      </div>
      <fieldset className="journey-audit">
        <legend className="label">Cognitive-load audit: how many does this step touch?</legend>
        <div className="journey-audit-grid">
          {auditFields.map((f) => (
            <Field key={f} label={auditLabels[f]} error={errors[f]}>
              {(p) => (
                <input {...p} className="input" name={f} type="number" min={0} step={1} defaultValue={step?.[f] ?? 0} />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <Field label="Notes" error={errors.notes}>
        {(p) => (
          <textarea {...p} className="input" name="notes" rows={2} defaultValue={step?.notes ?? ""} maxLength={2000} />
        )}
      </Field>
      <div className="row">
        <button className="btn btn-primary btn-sm" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-sm" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <InlineError message={errors._?.[0]} />
      </div>
    </ClientForm>
  );
}
