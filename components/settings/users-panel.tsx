"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useState } from "react";
import { Field, InputField } from "@/components/ui/field";
import {
  useCreateUser,
  useDeleteUser,
  useIssueResetLink,
  useUpdateUser,
  useUsers,
  type UserRow,
} from "@/lib/auth/hooks";
import { ROLES, roleLabels, type Role } from "@/lib/auth/constants";
import { TableScroll } from "@/components/ui/table-scroll";
import { ErrorAlert, SubmitRow } from "@/components/ui/form-status";
import { Options } from "@/components/ui/options";
import { ClientForm } from "@/components/ui/client-form";
import { useFormat } from "@/components/ui/locale";

type ResetLink = { email: string; url: string; expiresAt: string };

export function UsersPanel({ currentUserId, initialUsers }: { currentUserId: string; initialUsers: UserRow[] }) {
  const [resetLink, setResetLink] = useState<ResetLink | null>(null);
  const format = useFormat();
  const users = useUsers(initialUsers);
  const addUser = useCreateUser();
  const changeUser = useUpdateUser();
  const removeUser = useDeleteUser();
  const issueResetLink = useIssueResetLink<UserRow>({
    onMutate: () => setResetLink(null),
    onSuccess: (r, user) =>
      setResetLink({ email: user.email, url: `${window.location.origin}${r.path}`, expiresAt: r.expiresAt }),
  });
  const errors = addUser.fieldErrors;
  const actionError = changeUser.error ?? removeUser.error ?? issueResetLink.error;
  const busy = changeUser.isPending || removeUser.isPending || issueResetLink.isPending;

  return (
    <section className="card stack" aria-labelledby="users-heading">
      <h2 id="users-heading">People</h2>
      <TableScroll label="People table">
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Access</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  Nobody here yet. Add a person below.
                </td>
              </tr>
            ) : null}
            {users.data.map((u) => {
              const self = u.id === currentUserId;
              const active = !u.deactivatedAt;
              return (
                <tr key={u.id} data-testid={`person-${u.email}`}>
                  <td>{u.name || "—"}</td>
                  <td>{u.email}</td>
                  <td>
                    <label className="sr-only" htmlFor={`role-${u.id}`}>
                      Role of {u.email}
                    </label>
                    <select
                      id={`role-${u.id}`}
                      className="input"
                      style={{ maxWidth: 240 }}
                      value={u.role}
                      disabled={self || busy}
                      onChange={(e) => changeUser.mutate({ id: u.id, change: { role: e.target.value as Role } })}
                    >
                      <Options values={ROLES} labels={roleLabels} />
                    </select>
                  </td>
                  <td>
                    {active ? (
                      <span className="badge badge-good">Active</span>
                    ) : (
                      <span className="badge badge-bad">Deactivated</span>
                    )}
                  </td>
                  <td>
                    {self ? (
                      <span className="muted small">You</span>
                    ) : (
                      <div className="row" style={{ flexWrap: "nowrap" }}>
                        {active ? (
                          <>
                            <button
                              type="button"
                              className="btn btn-sm"
                              disabled={busy}
                              onClick={() => issueResetLink.mutate(u)}
                              aria-label={`Reset link for ${u.email}`}
                            >
                              Reset link
                            </button>
                            <ConfirmButton
                              className="btn btn-sm btn-danger"
                              disabled={busy}
                              label={`Deactivate ${u.email}`}
                              title={`Deactivate ${u.email}?`}
                              consequence="They are signed out everywhere at once and cannot sign in until reactivated."
                              confirmLabel="Deactivate"
                              onConfirm={() => changeUser.mutate({ id: u.id, change: { active: false } })}
                            >
                              Deactivate
                            </ConfirmButton>
                          </>
                        ) : (
                          <>
                            <button
                              type="button"
                              className="btn btn-sm"
                              disabled={busy}
                              aria-label={`Reactivate ${u.email}`}
                              onClick={() => changeUser.mutate({ id: u.id, change: { active: true } })}
                            >
                              Reactivate
                            </button>
                            <ConfirmButton
                              className="btn btn-sm btn-danger"
                              disabled={busy}
                              label={`Remove ${u.email}`}
                              title={`Remove ${u.email} for good?`}
                              consequence="Their account is deleted and cannot be restored; the surveys they made stay."
                              confirmLabel="Remove person"
                              onConfirm={() => removeUser.mutate(u.id)}
                            >
                              Remove
                            </ConfirmButton>
                          </>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {busy ? (
        <span className="muted small" aria-live="polite">
          Saving…
        </span>
      ) : null}
      <ErrorAlert message={actionError?.message} />
      {resetLink ? (
        <div className="alert alert-info stack" data-testid="reset-link">
          <p style={{ margin: 0 }}>
            One-time link for <strong>{resetLink.email}</strong>. Pass it on privately; it is shown only now, works once
            and expires {format.dateTime(resetLink.expiresAt)}. Issuing another one cancels it.
          </p>
          <div className="row">
            <label className="sr-only" htmlFor="reset-link-url">
              Reset link
            </label>
            <input
              id="reset-link-url"
              className="input"
              readOnly
              value={resetLink.url}
              onFocus={(e) => e.currentTarget.select()}
              style={{ flex: "1 1 16rem", minWidth: 0 }}
            />
            <CopyButton text={resetLink.url} />
            <button type="button" className="btn btn-sm" onClick={() => setResetLink(null)}>
              Done
            </button>
          </div>
        </div>
      ) : null}
      <ClientForm
        className="stack"
        onSubmit={(form) => {
          addUser.mutate(Object.fromEntries(new FormData(form)), { onSuccess: () => form.reset() });
        }}
      >
        <h3>Add a person</h3>
        <div className="grid-4">
          <InputField label="Name" error={errors.name} name="name" />
          <InputField label="Email" error={errors.email} name="email" type="email" />
          <InputField
            label="Initial password"
            error={errors.password}
            name="password"
            type="password"
            autoComplete="new-password"
          />
          <Field label="Role" error={errors.role}>
            {(p) => (
              <select {...p} className="input" name="role" defaultValue="viewer">
                <Options values={ROLES} labels={roleLabels} />
              </select>
            )}
          </Field>
        </div>
        <SubmitRow mutation={addUser} label="Add person" pendingLabel="Adding…" doneLabel="Added" />
      </ClientForm>
    </section>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-sm"
      onClick={() =>
        navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
