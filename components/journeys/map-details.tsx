"use client";
import { useState } from "react";
import { Field, InputField } from "@/components/ui/field";
import { useUpdateJourneyMap } from "@/lib/journeys/hooks";
import { maturityLabels, type JourneyMapDetail } from "@/lib/journeys/types";
import { formValues } from "@/components/ui/form-values";
import { SubmitRow } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";

/** The map's name, workflow, persona and self-service maturity; a form for editors, a summary for viewers. */
export function MapDetails({ map, canEdit }: { map: JourneyMapDetail["map"]; canEdit: boolean }) {
  const [saved, setSaved] = useState(false);
  const save = useUpdateJourneyMap(map.id, { onSuccess: () => setSaved(true) });
  const errors = save.fieldErrors;

  if (!canEdit) {
    return (
      <section className="card" aria-labelledby="map-details-heading">
        <h2 id="map-details-heading" className="sr-only">
          Map details
        </h2>
        <dl className="journey-details">
          <div>
            <dt>Workflow</dt>
            <dd>{map.workflow || "—"}</dd>
          </div>
          <div>
            <dt>Persona or teams</dt>
            <dd>{map.persona || "—"}</dd>
          </div>
          <div>
            <dt>Self-service maturity</dt>
            <dd>
              {map.maturityNow} {maturityLabels[map.maturityNow]} → target {map.maturityTarget}{" "}
              {maturityLabels[map.maturityTarget]}
            </dd>
          </div>
        </dl>
      </section>
    );
  }

  return (
    <section className="card stack" aria-labelledby="map-details-heading">
      <h2 id="map-details-heading">Map details</h2>
      <ClientForm
        className="stack"
        noValidate
        onSubmit={(form) => {
          setSaved(false);
          save.mutate(formValues(form, ["maturityNow", "maturityTarget"]));
        }}
      >
        <div className="grid-2">
          <InputField label="Name" error={errors.name} name="name" defaultValue={map.name} maxLength={120} />
          <InputField
            label="Persona or teams"
            error={errors.persona}
            name="persona"
            defaultValue={map.persona}
            maxLength={200}
          />
          <InputField
            label="Workflow"
            hint="Where the journey starts and ends"
            error={errors.workflow}
            name="workflow"
            defaultValue={map.workflow}
            maxLength={300}
          />
          <div className="grid-2">
            <MaturityField
              label="Maturity now"
              name="maturityNow"
              defaultValue={map.maturityNow}
              error={errors.maturityNow}
            />
            <MaturityField
              label="Maturity target"
              name="maturityTarget"
              defaultValue={map.maturityTarget}
              error={errors.maturityTarget}
            />
          </div>
        </div>
        <SubmitRow
          mutation={save}
          label="Save details"
          pendingLabel="Saving…"
          done={saved}
          doneLabel="Saved"
          buttonClass="btn btn-primary btn-sm"
        />
      </ClientForm>
    </section>
  );
}

/** A maturity level from 0 to 5, each option with its name. */
function MaturityField({
  label,
  name,
  defaultValue,
  error,
}: {
  label: string;
  name: string;
  defaultValue: number;
  error?: string[];
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select {...p} className="input" name={name} defaultValue={defaultValue}>
          {maturityLabels.map((label, i) => (
            <option key={i} value={i}>
              {i} · {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
