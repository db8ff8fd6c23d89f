"use client";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DoneBadge, ErrorAlert } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";
import { Field, InputField } from "@/components/ui/field";
import { Options, RecordOptions } from "@/components/ui/options";
import { QueryError } from "@/components/ui/query-error";
import { TableScroll } from "@/components/ui/table-scroll";
import { DEV_LOOPS, NOTE_SOURCES, devLoopLabels, noteSourceLabels } from "@/lib/imports/constants";
import { useAddNote, useDeleteNote, useFeedbackNotes, type FeedbackNotes } from "@/lib/imports/hooks";

type TeamChoice = { id: string; label: string };

/** The form editors write a note with: text, where it comes from, the quarter, and optionally a team and a loop. */
export function AddNoteForm({ teams, period }: { teams: TeamChoice[]; period: string }) {
  const [saved, setSaved] = useState(false);
  const add = useAddNote({ onSuccess: () => setSaved(true) });
  return (
    <section className="card stack" aria-labelledby="add-note-heading">
      <h2 id="add-note-heading">Add a note</h2>
      <ClientForm
        className="stack"
        onSubmit={(form) => {
          setSaved(false);
          const data = new FormData(form);
          const text = String(data.get("text") ?? "");
          add.mutate(
            {
              text,
              source: data.get("source"),
              period: data.get("period"),
              teamId: data.get("teamId") || null,
              loop: data.get("loop") || null,
            },
            { onSuccess: () => (form.querySelector("textarea")!.value = "") },
          );
        }}
      >
        <Field
          label="Note"
          hint="What you heard or saw; it may quote people, so only signed-in readers see it."
          error={add.fieldErrors.text}
        >
          {(p) => <textarea {...p} name="text" className="input" rows={3} maxLength={2000} required />}
        </Field>
        <div className="grid-3">
          <Field label="From" error={add.fieldErrors.source}>
            {(p) => (
              <select {...p} name="source" className="input" defaultValue="interview">
                <Options values={NOTE_SOURCES} labels={noteSourceLabels} />
              </select>
            )}
          </Field>
          <InputField label="Quarter" name="period" defaultValue={period} error={add.fieldErrors.period} />
          <Field label="Team (optional)" error={add.fieldErrors.teamId}>
            {(p) => (
              <select {...p} name="teamId" className="input" defaultValue="">
                <option value="">No team</option>
                <RecordOptions records={teams} />
              </select>
            )}
          </Field>
          <Field label="Loop (optional)" error={add.fieldErrors.loop}>
            {(p) => (
              <select {...p} name="loop" className="input" defaultValue="">
                <option value="">Not tagged</option>
                <Options values={DEV_LOOPS} labels={devLoopLabels} />
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            Add note
          </button>
          <DoneBadge show={saved}>Added</DoneBadge>
        </div>
        <ErrorAlert message={add.generalError} />
      </ClientForm>
    </section>
  );
}

/** Every note, newest quarter first; editors can remove one. */
export function NotesList({ initial, canEdit }: { initial: FeedbackNotes; canEdit: boolean }) {
  const notes = useFeedbackNotes(initial);
  const remove = useDeleteNote();
  if (notes.error)
    return (
      <QueryError what="the notes" error={notes.error} onRetry={() => notes.refetch()} retrying={notes.isFetching} />
    );
  const data = notes.data ?? initial;
  return (
    <section className="card stack" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes ({data.total})</h2>
      {data.notes.length === 0 ? (
        <p className="muted">No notes yet. Add one above or import a support channel’s questions.</p>
      ) : (
        <TableScroll label="Feedback notes">
          <table data-testid="notes-table">
            <thead>
              <tr>
                <th scope="col">Note</th>
                <th scope="col">From</th>
                <th scope="col">Quarter</th>
                <th scope="col">Team</th>
                <th scope="col">Loop</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data.notes.map((n) => (
                <tr key={n.id}>
                  <td>{n.text}</td>
                  <td>{noteSourceLabels[n.source]}</td>
                  <td>{n.period}</td>
                  <td>{n.team ?? "—"}</td>
                  <td>{n.loop ? devLoopLabels[n.loop] : "—"}</td>
                  {canEdit ? (
                    <td>
                      <ConfirmButton
                        label={`Delete note “${n.text.slice(0, 40)}”`}
                        title="Delete this note?"
                        consequence="It leaves the notes and every backlog theme it is part of."
                        confirmLabel="Delete"
                        onConfirm={() => remove.mutate(n.id)}
                      >
                        Delete
                      </ConfirmButton>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ErrorAlert message={remove.generalError} />
    </section>
  );
}
