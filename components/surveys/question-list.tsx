"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useRef, useState } from "react";
import { DragHandle, SortableList, SortableRow } from "@/components/sortable/sortable-list";
import { moveItem } from "@/lib/ordering";
import { dimensionName } from "@/lib/surveys/dimensions";
import { useAddQuestion, useDeleteQuestion, useReorderQuestions, useUpdateQuestion } from "@/lib/surveys/hooks";
import { QuestionForm, type QuestionPayload } from "./question-form";
import type { DimensionOption, EditorQuestion, SurveyDetail, WordingChange } from "./types";
import { questionKindLabels } from "@/lib/surveys/constants";
import { ErrorAlert } from "@/components/ui/form-status";

/**
 * The questions of a survey. In a draft they can be added, edited, deleted and reordered (buttons,
 * ↑/↓ on a question's move handle, or dragging that handle); once published only wording, help text
 * and archiving.
 */
export function QuestionList({
  detail,
  dimensions,
  canEdit,
}: {
  detail: SurveyDetail;
  dimensions: DimensionOption[];
  canEdit: boolean;
}) {
  const { survey, questions, hasResponses } = detail;
  const rewordings = groupBy(detail.wordingChanges ?? [], (c) => c.questionId);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const isDraft = survey.status === "draft";
  const structural = canEdit && isDraft;
  const customDims = dimensions.filter((d) => d.framework === "Custom");
  const showError = (e: Error) => setError(e.message);

  const reorder = useReorderQuestions(survey.id, { onError: showError });
  const remove = useDeleteQuestion(survey.id, { onError: showError });
  const archive = useUpdateQuestion(survey.id, { onError: showError });
  const addQuestion = useAddQuestion(survey.id);
  const updateQuestion = useUpdateQuestion(survey.id);

  // A drag announces its own drop (SortableList), so it asks for no second announcement.
  function move(index: number, target: number, { announced = false } = {}) {
    if (target < 0 || target >= questions.length || target === index) return;
    reorder.mutate(moveItem(questions, index, target).map((q) => q.id));
    const q = questions[index];
    if (!announced) setAnnouncement(`Moved “${q.prompt}” to position ${target + 1} of ${questions.length}`);
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-question-id="${q.id}"] [data-control="drag-handle"]`)?.focus(),
    );
  }

  async function save(payload: QuestionPayload, question?: EditorQuestion) {
    // The hooks refresh the survey before these resolve; an ApiError reaches the form's field messages.
    if (question) {
      const input = structural ? payload : { prompt: payload.prompt, helpText: payload.helpText };
      await updateQuestion.mutateAsync({ questionId: question.id, input });
      setEditing(null);
    } else {
      await addQuestion.mutateAsync(payload);
      setAdding(false);
    }
    setError(null);
  }

  return (
    <div className="stack">
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {!isDraft ? (
        <div className="alert alert-info">
          This survey is {survey.status}. Questions can be reworded or archived, but not added, removed or reordered —
          people have answered the current set.
        </div>
      ) : null}
      <ErrorAlert message={error} />
      {questions.length === 0 ? (
        <div className="empty">
          <h2>No questions yet</h2>
          <p>Add the first question below, or start again from a template.</p>
        </div>
      ) : (
        <SortableList
          items={questions}
          describe={(q) => `question “${q.prompt}”`}
          instructions={questionMoveInstructions}
          onMove={(from, to) => move(from, to, { announced: true })}
        >
          {(ordered) => (
            <ol className="question-list" ref={listRef}>
              {ordered.map((q, index) => (
                <SortableRow key={q.id} id={q.id} disabled={!structural || editing === q.id}>
                  {(row) => (
                    <li
                      ref={row.ref}
                      style={row.style}
                      className={`card question-item${q.archivedAt ? " is-archived" : ""}${row.isDragging ? " is-dragging" : ""}`}
                      data-testid="question-item"
                      data-question-id={q.id}
                    >
                      {editing === q.id ? (
                        <QuestionForm
                          initial={q}
                          locked={!structural}
                          dimensions={dimensions}
                          takenKeys={questions.map((x) => x.key)}
                          submitLabel="Save question"
                          onSubmit={(p) => save(p, q)}
                          onCancel={() => setEditing(null)}
                        />
                      ) : (
                        <div className="question-row">
                          {structural ? (
                            <DragHandle
                              row={row}
                              label={`Reorder question ${index + 1}`}
                              keyShortcuts="ArrowUp ArrowDown"
                              onKeyDown={(e) => {
                                if (e.key === "ArrowUp" || e.key === "ArrowDown") {
                                  e.preventDefault();
                                  move(index, e.key === "ArrowUp" ? index - 1 : index + 1);
                                }
                              }}
                            />
                          ) : null}
                          <div className="question-main">
                            <div className="question-prompt">
                              <span className="muted">{index + 1}.</span> {q.prompt}
                            </div>
                            <div className="row small muted">
                              <span className="badge">{questionKindLabels[q.kind]}</span>
                              <code>{q.key}</code>
                              <span>{dimensionName(q.dimension, customDims)}</span>
                              {q.required ? <span className="badge badge-accent">Required</span> : null}
                              {q.archivedAt ? <span className="badge badge-warn">Archived</span> : null}
                              {rewordings.has(q.id) ? <span className="badge badge-warn">Reworded</span> : null}
                            </div>
                            {rewordings.has(q.id) ? (
                              <WordingHistory changes={rewordings.get(q.id)!} questionKey={q.key} />
                            ) : null}
                          </div>
                          {canEdit ? (
                            <div className="row question-actions">
                              {structural ? (
                                <>
                                  <button
                                    type="button"
                                    className="btn btn-sm"
                                    aria-label={`Move question ${index + 1} up`}
                                    disabled={index === 0 || reorder.isPending}
                                    onClick={() => move(index, index - 1)}
                                  >
                                    ↑
                                  </button>
                                  <button
                                    type="button"
                                    className="btn btn-sm"
                                    aria-label={`Move question ${index + 1} down`}
                                    disabled={index === questions.length - 1 || reorder.isPending}
                                    onClick={() => move(index, index + 1)}
                                  >
                                    ↓
                                  </button>
                                </>
                              ) : null}
                              <button
                                type="button"
                                className="btn btn-sm"
                                aria-label={`Edit question ${index + 1}`}
                                onClick={() => setEditing(q.id)}
                              >
                                Edit
                              </button>
                              {structural && !hasResponses ? (
                                <ConfirmButton
                                  className="btn btn-sm btn-danger"
                                  label={`Delete question ${index + 1}`}
                                  disabled={remove.isPending}
                                  title={`Delete question ${index + 1}?`}
                                  consequence="The question is removed from this draft. Nobody has answered it yet, so no answers are lost."
                                  confirmLabel="Delete question"
                                  onConfirm={() => remove.mutate(q.id)}
                                >
                                  Delete
                                </ConfirmButton>
                              ) : (
                                <button
                                  type="button"
                                  className="btn btn-sm"
                                  aria-label={`${q.archivedAt ? "Restore" : "Archive"} question ${index + 1}`}
                                  onClick={() =>
                                    archive.mutate({ questionId: q.id, input: { archived: !q.archivedAt } })
                                  }
                                >
                                  {q.archivedAt ? "Restore" : "Archive"}
                                </button>
                              )}
                            </div>
                          ) : null}
                        </div>
                      )}
                    </li>
                  )}
                </SortableRow>
              ))}
            </ol>
          )}
        </SortableList>
      )}
      {structural ? (
        adding ? (
          <section className="card" aria-label="Add a question">
            <h3>New question</h3>
            <QuestionForm
              locked={false}
              dimensions={dimensions}
              takenKeys={questions.map((q) => q.key)}
              submitLabel="Add question"
              onSubmit={(p) => save(p)}
              onCancel={() => setAdding(false)}
            />
          </section>
        ) : (
          <div>
            <button type="button" className="btn" onClick={() => setAdding(true)}>
              + Add a question
            </button>
          </div>
        )
      ) : null}
    </div>
  );
}

const questionMoveInstructions =
  "To move this question, press Space or Enter, move it with the up and down arrow keys, then press Space or Enter to drop it, or Escape to cancel. The up or down arrow key alone moves it one place.";

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(keyOf(item), [...(out.get(keyOf(item)) ?? []), item]);
  return out;
}

/** Earlier wordings of a question whose key other quarters share: its trend compares them. */
function WordingHistory({ changes, questionKey }: { changes: WordingChange[]; questionKey: string }) {
  return (
    <details className="wording-history small" data-testid="wording-history">
      <summary>
        Reworded {changes.length === 1 ? "once" : `${changes.length} times`}: the <code>{questionKey}</code> trend
        compares answers to different wordings
      </summary>
      <ol>
        {changes.map((c) => (
          <li key={`${c.changedAt}-${c.newPrompt}`}>
            <time dateTime={c.changedAt}>{c.changedAt.slice(0, 10)}</time>: “{c.previousPrompt}” → “{c.newPrompt}”
          </li>
        ))}
      </ol>
    </details>
  );
}
