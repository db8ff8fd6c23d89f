"use client";
import { QueryError } from "@/components/ui/query-error";
import { ErrorAlert } from "@/components/ui/form-status";
import { Skeleton } from "@/components/ui/skeleton";
import { TableScroll } from "@/components/ui/table-scroll";
import { webhookDeliveryStatusLabels, webhookEventLabels, type WebhookEvent } from "@/lib/integrations/constants";
import { useRedeliver, useWebhookDeliveries } from "@/lib/integrations/hooks";
import { When } from "./secret-once";

const statusBadge = { delivered: "badge-good", failed: "badge-bad", pending: "badge-warn" } as const;

/** The latest deliveries with their outcome, and "Redeliver" for any of them. */
export function DeliveryLog() {
  const deliveries = useWebhookDeliveries();
  const redeliver = useRedeliver();

  return (
    <section className="card stack" aria-labelledby="deliveries-heading" data-testid="delivery-log">
      <div className="row-between">
        <h2 id="deliveries-heading">Delivery log</h2>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => deliveries.refetch()}
          disabled={deliveries.isFetching}
        >
          {deliveries.isFetching ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      <p className="muted small">
        The latest 100 deliveries. Failed ones are retried with growing pauses; a delivered one is never sent again
        unless you redeliver it. Times of friction events are kept to the day, like the entries themselves.
      </p>
      {deliveries.isPending ? (
        <div className="stack" role="status" aria-busy="true" aria-label="Loading the delivery log">
          <Skeleton height={14} />
          <Skeleton height={14} width="70%" />
        </div>
      ) : deliveries.isError ? (
        <QueryError
          what="the delivery log"
          error={deliveries.error}
          onRetry={() => deliveries.refetch()}
          retrying={deliveries.isFetching}
        />
      ) : deliveries.data.length === 0 ? (
        <p className="muted">Nothing sent yet.</p>
      ) : (
        <TableScroll label="Webhook deliveries">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Response</th>
                <th scope="col">When</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td>{webhookEventLabels[d.event as WebhookEvent] ?? d.event}</td>
                  <td>
                    <span className="mono small" style={{ overflowWrap: "anywhere" }}>
                      {d.url}
                    </span>
                  </td>
                  <td>
                    <span className={`badge ${statusBadge[d.status]}`}>{webhookDeliveryStatusLabels[d.status]}</span>
                    {d.error && d.status !== "delivered" ? <div className="muted small">{d.error}</div> : null}
                  </td>
                  <td>{d.attempts}</td>
                  <td>
                    {d.responseStatus ?? <span className="muted">—</span>}
                    {d.durationMs !== null ? <span className="muted small"> · {d.durationMs} ms</span> : null}
                  </td>
                  <td>
                    <When at={d.lastAttemptAt ?? d.createdAt} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-sm"
                      disabled={redeliver.isPending}
                      aria-label={`Redeliver ${d.event} to ${d.url}`}
                      onClick={() => redeliver.mutate(d.id)}
                    >
                      Redeliver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ErrorAlert message={redeliver.error?.message} />
    </section>
  );
}
