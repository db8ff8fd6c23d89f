"use client";
import { useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, InputField } from "@/components/ui/field";
import { ErrorAlert, SubmitRow } from "@/components/ui/form-status";
import { Options } from "@/components/ui/options";
import { TableScroll } from "@/components/ui/table-scroll";
import { API_TOKEN_SCOPES, apiTokenScopeLabels } from "@/lib/integrations/constants";
import { useApiTokens, useCreateApiToken, useRevokeApiToken, type ApiTokenRow } from "@/lib/integrations/hooks";
import { SecretOnce, When } from "./secret-once";

/** Settings → API tokens (owners): create, see last use, revoke. */
export function ApiTokensPanel({ initialTokens }: { initialTokens: ApiTokenRow[] }) {
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const tokens = useApiTokens(initialTokens);
  const create = useCreateApiToken((secret, token) => setCreated({ name: token.name, secret }));
  const revoke = useRevokeApiToken();
  const errors = create.fieldErrors;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New token</h2>
        <ClientForm
          className="stack"
          onSubmit={(form) => {
            setCreated(null);
            create.mutate(Object.fromEntries(new FormData(form)), { onSuccess: () => form.reset() });
          }}
        >
          <div className="grid-2">
            <InputField
              label="Name"
              hint="Say what uses it, e.g. “Quarterly report script”"
              error={errors.name}
              name="name"
              autoComplete="off"
            />
            <Field label="Access" error={errors.scope}>
              {(p) => (
                <select {...p} className="input" name="scope" defaultValue="read">
                  <Options values={API_TOKEN_SCOPES} labels={apiTokenScopeLabels} />
                </select>
              )}
            </Field>
          </div>
          <SubmitRow mutation={create} label="Create token" pendingLabel="Creating…" />
        </ClientForm>
        {created ? (
          <SecretOnce label="API token" secret={created.secret} onDone={() => setCreated(null)} testId="new-api-token">
            Token <strong>{created.name}</strong>. Copy it now: it is shown only this once. Send it as{" "}
            <code>Authorization: Bearer …</code>.
          </SecretOnce>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens</h2>
        {tokens.data.length === 0 ? (
          <p className="muted">No tokens yet. Create one above for a script or a dashboard that reads DX Pulse.</p>
        ) : (
          <TableScroll label="API tokens">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Access</th>
                  <th scope="col">Token</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.map((t) => (
                  <tr key={t.id} data-testid={`api-token-${t.name}`}>
                    <td>{t.name}</td>
                    <td>{t.scope === "read" ? "Read" : "Read and write"}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>
                      <When at={t.createdAt} /> <span className="muted small">by {t.createdBy}</span>
                    </td>
                    <td>
                      <When at={t.lastUsedAt} empty="Never" />
                    </td>
                    <td>
                      {t.revokedAt ? (
                        <span className="badge badge-bad">Revoked</span>
                      ) : (
                        <ConfirmButton
                          className="btn btn-sm btn-danger"
                          disabled={revoke.isPending}
                          label={`Revoke ${t.name}`}
                          title={`Revoke “${t.name}”?`}
                          consequence="Requests with this token are refused from now on. This cannot be undone; create a new token instead."
                          confirmLabel="Revoke token"
                          onConfirm={() => revoke.mutate(t.id)}
                        >
                          Revoke
                        </ConfirmButton>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <ErrorAlert message={revoke.error?.message} />
      </section>
    </div>
  );
}
