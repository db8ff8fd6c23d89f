import "server-only";
// Sending webhooks: one attempt per call of deliverWebhook, which the job queue retries with backoff
// when it throws. A delivery already delivered, or held by another attempt, is never sent again.
import http from "node:http";
import https from "node:https";
import { webhookLoopbackAllowed } from "@/lib/env";
import { AppError, describeForLog, notFound } from "@/lib/errors";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, WEBHOOK_TEST_EVENT, type WebhookEvent } from "./constants";
import {
  claimWebhookDelivery,
  getWebhookDeliveryStatus,
  isWebhookEndpointEnabled,
  recordDeliveryAttempt,
  recordRedelivery,
  recordWebhookEvent,
  type EventData,
} from "./queries";
import { signWebhookBody } from "./webhook-payload";
import { guardedLookup, refusedWebhookUrl } from "./webhook-target";
import { enqueue } from "@/lib/jobs/enqueue";

const TIMEOUT_MS = 10_000;

export class WebhookDeliveryError extends Error {
  constructor(
    message: string,
    readonly deliveryId: string,
  ) {
    super(message);
    this.name = "WebhookDeliveryError";
  }
}

export type DeliveryOutcome = { sent: boolean; status: "delivered" | "failed" | "pending" | "skipped" };

/**
 * One attempt at a delivery: POSTs its body, signed, and records the status code and duration. Throws
 * WebhookDeliveryError when the receiver did not answer 2xx, so the job queue retries it. Returns
 * without sending when the delivery is already delivered, in flight elsewhere, or its endpoint is
 * disabled (recorded as failed; retrying cannot help until an owner enables it and redelivers).
 */
export async function deliverWebhook(deliveryId: string): Promise<DeliveryOutcome> {
  const delivery = await claimWebhookDelivery({ id: deliveryId });
  if (!delivery) {
    const status = await getWebhookDeliveryStatus({ id: deliveryId });
    return { sent: false, status: status === "delivered" ? "delivered" : "skipped" };
  }
  const fail = async (error: string, responseStatus: number | null = null, durationMs: number | null = null) => {
    await recordDeliveryAttempt({ id: deliveryId, delivered: false, responseStatus, durationMs, error });
  };
  if (!delivery.enabled) {
    await fail("Endpoint disabled");
    return { sent: false, status: "failed" };
  }
  const refused = refusedWebhookUrl(delivery.url, webhookLoopbackAllowed);
  if (refused) {
    await fail(refused);
    return { sent: false, status: "failed" };
  }
  const started = performance.now();
  let responseStatus: number;
  try {
    responseStatus = await postJson(delivery.url, delivery.body, {
      [SIGNATURE_HEADER]: signWebhookBody(delivery.body, delivery.secret),
      [DELIVERY_HEADER]: delivery.id,
      [EVENT_HEADER]: delivery.event,
    });
  } catch (error) {
    const reason = reasonOf(error);
    await fail(reason, null, Math.round(performance.now() - started));
    throw new WebhookDeliveryError(`Webhook delivery failed: ${reason}`, deliveryId);
  }
  const durationMs = Math.round(performance.now() - started);
  const delivered = responseStatus >= 200 && responseStatus < 300;
  if (!delivered) {
    await fail(`HTTP ${responseStatus}`, responseStatus, durationMs);
    throw new WebhookDeliveryError(`Webhook receiver answered ${responseStatus}`, deliveryId);
  }
  await recordDeliveryAttempt({ id: deliveryId, delivered: true, responseStatus, durationMs, error: null });
  return { sent: true, status: "delivered" };
}

/** A short reason of our own for the delivery log: never a message that could quote the receiver. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === "EWEBHOOKTARGET") return `Not allowed: ${(error as Error).message}`;
  if (code === "ETIMEDOUT" || (error as Error)?.message === "timeout") return "Timed out";
  if (code === "ECONNREFUSED") return "Connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "Host not found";
  if (code === "ECONNRESET") return "Connection reset";
  return typeof code === "string" && /^[A-Z_]{2,30}$/.test(code) ? code : "Could not connect";
}

function postJson(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        agent: false,
        timeout: TIMEOUT_MS,
        lookup: guardedLookup(webhookLoopbackAllowed) as never,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          "User-Agent": "DX-Pulse-Webhooks/1",
          ...headers,
        },
      },
      (response) => {
        // Only the status matters; the body is read and dropped, never stored. Redirects are not followed.
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    request.on("error", reject);
    request.end(body);
  });
}

// The one place webhook deliveries are handed to the job queue: a "webhook.deliver" job per delivery
// (lib/jobs/registry.ts), whose handler calls deliverWebhook and lets its error fail the attempt, so
// pg-boss retries with backoff.
export async function handOffWebhookDeliveries(deliveryIds: string[]): Promise<void> {
  for (const deliveryId of deliveryIds) await enqueue("webhook.deliver", { deliveryId });
}

/**
 * Records an event for every enabled endpoint subscribed to it and hands the deliveries to the job
 * queue; returns their ids. Called after the change it reports has committed. A failure here is
 * logged, never thrown: the change itself has happened and must not be reported as failed.
 */
export async function queueWebhookEvent(event: WebhookEvent, data: EventData): Promise<string[]> {
  try {
    const ids = await recordWebhookEvent({ event, data });
    await handOffWebhookDeliveries(ids);
    return ids;
  } catch (error) {
    console.error(`[webhooks] could not queue ${event}: ${describeForLog(error)}`);
    return [];
  }
}

/** An attempt made while an owner waits: its outcome is in the delivery log, so a failure is not thrown. */
async function attemptNow(deliveryId: string): Promise<boolean> {
  try {
    await deliverWebhook(deliveryId);
    return true;
  } catch (error) {
    if (error instanceof WebhookDeliveryError) return false;
    throw error;
  }
}

/** "Send test event": one signed webhook.test delivery to this endpoint, attempted now, not retried. */
export async function sendTestEvent({ endpointId }: { endpointId: string }): Promise<string> {
  const enabled = await isWebhookEndpointEnabled({ id: endpointId });
  if (enabled === null) throw notFound("Webhook endpoint");
  if (!enabled) throw new AppError("conflict", "Enable this endpoint before sending it a test event");
  const [deliveryId] = await recordWebhookEvent({
    event: WEBHOOK_TEST_EVENT,
    endpointId,
    data: { message: "A test event from DX Pulse. Check that the signature verifies with your secret." },
  });
  await attemptNow(deliveryId);
  return deliveryId;
}

/** "Redeliver": the same body as a new delivery, attempted now and handed to the queue if that fails. */
export async function redeliverWebhook({ deliveryId }: { deliveryId: string }): Promise<string> {
  const id = await recordRedelivery({ deliveryId });
  if (!(await attemptNow(id))) await handOffWebhookDeliveries([id]);
  return id;
}
