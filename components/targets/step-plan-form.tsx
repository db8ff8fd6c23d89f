"use client";
// On a golden-path step: create the backlog item for the work it needs, with an effort estimate and,
// optionally, a target quarter (the item then appears on the roadmap, measured by the journey's timing).
import Link from "next/link";
import { useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { Field, InputField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/form-status";
import { Options } from "@/components/ui/options";
import { EFFORTS } from "@/lib/backlog/constants";
import { useCreateStepBacklogItem } from "@/lib/targets/hooks";

export function StepPlanForm({ mapId, stepId, stepName }: { mapId: string; stepId: string; stepName: string }) {
  const [created, setCreated] = useState(false);
  const create = useCreateStepBacklogItem(mapId, stepId, { onSuccess: () => setCreated(true) });
  const errors = create.fieldErrors;
  return (
    <details className="step-plan">
      <summary className="small">Plan the work for “{stepName}”</summary>
      <ClientForm
        className="stack"
        noValidate
        aria-label={`Plan the work for ${stepName}`}
        onSubmit={(form) => {
          const data = new FormData(form);
          setCreated(false);
          create.mutate({
            label: data.get("label"),
            effort: data.get("effort"),
            targetQuarter: data.get("targetQuarter"),
          });
        }}
      >
        <InputField label="Work item" name="label" defaultValue={stepName} maxLength={120} error={errors.label} />
        <Field label="Effort" hint="S, M or L." error={errors.effort}>
          {(p) => (
            <select {...p} name="effort" className="input" defaultValue="M">
              <Options values={EFFORTS} />
            </select>
          )}
        </Field>
        <InputField
          label="Target quarter (optional)"
          name="targetQuarter"
          placeholder="2027-Q1"
          error={errors.targetQuarter}
        />
        <SubmitRow mutation={create} label="Add to backlog" pendingLabel="Adding…" doneLabel="Added" done={created} />
        {created ? (
          <p className="small">
            <Link href="/backlog/roadmap">Open the roadmap</Link>
          </p>
        ) : null}
      </ClientForm>
    </details>
  );
}
