"use client";
import { useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { InputField } from "@/components/ui/field";
import { ErrorAlert, InlineError, SubmitRow } from "@/components/ui/form-status";
import { TableScroll } from "@/components/ui/table-scroll";
import { WEBHOOK_EVENTS, webhookEventLabels, type WebhookEvent } from "@/lib/integrations/constants";
import {
  useCreateWebhook,
  useDeleteWebhook,
  useRotateWebhookSecret,
  useSendTestEvent,
  useUpdateWebhook,
  useWebhookEndpoints,
  type WebhookEndpointRow,
} from "@/lib/integrations/hooks";
import { DeliveryLog } from "./delivery-log";
import { SecretOnce } from "./secret-once";

/** Settings → Webhooks (owners): endpoints, their events and secrets, and the delivery log. */
export function WebhooksPanel({ initialEndpoints }: { initialEndpoints: WebhookEndpointRow[] }) {
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const endpoints = useWebhookEndpoints(initialEndpoints);
  const create = useCreateWebhook((value, endpoint) => setSecret({ url: endpoint.url, secret: value }));
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const test = useSendTestEvent();
  const rotate = useRotateWebhookSecret((value, id) =>
    setSecret({ url: endpoints.data.find((e) => e.id === id)?.url ?? "", secret: value }),
  );
  const errors = create.fieldErrors;
  const busy = update.isPending || remove.isPending || rotate.isPending || test.isPending;
  const tested = test.data?.delivery;

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints</h2>
        {secret ? (
          <SecretOnce
            label="Signing secret"
            secret={secret.secret}
            onDone={() => setSecret(null)}
            testId="webhook-secret"
          >
            Signing secret for <strong>{secret.url}</strong>, shown only this once. Each delivery carries{" "}
            <code>X-DXPulse-Signature: sha256=…</code>, the HMAC-SHA256 of the raw body with this secret.
          </SecretOnce>
        ) : null}
        {endpoints.data.length === 0 ? (
          <p className="muted">No endpoints yet. Add one below to hear when surveys open and close.</p>
        ) : (
          <TableScroll label="Webhook endpoints">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">URL</th>
                  <th scope="col">Events</th>
                  <th scope="col">Enabled</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {endpoints.data.map((e) => (
                  <tr key={e.id} data-testid="webhook-endpoint">
                    <td>
                      <span className="mono small" style={{ overflowWrap: "anywhere" }}>
                        {e.url}
                      </span>
                      {e.description ? <div className="muted small">{e.description}</div> : null}
                    </td>
                    <td className="small">
                      {e.events.map((ev) => webhookEventLabels[ev as WebhookEvent] ?? ev).join(", ")}
                    </td>
                    <td>
                      <label className="row checkbox-row">
                        <input
                          type="checkbox"
                          checked={e.enabled}
                          disabled={busy}
                          onChange={(ev) => update.mutate({ id: e.id, change: { enabled: ev.target.checked } })}
                        />
                        <span className="sr-only">Send events to {e.url}</span>
                        <span aria-hidden="true">{e.enabled ? "On" : "Off"}</span>
                      </label>
                    </td>
                    <td>
                      <div className="row" style={{ flexWrap: "nowrap" }}>
                        <button
                          type="button"
                          className="btn btn-sm"
                          disabled={busy || !e.enabled}
                          aria-label={`Send a test event to ${e.url}`}
                          onClick={() => test.mutate(e.id)}
                        >
                          Send test
                        </button>
                        <ConfirmButton
                          className="btn btn-sm"
                          disabled={busy}
                          label={`New secret for ${e.url}`}
                          title="Replace the signing secret?"
                          consequence="Deliveries are signed with the new secret at once; the receiver must be given it before it can verify them."
                          confirmLabel="Replace secret"
                          onConfirm={() => rotate.mutate(e.id)}
                        >
                          New secret
                        </ConfirmButton>
                        <ConfirmButton
                          className="btn btn-sm btn-danger"
                          disabled={busy}
                          label={`Remove ${e.url}`}
                          title="Remove this endpoint?"
                          consequence="It receives no more events, and its delivery log is deleted."
                          confirmLabel="Remove endpoint"
                          onConfirm={() => remove.mutate(e.id)}
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
        )}
        <span role="status" aria-live="polite" className="small">
          {tested
            ? tested.status === "delivered"
              ? `Test event delivered (HTTP ${tested.responseStatus}).`
              : `Test event failed: ${tested.error ?? "no answer"}.`
            : ""}
        </span>
        <ErrorAlert message={(update.error ?? remove.error ?? rotate.error ?? test.error)?.message} />

        <ClientForm
          className="stack"
          onSubmit={(form) => {
            setSecret(null);
            const data = new FormData(form);
            create.mutate(
              { url: data.get("url"), description: data.get("description"), events: data.getAll("events") },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <h3>Add an endpoint</h3>
          <div className="grid-2">
            <InputField
              label="URL"
              hint="An https:// address that accepts POST requests"
              error={errors.url}
              name="url"
              type="url"
              inputMode="url"
              autoComplete="off"
            />
            <InputField label="Description (optional)" error={errors.description} name="description" />
          </div>
          <fieldset className="stack" aria-describedby={errors.events ? "webhook-events-error" : undefined}>
            <legend>Events</legend>
            <div className="row">
              {WEBHOOK_EVENTS.map((event) => (
                <label key={event} className="row checkbox-row">
                  <input type="checkbox" name="events" value={event} /> {webhookEventLabels[event]}{" "}
                  <code className="small">{event}</code>
                </label>
              ))}
            </div>
            <span id="webhook-events-error">
              <InlineError message={errors.events?.[0]} />
            </span>
          </fieldset>
          <SubmitRow mutation={create} label="Add endpoint" pendingLabel="Adding…" />
        </ClientForm>
      </section>
      <DeliveryLog />
    </div>
  );
}
