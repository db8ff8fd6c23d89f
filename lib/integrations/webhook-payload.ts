// The body and signature of a webhook delivery. What each event's `data` holds is decided by the
// builders in ./queries/webhook-events.ts; this module only wraps and signs it.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { DAY_PRECISION_EVENTS } from "./constants";

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export type WebhookEnvelope = { id: string; event: string; createdAt: string; data: Record<string, unknown> };

/** The exact bytes sent, fixed once per event so every retry and redelivery carries the same body. */
export function webhookBody(
  event: string,
  data: Record<string, unknown>,
  now = new Date(),
): {
  eventId: string;
  body: string;
} {
  const createdAt = DAY_PRECISION_EVENTS.includes(event) ? startOfUtcDay(now) : now;
  const envelope: WebhookEnvelope = { id: randomUUID(), event, createdAt: createdAt.toISOString(), data };
  return { eventId: envelope.id, body: JSON.stringify(envelope) };
}

/** `sha256=<hex HMAC-SHA256 of the raw body with the endpoint's secret>`, the X-DXPulse-Signature value. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** What a receiver does: recompute the HMAC over the raw bytes and compare in constant time. */
export function verifyWebhookSignature(rawBody: Buffer | string, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(rawBody.toString(), secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;
