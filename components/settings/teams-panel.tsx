"use client";
import { useState } from "react";
import { Field, InputField } from "@/components/ui/field";
import { formNumber } from "@/components/ui/form-values";
import { useCreateTeam, useTeams, useUpdateTeam, type Team as TeamRow, type TeamChange } from "@/lib/workspace/hooks";
import { TableScroll, NumberColumn } from "@/components/ui/table-scroll";
import { InlineError, SubmitRow } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";
import { InviteListEditor } from "@/components/invites/invite-list-editor";

function platformSince(team: TeamRow): string {
  const latest = [...team.platformChanges].reverse().find((c) => c.onPlatform === team.onPlatform);
  return latest ? ` since ${latest.effectivePeriod}` : "";
}

/** Teams with headcount (for response rates) and a dated on-platform flag (for adoption comparisons). */
export function TeamsPanel({
  initialTeams,
  canEdit,
  currentPeriod,
}: {
  initialTeams: TeamRow[];
  canEdit: boolean;
  currentPeriod: string;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [inviting, setInviting] = useState<string | null>(null);
  const teams = useTeams(initialTeams);
  const add = useCreateTeam();
  const update = useUpdateTeam({ onSuccess: () => setEditing(null) });
  const addErrors = add.fieldErrors;
  const invitingTeam = teams.data.find((t) => t.id === inviting);
  const editErrors = update.fieldErrors;

  return (
    <section className="card stack" aria-labelledby="teams-heading">
      <div>
        <h2 id="teams-heading">Teams</h2>
        <p className="muted small">
          Headcount gives each team link its response rate. The on-platform flag is dated by quarter, so comparisons use
          the flag that held at the time. Invitations hold a team’s distribution list for single-use links.
        </p>
      </div>
      {teams.data.length === 0 ? (
        <p className="empty">No teams yet. Add the first one below.</p>
      ) : (
        <TableScroll label="Teams table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <NumberColumn>Headcount</NumberColumn>
                <th scope="col">Platform</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {teams.data.map((t) =>
                editing === t.id ? (
                  <tr key={t.id}>
                    <td colSpan={canEdit ? 4 : 3}>
                      <ClientForm
                        className="stack"
                        noValidate
                        onSubmit={(form) => {
                          const data = new FormData(form);
                          const onPlatform = data.get("onPlatform") === "on";
                          const input: TeamChange = {
                            name: data.get("name"),
                            headcount: formNumber(data.get("headcount")),
                          };
                          if (onPlatform !== t.onPlatform || data.get("effectivePeriod") !== currentPeriod) {
                            input.onPlatform = onPlatform;
                            input.effectivePeriod = data.get("effectivePeriod");
                          }
                          update.mutate({ id: t.id, input });
                        }}
                      >
                        <div className="grid-4">
                          <InputField label="Team name" error={editErrors.name} name="name" defaultValue={t.name} />
                          <InputField
                            label="Headcount"
                            error={editErrors.headcount}
                            name="headcount"
                            type="number"
                            min={0}
                            defaultValue={t.headcount}
                          />
                          <label className="row checkbox-row">
                            <input type="checkbox" name="onPlatform" defaultChecked={t.onPlatform} /> On the platform
                          </label>
                          <Field label="…from quarter" hint="When the flag changed." error={editErrors.effectivePeriod}>
                            {(p) => (
                              <input {...p} className="input" name="effectivePeriod" defaultValue={currentPeriod} />
                            )}
                          </Field>
                        </div>
                        <div className="row">
                          <button className="btn btn-primary btn-sm" disabled={update.isPending}>
                            Save team
                          </button>
                          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing(null)}>
                            Cancel
                          </button>
                          <InlineError message={update.generalError} />
                        </div>
                      </ClientForm>
                    </td>
                  </tr>
                ) : (
                  <tr key={t.id} className={t.archivedAt ? "muted" : undefined}>
                    <td>
                      {t.name} {t.archivedAt ? <span className="badge">Archived</span> : null}
                    </td>
                    <td className="right">{t.headcount}</td>
                    <td>
                      {t.onPlatform ? (
                        <span className="badge badge-good">On platform</span>
                      ) : (
                        <span className="badge">Not on platform</span>
                      )}
                      <span className="muted small">{platformSince(t)}</span>
                    </td>
                    {canEdit ? (
                      <td>
                        <div className="row nowrap">
                          <button
                            type="button"
                            className="btn btn-sm"
                            aria-label={`Edit ${t.name}`}
                            onClick={() => setEditing(t.id)}
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            className="btn btn-sm"
                            aria-label={`Invitations for ${t.name}`}
                            aria-expanded={inviting === t.id}
                            onClick={() => setInviting(inviting === t.id ? null : t.id)}
                          >
                            Invitations
                          </button>
                          <button
                            type="button"
                            className="btn btn-sm"
                            aria-label={`${t.archivedAt ? "Restore" : "Archive"} ${t.name}`}
                            onClick={() => update.mutate({ id: t.id, input: { archived: !t.archivedAt } })}
                          >
                            {t.archivedAt ? "Restore" : "Archive"}
                          </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit && invitingTeam ? (
        // Below the table, not in a row of it: the list needs the full width on a phone.
        <InviteListEditor
          key={invitingTeam.id}
          teamId={invitingTeam.id}
          teamName={invitingTeam.name}
          onClose={() => setInviting(null)}
        />
      ) : null}
      {canEdit ? (
        <ClientForm
          className="stack"
          noValidate
          onSubmit={(form) => {
            const data = new FormData(form);
            add.mutate(
              {
                name: data.get("name"),
                headcount: formNumber(data.get("headcount")),
                onPlatform: data.get("onPlatform") === "on",
              },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <h3>Add a team</h3>
          <div className="grid-3">
            <InputField label="Team name" error={addErrors.name} name="name" />
            <InputField
              label="Headcount"
              error={addErrors.headcount}
              name="headcount"
              type="number"
              min={0}
              defaultValue={0}
            />
            <label className="row checkbox-row">
              <input type="checkbox" name="onPlatform" /> On the platform from {currentPeriod}
            </label>
          </div>
          <SubmitRow mutation={add} label="Add team" pendingLabel="Adding…" doneLabel="Added" />
        </ClientForm>
      ) : null}
    </section>
  );
}
