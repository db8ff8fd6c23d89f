"use client";
// The dashboard's Targets card: each target with its status and readTarget's sentence, and (editors) a form
// to set one. Targets on a team's figure that the dashboards hide show no value.
import { useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, InputField } from "@/components/ui/field";
import { ErrorAlert, SubmitRow } from "@/components/ui/form-status";
import { formNumber } from "@/components/ui/form-values";
import { useFormat } from "@/components/ui/locale";
import { Options } from "@/components/ui/options";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { TARGET_METRICS, metricHasTeams, targetMetricLabels, type TargetMetric } from "@/lib/targets/constants";
import {
  useCreateTarget,
  useDeleteTarget,
  useMeasureOptions,
  useTargets,
  type MeasureOptionsData,
  type TargetRow,
} from "@/lib/targets/hooks";
import { formatTargetValue, TargetStatusBadge } from "./target-value";

export function TargetsCard({ canEdit }: { canEdit: boolean }) {
  const targets = useTargets();
  const [adding, setAdding] = useState(false);
  return (
    <section className="card stack" aria-labelledby="targets-title" data-testid="targets-card">
      <div className="row-between">
        <h2 id="targets-title">Targets</h2>
        {canEdit && !adding ? (
          <button type="button" className="btn btn-sm" onClick={() => setAdding(true)}>
            Set a target
          </button>
        ) : null}
      </div>
      {canEdit && adding ? <NewTargetForm onDone={() => setAdding(false)} /> : null}
      {targets.isPending ? (
        <div role="status" aria-busy="true" aria-label="Loading targets">
          <Skeleton height={60} />
        </div>
      ) : targets.isError ? (
        <QueryError what="the targets" error={targets.error} onRetry={() => void targets.refetch()} />
      ) : targets.data.length === 0 ? (
        <p className="muted">
          No targets yet. {canEdit ? "Set one to read the trends against a goal." : "Editors can set them."}
        </p>
      ) : (
        <TargetList targets={targets.data} canEdit={canEdit} />
      )}
    </section>
  );
}

export function TargetList({ targets, canEdit }: { targets: TargetRow[]; canEdit: boolean }) {
  const format = useFormat();
  const remove = useDeleteTarget();
  return (
    <>
      <ErrorAlert message={remove.error ? "Could not remove the target. Try again." : null} />
      <ul className="stack target-list" aria-label="Targets">
        {targets.map((t) => (
          <li key={t.id} className="target-row" data-testid="target-row">
            <div className="row-between">
              <strong>{t.label}</strong>
              <TargetStatusBadge status={t.status} />
            </div>
            <div className="muted small">
              Goal {formatTargetValue(format, t.metric, t.goal)} by {t.due}
              {t.baseline
                ? ` · from ${formatTargetValue(format, t.metric, t.baseline.value)} in ${t.baseline.period}`
                : ""}
              {t.current ? ` · now ${formatTargetValue(format, t.metric, t.current.value)} (${t.current.period})` : ""}
            </div>
            <p className="small" data-testid="target-summary">
              {t.withinNoise ? <span className="badge">Within noise</span> : null} {t.summary}
            </p>
            {canEdit ? (
              <div>
                <ConfirmButton
                  className="btn btn-sm"
                  label={`Remove target ${t.label}`}
                  title="Remove this target?"
                  consequence="Its baseline goes with it; setting it again takes the latest quarter as the new baseline."
                  confirmLabel="Remove target"
                  onConfirm={() => remove.mutate(t.id)}
                >
                  Remove
                </ConfirmButton>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

const keyChoices = (metric: TargetMetric, options: MeasureOptionsData) =>
  metric === "dimension"
    ? options.dimensions
    : metric === "timing"
      ? options.workflows
      : metric === "dora"
        ? options.dora
        : [];

function NewTargetForm({ onDone }: { onDone: () => void }) {
  const options = useMeasureOptions();
  const [metric, setMetric] = useState<TargetMetric>("nps");
  const create = useCreateTarget({ onSuccess: onDone });
  const errors = create.fieldErrors;
  if (options.isPending) return <Skeleton height={80} />;
  if (options.isError)
    return <QueryError what="the measures" error={options.error} onRetry={() => void options.refetch()} />;
  const keys = keyChoices(metric, options.data);
  return (
    <ClientForm
      className="stack"
      noValidate
      aria-label="New target"
      onSubmit={(form) => {
        const data = new FormData(form);
        create.mutate({
          metric,
          metricKey: (data.get("metricKey") as string | null) ?? "",
          teamId: data.get("teamId") || null,
          goal: formNumber(data.get("goal")),
          due: data.get("due"),
          note: "",
        });
      }}
    >
      <div className="grid-2">
        <Field label="Measure" error={errors.metric}>
          {(p) => (
            <select
              {...p}
              name="metric"
              className="input"
              value={metric}
              onChange={(e) => setMetric(e.target.value as TargetMetric)}
            >
              <Options values={TARGET_METRICS} labels={targetMetricLabels} />
            </select>
          )}
        </Field>
        {keys.length ? (
          <Field
            label={metric === "timing" ? "Workflow" : metric === "dora" ? "DORA measure" : "Dimension"}
            error={errors.metricKey}
          >
            {(p) => (
              <select {...p} name="metricKey" className="input">
                {keys.map((k) => (
                  <option key={k.key} value={k.key}>
                    {k.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {metricHasTeams[metric] ? (
          <Field label="Team" error={errors.teamId} hint="A team's target shows no value while its figure is hidden.">
            {(p) => (
              <select {...p} name="teamId" className="input">
                <option value="">All teams</option>
                {options.data.teams.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <InputField
          label="Goal"
          name="goal"
          type="number"
          step="any"
          required
          hint={goalHint[metric]}
          error={errors.goal}
        />
        <InputField label="Due quarter" name="due" placeholder="2027-Q2" required error={errors.due} />
      </div>
      <SubmitRow mutation={create} label="Save target" pendingLabel="Saving…">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </SubmitRow>
    </ClientForm>
  );
}

const goalHint: Record<TargetMetric, string> = {
  nps: "NPS points, e.g. 40.",
  dimension: "A 1–5 mean, e.g. 3.8.",
  dora: "A band: 1 low, 2 medium, 3 high, 4 elite.",
  timing: "Minutes; lower is better.",
};
