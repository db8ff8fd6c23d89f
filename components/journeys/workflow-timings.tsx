"use client";
import { QueryError } from "@/components/ui/query-error";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useState } from "react";
import { InputField } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { formErrors } from "@/lib/api/form-errors";
import { formatMinutes } from "@/lib/journeys/comparison";
import {
  useCreateWorkflow,
  useDeleteWorkflow,
  useRecordTiming,
  useUpdateWorkflow,
  useWorkflowTimings,
  type WorkflowTimingsData,
} from "@/lib/journeys/hooks";
import type { WorkflowTimingRow } from "@/lib/journeys/types";
import { formNumber, formValues } from "@/components/ui/form-values";
import { TableScroll } from "@/components/ui/table-scroll";
import { SubmitRow } from "@/components/ui/form-status";
import { Options } from "@/components/ui/options";
import { ClientForm } from "@/components/ui/client-form";

const statusBadge = {
  met: ["badge-good", "Met"],
  close: ["badge-warn", "Close"],
  missed: ["badge-bad", "Missed"],
} as const;

/** Critical workflows per quarter: up to three timed runs, their median and the gap to target. */
export function WorkflowTimings({ initial, canEdit }: { initial: WorkflowTimingsData; canEdit: boolean }) {
  const [period, setPeriod] = useState(initial.period);
  const timings = useWorkflowTimings(period, initial);
  const periods = timings.data?.periods ?? initial.periods;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="timings-heading">
        <div className="row-between">
          <h2 id="timings-heading">Baseline timings {period}</h2>
          <div className="row">
            <label htmlFor="timing-period" className="label">
              Quarter
            </label>
            <select
              id="timing-period"
              className="input"
              style={{ width: "auto" }}
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
            >
              <Options values={periods} />
            </select>
          </div>
        </div>
        <p className="muted small">
          Time each workflow up to three times a quarter; the median is compared with the target. <strong>Met</strong>:
          median at or under target · <strong>Close</strong>: at most 25% over · <strong>Missed</strong>: further over.
        </p>
        {timings.isError ? (
          <QueryError
            what="the workflow timings"
            error={timings.error}
            onRetry={() => timings.refetch()}
            retrying={timings.isFetching}
          />
        ) : !timings.data ? (
          <div className="stack" role="status" aria-busy="true" aria-label="Loading">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} height={28} />
            ))}
          </div>
        ) : (
          <TableScroll label="Baseline timings table">
            <table className="table journey-timings" aria-describedby="timings-heading">
              <thead>
                <tr>
                  <th>Workflow</th>
                  <th>Target</th>
                  <th>Measurements (minutes)</th>
                  <th>Median</th>
                  <th>Gap</th>
                  <th>Status</th>
                  <th>Previous quarter</th>
                  {canEdit ? (
                    <th>
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {timings.data.workflows.map((w) => (
                  <TimingRow key={`${w.workflowId}-${period}`} row={w} period={period} canEdit={canEdit} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {canEdit ? <AddWorkflowForm /> : null}
    </div>
  );
}

function TimingRow({ row, period, canEdit }: { row: WorkflowTimingRow; period: string; canEdit: boolean }) {
  const [values, setValues] = useState<string[]>(() =>
    [0, 1, 2].map((i) => (row.measurementsMinutes[i] === undefined ? "" : String(row.measurementsMinutes[i]))),
  );
  const [target, setTarget] = useState(String(row.targetMinutes));
  const record = useRecordTiming(row.workflowId, period);
  const retarget = useUpdateWorkflow(row.workflowId);
  const remove = useDeleteWorkflow(row.workflowId);
  // One message line per row, whichever of its three writes failed.
  const error = record.error ?? retarget.error ?? remove.error;
  const { fieldErrors } = formErrors(error);
  const dirty =
    values.join("|") !==
    [0, 1, 2]
      .map((i) => (row.measurementsMinutes[i] === undefined ? "" : String(row.measurementsMinutes[i])))
      .join("|");
  const [badgeClass, badgeText] = row.status ? statusBadge[row.status] : ["", "No data"];

  return (
    <tr data-testid="timing-row">
      <th scope="row" style={{ textTransform: "none", letterSpacing: 0, color: "var(--text)", fontSize: "0.92rem" }}>
        {row.name}
        {!row.builtIn ? (
          <span className="badge" style={{ marginLeft: 6 }}>
            Custom
          </span>
        ) : null}
      </th>
      <td className="nowrap">
        {canEdit ? (
          <ClientForm
            className="row"
            noValidate
            style={{ gap: 4, flexWrap: "nowrap" }}
            onSubmit={() => {
              retarget.mutate({ targetMinutes: formNumber(target) });
            }}
          >
            <label className="sr-only" htmlFor={`target-${row.workflowId}`}>
              Target minutes for {row.name}
            </label>
            <input
              id={`target-${row.workflowId}`}
              className="input input-sm journey-num"
              type="number"
              min={0}
              step="any"
              value={target}
              onChange={(e) => setTarget(e.target.value)}
            />
            {target !== String(row.targetMinutes) ? <button className="btn btn-sm">Set</button> : null}
          </ClientForm>
        ) : null}
        <span className="muted small">{formatMinutes(row.targetMinutes)}</span>
      </td>
      <td>
        {canEdit ? (
          <ClientForm
            className="row"
            noValidate
            style={{ gap: 4, flexWrap: "nowrap" }}
            onSubmit={() => {
              record.mutate({ measurementsMinutes: values.filter((v) => v.trim() !== "").map(formNumber) });
            }}
          >
            {values.map((v, i) => (
              <span key={i}>
                <label className="sr-only" htmlFor={`m-${row.workflowId}-${i}`}>
                  Measurement {i + 1} for {row.name}
                </label>
                <input
                  id={`m-${row.workflowId}-${i}`}
                  className="input input-sm journey-num"
                  type="number"
                  min={0}
                  step="any"
                  value={v}
                  aria-invalid={
                    fieldErrors[`measurementsMinutes.${values.slice(0, i).filter((x) => x.trim()).length}`]
                      ? true
                      : undefined
                  }
                  onChange={(e) => setValues((prev) => prev.map((x, j) => (j === i ? e.target.value : x)))}
                />
              </span>
            ))}
            <button
              className="btn btn-sm"
              disabled={!dirty || record.isPending}
              aria-label={`Save measurements for ${row.name}`}
            >
              {record.isPending ? "…" : "Save"}
            </button>
          </ClientForm>
        ) : row.measurementsMinutes.length ? (
          row.measurementsMinutes.join(" · ")
        ) : (
          <span className="muted">—</span>
        )}
        {error ? (
          <div className="field-error" role="alert">
            {Object.values(fieldErrors)[0]?.[0] ?? error.message}
          </div>
        ) : null}
      </td>
      <td className="nowrap" data-testid="timing-median">
        {row.median === null ? "—" : formatMinutes(row.median)}
      </td>
      <td className="nowrap">
        {row.gapMinutes === null ? "—" : `${row.gapMinutes > 0 ? "+" : ""}${formatMinutes(row.gapMinutes)}`}
      </td>
      <td>
        <span className={`badge ${badgeClass}`}>{badgeText}</span>
      </td>
      <td className="nowrap muted">{row.previousMedian === null ? "—" : formatMinutes(row.previousMedian)}</td>
      {canEdit ? (
        <td>
          {!row.builtIn ? (
            <ConfirmButton
              className="btn btn-ghost btn-sm btn-danger"
              label={`Remove workflow ${row.name}`}
              title={`Remove the workflow “${row.name}”?`}
              consequence="The workflow and every timing recorded for it are deleted. This cannot be undone."
              confirmLabel="Remove workflow"
              onConfirm={() => remove.mutate()}
            >
              Remove
            </ConfirmButton>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

function AddWorkflowForm() {
  const add = useCreateWorkflow();
  const errors = add.fieldErrors;
  return (
    <section className="card stack" aria-labelledby="add-workflow-heading">
      <h2 id="add-workflow-heading">Add a workflow</h2>
      <ClientForm
        className="stack"
        noValidate
        onSubmit={(form) => {
          add.mutate(formValues(form, ["targetMinutes"]), { onSuccess: () => form.reset() });
        }}
      >
        <div className="grid-3">
          <InputField
            label="Workflow name"
            error={errors.name}
            name="name"
            placeholder="e.g. Rotate a secret"
            maxLength={120}
          />
          <InputField
            label="Target (minutes)"
            error={errors.targetMinutes}
            name="targetMinutes"
            type="number"
            min={0}
            step="any"
          />
        </div>
        <SubmitRow mutation={add} label="Add workflow" pendingLabel="Adding…" />
      </ClientForm>
    </section>
  );
}
