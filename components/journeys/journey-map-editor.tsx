"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { DragHandle, SortableList, SortableRow } from "@/components/sortable/sortable-list";
import { formErrors } from "@/lib/api/form-errors";
import type { FieldErrors } from "@/lib/errors";
import { formatMinutes } from "@/lib/journeys/comparison";
import { moveItem } from "@/lib/ordering";
import {
  journeyExportHref,
  useAddStep,
  useDeleteJourneyMap,
  useDeleteStep,
  useDuplicateJourneyMap,
  useJourneyEvidence,
  useJourneyMap,
  useLinkableThemes,
  useLinkStepTheme,
  useLinkSuggestions,
  useReorderSteps,
  useUnlinkStepTheme,
  useUpdateStep,
} from "@/lib/journeys/hooks";
import {
  auditFields,
  auditLabels,
  type JourneyMapDetail,
  type JourneyStepView,
  type LinkableTheme,
  type SuggestionView,
  type ThemeEvidence,
} from "@/lib/journeys/types";
import { JourneyCharts } from "./journey-charts";
import { JourneySummary } from "./journey-summary";
import { loadTypeColors } from "./load-colors";
import { MapDetails } from "./map-details";
import { StepEvidence, StepSuggestions } from "./step-evidence";
import { StepPlanForm } from "@/components/targets/step-plan-form";
import { StepForm } from "./step-form";
import { JOURNEY_PATHS, loadTypeLabels, outcomeLabels, painLabels, type JourneyPath } from "@/lib/journeys/constants";
import { ErrorAlert, InlineError } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";
import { RecordOptions } from "@/components/ui/options";

/** The step form shows a message no field explains under the `_` key. */
const errorsOf = (error: unknown): FieldErrors => {
  const { fieldErrors, generalError } = formErrors(error);
  return generalError ? { _: [generalError] } : fieldErrors;
};
const pathTitles: Record<JourneyPath, string> = { current: "Current path", golden: "Golden path" };
const stepMoveInstructions =
  "To move this step, press Space or Enter, move it with the up and down arrow keys, then press Space or Enter to drop it, or Escape to cancel. Alt with the up or down arrow key anywhere on a step moves it one place.";

export function JourneyMapEditor({ initial, canEdit }: { initial: JourneyMapDetail; canEdit: boolean }) {
  const id = initial.map.id;
  const router = useRouter();
  const detail = useJourneyMap(initial);
  const evidence = useJourneyEvidence(id);
  const suggestions = useLinkSuggestions(id, { enabled: canEdit });
  const themes = useLinkableThemes({ enabled: canEdit });
  const [announcement, setAnnouncement] = useState("");

  const duplicate = useDuplicateJourneyMap(id, { onSuccess: ({ id: copyId }) => router.push(`/journeys/${copyId}`) });
  const remove = useDeleteJourneyMap(id, {
    onSuccess: () => {
      router.push("/journeys");
      router.refresh();
    },
  });

  const steps = detail.data.steps;
  const evidenceById = new Map((evidence.data?.themes ?? []).map((t) => [t.backlogItemId, t]));

  return (
    <div className="stack">
      <div className="row journey-actions">
        <a className="btn" href={journeyExportHref(id)} download>
          Export CSV
        </a>
        <Link className="btn" href={`/journeys/${id}/print`}>
          Print view
        </Link>
        {canEdit ? (
          <>
            <button type="button" className="btn" disabled={duplicate.isPending} onClick={() => duplicate.mutate()}>
              {duplicate.isPending ? "Duplicating…" : "Duplicate"}
            </button>
            <ConfirmButton
              className="btn btn-danger"
              disabled={remove.isPending}
              title="Delete this journey map?"
              consequence={`“${detail.data.map.name}” and all ${steps.length} of its steps are deleted for good. This cannot be undone.`}
              confirmLabel="Delete map"
              onConfirm={() => remove.mutate()}
            >
              Delete map
            </ConfirmButton>
          </>
        ) : null}
        <InlineError message={(duplicate.error ?? remove.error)?.message} />
      </div>

      <MapDetails map={detail.data.map} canEdit={canEdit} />
      <JourneySummary steps={steps} />
      <JourneyCharts steps={steps} />

      <div className="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
      {canEdit ? (
        <p className="muted small">
          Reorder steps with the arrow buttons, <span className="kbd">Alt</span> + <span className="kbd">↑</span>/
          <span className="kbd">↓</span> on a step, or by dragging its <span aria-hidden>⠿</span> handle (press and hold
          on a touch screen; <span className="kbd">Space</span> to pick it up and drop it from the keyboard).
        </p>
      ) : null}
      <div className="grid-2 journey-paths">
        {JOURNEY_PATHS.map((path) => (
          <PathColumn
            key={path}
            mapId={id}
            path={path}
            steps={steps}
            canEdit={canEdit}
            evidence={evidenceById}
            k={evidence.data?.k ?? null}
            suggestions={suggestions.data ?? []}
            themes={themes.data ?? []}
            themesLoading={themes.isLoading}
            announce={setAnnouncement}
          />
        ))}
      </div>
    </div>
  );
}

function PathColumn({
  mapId,
  path,
  steps,
  canEdit,
  evidence,
  k,
  suggestions,
  themes,
  themesLoading,
  announce,
}: {
  mapId: string;
  path: JourneyPath;
  steps: JourneyStepView[];
  canEdit: boolean;
  evidence: Map<string, ThemeEvidence>;
  k: number | null;
  suggestions: SuggestionView[];
  themes: LinkableTheme[];
  themesLoading: boolean;
  announce: (message: string) => void;
}) {
  const own = steps.filter((s) => s.path === path).sort((a, b) => a.position - b.position);
  const currentSteps = steps.filter((s) => s.path === "current").sort((a, b) => a.position - b.position);
  const nameById = new Map(steps.map((s) => [s.id, s.name]));
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const focusAfterMove = useRef<{ stepId: string; control: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const addStep = useAddStep(mapId, path);
  const updateStep = useUpdateStep(mapId, { onSuccess: () => setEditingId(null) });
  const deleteStep = useDeleteStep(mapId);
  const reorder = useReorderSteps(mapId, path);
  const link = useLinkStepTheme(mapId);
  const unlink = useUnlinkStepTheme(mapId);

  useEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending || !listRef.current) return;
    const target = listRef.current.querySelector<HTMLElement>(
      `[data-step-id="${pending.stepId}"] [data-control="${pending.control}"]`,
    );
    target?.focus();
    focusAfterMove.current = null;
  });

  // A drag announces its own drop (SortableList), so it asks for no second announcement.
  const move = (index: number, to: number, control: string, { announced = false } = {}) => {
    if (to < 0 || to >= own.length || to === index) return;
    const step = own[index];
    focusAfterMove.current = { stepId: step.id, control };
    reorder.mutate(moveItem(own, index, to).map((s) => s.id));
    if (!announced) announce(`Moved “${step.name}” to position ${to + 1} of ${own.length} on the ${path} path.`);
  };

  const headingId = `path-${path}-heading`;
  return (
    <section className={`card stack journey-path journey-path-${path}`} aria-labelledby={headingId}>
      <div className="row-between">
        <h2 id={headingId}>{pathTitles[path]}</h2>
        <span className="muted small">
          {own.filter((s) => !(path === "golden" && s.outcome === "eliminated")).length} steps ·{" "}
          {formatMinutes(
            own
              .filter((s) => !(path === "golden" && s.outcome === "eliminated"))
              .reduce((sum, s) => sum + s.minutes, 0),
          )}
        </span>
      </div>
      {reorder.error ? (
        <div className="alert alert-error" role="alert">
          The new order was not saved: {reorder.error.message}
        </div>
      ) : null}
      {own.length === 0 ? (
        <p className="muted">
          {path === "current"
            ? "Map today’s steps first: what people actually do, in order."
            : "Design the path you want: which steps remain, and how."}
        </p>
      ) : (
        <SortableList
          items={own}
          describe={(step) => `step “${step.name}”`}
          where={`on the ${path} path`}
          instructions={stepMoveInstructions}
          onMove={(from, to) => move(from, to, "drag-handle", { announced: true })}
        >
          {(ordered) => (
            <ol className="journey-steps" ref={listRef} aria-label={`${pathTitles[path]} steps`}>
              {ordered.map((step, index) => {
                const stepSuggestions = suggestions.filter((s) => s.stepId === step.id);
                const linkedIds = new Set(step.themes.map((t) => t.backlogItemId));
                const linkable = themes.filter((t) => !linkedIds.has(t.id));
                return (
                  <SortableRow key={step.id} id={step.id} disabled={!canEdit || editingId === step.id}>
                    {(row) => (
                      <li
                        ref={row.ref}
                        data-step-id={step.id}
                        data-testid={`step-${path}`}
                        className={`journey-step${row.isDragging ? " is-dragging" : ""}`}
                        style={{ ...row.style, borderLeftColor: loadTypeColors[step.loadType] }}
                        aria-label={`Step ${index + 1}: ${step.name}`}
                        onKeyDown={(e) => {
                          // During a keyboard drag the arrows belong to dnd-kit, Alt or not.
                          if (!canEdit || row.isDragging || !e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown"))
                            return;
                          e.preventDefault();
                          move(
                            index,
                            e.key === "ArrowUp" ? index - 1 : index + 1,
                            e.key === "ArrowUp" ? "move-up" : "move-down",
                          );
                        }}
                      >
                        {editingId === step.id ? (
                          <StepForm
                            path={path}
                            step={step}
                            currentSteps={currentSteps}
                            errors={errorsOf(updateStep.error)}
                            pending={updateStep.isPending}
                            submitLabel="Save step"
                            onSubmit={(input) => updateStep.mutate({ stepId: step.id, input })}
                            onCancel={() => {
                              updateStep.reset();
                              setEditingId(null);
                            }}
                          />
                        ) : (
                          <>
                            <div className="journey-step-head">
                              <span className="journey-step-number" aria-hidden>
                                {index + 1}
                              </span>
                              <div className="journey-step-title">
                                <strong>{step.name}</strong>
                                <div className="row journey-step-badges">
                                  <span className="badge">{formatMinutes(step.minutes)}</span>
                                  <span
                                    className={`badge ${step.pain === "high" ? "badge-bad" : step.pain === "medium" ? "badge-warn" : "badge-good"}`}
                                  >
                                    Pain: {painLabels[step.pain].toLowerCase()}
                                  </span>
                                  <span className={`badge badge-load-${step.loadType}`}>
                                    {loadTypeLabels[step.loadType]} load {step.loadLevel}/5
                                  </span>
                                  {path === "golden" && step.outcome ? (
                                    <span className="badge badge-accent">{outcomeLabels[step.outcome]}</span>
                                  ) : null}
                                </div>
                              </div>
                              {canEdit ? (
                                <div className="journey-step-tools">
                                  <button
                                    type="button"
                                    className="btn btn-ghost btn-sm"
                                    data-control="move-up"
                                    aria-disabled={index === 0}
                                    aria-label={`Move “${step.name}” up`}
                                    onClick={() => move(index, index - 1, "move-up")}
                                  >
                                    ↑
                                  </button>
                                  <button
                                    type="button"
                                    className="btn btn-ghost btn-sm"
                                    data-control="move-down"
                                    aria-disabled={index === own.length - 1}
                                    aria-label={`Move “${step.name}” down`}
                                    onClick={() => move(index, index + 1, "move-down")}
                                  >
                                    ↓
                                  </button>
                                  <DragHandle row={row} label={`Reorder “${step.name}”`} />
                                </div>
                              ) : null}
                            </div>
                            {path === "golden" && step.counterpartStepId ? (
                              <p className="muted small">
                                Replaces: {nameById.get(step.counterpartStepId) ?? "a removed step"}
                              </p>
                            ) : null}
                            <AuditLine step={step} />
                            {step.notes ? <p className="small journey-step-notes">{step.notes}</p> : null}
                            <StepEvidence
                              links={step.themes}
                              evidence={evidence}
                              k={k}
                              canEdit={canEdit}
                              onUnlink={(themeId) => unlink.mutate({ stepId: step.id, themeId })}
                            />
                            {canEdit ? (
                              <>
                                <StepSuggestions
                                  suggestions={stepSuggestions}
                                  pending={link.isPending}
                                  onAccept={(themeId) => link.mutate({ stepId: step.id, themeId, status: "accepted" })}
                                  onDismiss={(themeId) =>
                                    link.mutate({ stepId: step.id, themeId, status: "dismissed" })
                                  }
                                />
                                {path === "golden" ? (
                                  <StepPlanForm mapId={mapId} stepId={step.id} stepName={step.name} />
                                ) : null}
                                <div className="row journey-step-footer">
                                  <button
                                    type="button"
                                    className="btn btn-sm"
                                    onClick={() => setEditingId(step.id)}
                                    aria-label={`Edit “${step.name}”`}
                                  >
                                    Edit
                                  </button>
                                  <ThemePicker
                                    stepName={step.name}
                                    themes={linkable}
                                    loading={themesLoading}
                                    pending={link.isPending}
                                    onLink={(themeId) => link.mutate({ stepId: step.id, themeId, status: "accepted" })}
                                  />
                                  <ConfirmButton
                                    className="btn btn-ghost btn-sm btn-danger"
                                    label={`Delete “${step.name}”`}
                                    disabled={deleteStep.isPending}
                                    title={`Delete the step “${step.name}”?`}
                                    consequence="The step, its timings and its links to backlog themes are deleted. This cannot be undone."
                                    confirmLabel="Delete step"
                                    onConfirm={() => deleteStep.mutate(step.id)}
                                  >
                                    Delete
                                  </ConfirmButton>
                                </div>
                              </>
                            ) : null}
                          </>
                        )}
                      </li>
                    )}
                  </SortableRow>
                );
              })}
            </ol>
          )}
        </SortableList>
      )}
      <ErrorAlert message={(link.error ?? unlink.error ?? deleteStep.error)?.message} />
      {canEdit ? (
        adding ? (
          <div className="journey-add">
            <h3>Add a {path} step</h3>
            <StepForm
              path={path}
              currentSteps={currentSteps}
              errors={errorsOf(addStep.error)}
              pending={addStep.isPending}
              submitLabel="Add step"
              onSubmit={(input, form) =>
                addStep.mutate(input, {
                  onSuccess: () => {
                    form.reset();
                    (form.elements.namedItem("name") as HTMLInputElement | null)?.focus();
                    announce(`Added a step to the ${path} path.`);
                  },
                })
              }
              onCancel={() => {
                addStep.reset();
                setAdding(false);
              }}
            />
          </div>
        ) : (
          <button type="button" className="btn" onClick={() => setAdding(true)}>
            + Add a {path} step
          </button>
        )
      ) : null}
    </section>
  );
}

function AuditLine({ step }: { step: JourneyStepView }) {
  const items = auditFields.filter((f) => step[f] > 0);
  if (!items.length) return null;
  return (
    <p className="small muted journey-audit-line">
      {items.map((f, i) => (
        <span key={f}>
          {i ? " · " : ""}
          {auditLabels[f]}: <strong>{step[f]}</strong>
        </span>
      ))}
    </p>
  );
}

function ThemePicker({
  stepName,
  themes,
  loading,
  pending,
  onLink,
}: {
  stepName: string;
  themes: LinkableTheme[];
  loading: boolean;
  pending: boolean;
  onLink: (themeId: string) => void;
}) {
  const [choice, setChoice] = useState("");
  const id = useId();
  if (loading) return <span className="muted small">Loading themes…</span>;
  if (!themes.length) return <span className="muted small">No backlog themes to link yet.</span>;
  return (
    <ClientForm
      className="row journey-theme-picker"
      onSubmit={() => {
        if (choice) onLink(choice);
        setChoice("");
      }}
    >
      <label className="sr-only" htmlFor={id}>
        Theme for “{stepName}”
      </label>
      <select id={id} className="input input-sm" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">Link a theme…</option>
        <RecordOptions records={themes} />
      </select>
      <button className="btn btn-sm" disabled={!choice || pending}>
        Link
      </button>
    </ClientForm>
  );
}
