"use client";
import { useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, InputField } from "@/components/ui/field";
import { ErrorAlert, SubmitRow } from "@/components/ui/form-status";
import { Options } from "@/components/ui/options";
import { TableScroll } from "@/components/ui/table-scroll";
import { deliveryProviders, providerLabel, type DeliveryProvider } from "@/lib/delivery/constants";
import {
  useCreateDeliverySource,
  useDeleteDeliverySource,
  useDeliverySources,
  useRegenerateDeliverySecret,
  type DeliverySecret,
  type DeliverySource,
} from "@/lib/delivery/hooks";

const webhookPath = (provider: DeliveryProvider, id: string) => `/api/delivery/webhooks/${provider}/${id}`;

/** The secret of a new or regenerated integration: shown this once, with where to paste it. */
function SecretOnce({ created, onDone }: { created: DeliverySecret; onDone: () => void }) {
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const { provider, id, name } = created.source;
  return (
    <div className="alert stack" role="status" data-testid="delivery-secret">
      <strong>Copy the secret for {name} now: it is not shown again.</strong>
      <div className="small">
        Payload URL: <code>{origin + webhookPath(provider, id)}</code> (content type application/json)
      </div>
      <div className="small">
        {provider === "github" ? "Secret" : "Secret token"}:{" "}
        <code data-testid="delivery-secret-value">{created.secret}</code>
      </div>
      <div className="muted small">
        {provider === "github"
          ? "Events: pushes, pull requests, deployments, deployment statuses and issues (label incidents “incident”)."
          : "Triggers: push, merge request, deployment and issue events (incidents are GitLab incident issues)."}
      </div>
      <div>
        <button type="button" className="btn btn-sm" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </div>
  );
}

export function SourcesPanel({ initialSources }: { initialSources: DeliverySource[] }) {
  const [shown, setShown] = useState<DeliverySecret | null>(null);
  const sources = useDeliverySources(initialSources);
  const create = useCreateDeliverySource({ onSuccess: (data) => setShown(data) });
  const regenerate = useRegenerateDeliverySecret({ onSuccess: (data) => setShown(data) });
  const remove = useDeleteDeliverySource();
  return (
    <section className="card stack" aria-labelledby="sources-heading">
      <div>
        <h2 id="sources-heading">Webhook integrations</h2>
        <p className="muted small">
          GitHub and GitLab send delivery events here. Each integration has its own secret; a delivery that cannot be
          verified with it is refused and stored nowhere.
        </p>
      </div>
      {shown ? <SecretOnce created={shown} onDone={() => setShown(null)} /> : null}
      {sources.data?.length ? (
        <TableScroll label="Webhook integrations">
          <table className="table">
            <caption className="sr-only">Webhook integrations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Provider</th>
                <th scope="col">Payload URL</th>
                <th scope="col">Secret set</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sources.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{providerLabel[s.provider]}</td>
                  <td>
                    <code className="small">{webhookPath(s.provider, s.id)}</code>
                  </td>
                  <td className="small">{new Date(s.secretRotatedAt).toLocaleDateString()}</td>
                  <td>
                    <div className="row">
                      <ConfirmButton
                        className="btn btn-sm"
                        label={`New secret for ${s.name}`}
                        title={`Replace the secret of “${s.name}”?`}
                        consequence="Deliveries signed with the current secret are refused until you paste the new one into the provider."
                        confirmLabel="Replace secret"
                        onConfirm={() => regenerate.mutate(s.id)}
                      >
                        New secret
                      </ConfirmButton>
                      <ConfirmButton
                        className="btn btn-sm btn-danger"
                        label={`Remove ${s.name}`}
                        title={`Remove the integration “${s.name}”?`}
                        consequence="Its deliveries are refused from now on. Events already stored stay and keep counting."
                        confirmLabel="Remove integration"
                        onConfirm={() => remove.mutate(s.id)}
                      >
                        Remove
                      </ConfirmButton>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">No integration yet.</p>
      )}
      <ErrorAlert message={(regenerate.error ?? remove.error)?.message} />
      <ClientForm
        className="stack"
        noValidate
        onSubmit={(form) => create.mutate(Object.fromEntries(new FormData(form)), { onSuccess: () => form.reset() })}
      >
        <div className="grid-2">
          <Field label="Provider" error={create.fieldErrors.provider}>
            {(p) => (
              <select {...p} name="provider" className="input" defaultValue="github">
                <Options values={deliveryProviders} labels={providerLabel} />
              </select>
            )}
          </Field>
          <InputField
            label="Integration name"
            name="name"
            placeholder="acme GitHub org"
            error={create.fieldErrors.name}
          />
        </div>
        <SubmitRow mutation={create} label="Add integration" />
      </ClientForm>
    </section>
  );
}
