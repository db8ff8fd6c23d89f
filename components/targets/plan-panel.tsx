"use client";
// A backlog item's action plan in its detail panel: target quarter, owner and success measure (editors set
// them; everyone reads them, with the measure before and after once the quarter has passed).
import Link from "next/link";
import { useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { Field, InputField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/form-status";
import { Options } from "@/components/ui/options";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { PLAN_MEASURES, planMeasureLabels, type PlanMeasure } from "@/lib/targets/constants";
import { useMeasureOptions, usePlan, useSavePlan, type MeasureOptionsData } from "@/lib/targets/hooks";
import { PlanResult } from "./plan-result";

const choicesFor = (kind: PlanMeasure, o: MeasureOptionsData) =>
  ({ dimension: o.dimensions, question: o.questions, journey_step: o.journeySteps, timing: o.workflows })[kind];

export function PlanPanel({ itemId, owner, canEdit }: { itemId: string; owner: string; canEdit: boolean }) {
  const plan = usePlan(itemId);
  return (
    <div className="stack" data-testid="plan-panel">
      <h3>Action plan</h3>
      {plan.isPending ? (
        <Skeleton height={40} />
      ) : plan.isError ? (
        <QueryError what="the plan" error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <>
          {plan.data ? (
            <p className="small">
              Planned for <strong>{plan.data.targetQuarter}</strong>
              {plan.data.owner ? ` · owner ${plan.data.owner}` : ""}
              {plan.data.measure ? ` · measured by ${plan.data.measure.label}` : ""}.{" "}
              <Link className="text-link" href="/backlog/roadmap">
                See the roadmap
              </Link>
              <br />
              <PlanResult plan={plan.data} />
            </p>
          ) : (
            <p className="small muted">Not on the roadmap yet.</p>
          )}
          {canEdit ? <PlanForm key={JSON.stringify(plan.data)} itemId={itemId} owner={owner} plan={plan.data} /> : null}
        </>
      )}
    </div>
  );
}

function PlanForm({
  itemId,
  owner,
  plan,
}: {
  itemId: string;
  owner: string;
  plan: NonNullable<ReturnType<typeof usePlan>["data"]> | null;
}) {
  const options = useMeasureOptions();
  const save = useSavePlan(itemId);
  const [kind, setKind] = useState<PlanMeasure | "">(plan?.measure?.kind ?? "");
  const errors = save.fieldErrors;
  const choices = kind && options.data ? choicesFor(kind, options.data) : [];
  return (
    <ClientForm
      className="stack"
      noValidate
      aria-label="Action plan"
      onSubmit={(form) => {
        const data = new FormData(form);
        save.mutate({
          targetQuarter: data.get("targetQuarter"),
          owner: data.get("owner"),
          measureKind: kind || null,
          measureKey: kind ? data.get("measureKey") : null,
        });
      }}
    >
      <div className="grid-2">
        <InputField
          label="Target quarter"
          name="targetQuarter"
          placeholder="2027-Q1"
          defaultValue={plan?.targetQuarter ?? ""}
          error={errors.targetQuarter}
        />
        <InputField label="Plan owner" name="owner" defaultValue={owner} maxLength={100} error={errors.owner} />
        <Field label="Success measure" error={errors.measureKind}>
          {(p) => (
            <select
              {...p}
              name="measureKind"
              className="input"
              value={kind}
              onChange={(e) => setKind(e.target.value as PlanMeasure | "")}
            >
              <option value="">None yet</option>
              <Options values={PLAN_MEASURES} labels={planMeasureLabels} />
            </select>
          )}
        </Field>
        {kind ? (
          <Field label={planMeasureLabels[kind]} error={errors.measureKey}>
            {(p) => (
              <select {...p} name="measureKey" className="input" defaultValue={plan?.measure?.key ?? ""}>
                {choices.length === 0 ? <option value="">Nothing to choose yet</option> : null}
                {choices.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <SubmitRow mutation={save} label="Save plan" pendingLabel="Saving…" doneLabel="Saved" />
    </ClientForm>
  );
}
