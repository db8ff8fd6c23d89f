import "server-only";
import { and, arrayContains, desc, eq, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, type DbClient } from "@/lib/db/client";
import { users, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { DAY_PRECISION_EVENTS, type WebhookDeliveryStatus, type WebhookEvent } from "../constants";
import { generateWebhookSecret, webhookBody } from "../webhook-payload";

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  createdBy: string | null;
  createdAt: Date;
};

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  createdBy: users.email,
  createdAt: webhookEndpoints.createdAt,
};

export async function listWebhookEndpoints(): Promise<WebhookEndpointView[]> {
  const db = await getDb();
  return db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdById))
    .orderBy(webhookEndpoints.createdAt);
}

async function getEndpointView(id: string, client: DbClient): Promise<WebhookEndpointView> {
  const [row] = await client
    .select(endpointColumns)
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdById))
    .where(eq(webhookEndpoints.id, id));
  if (!row) throw notFound("Webhook endpoint");
  return row;
}

type EndpointFields = { url: string; description?: string; events: WebhookEvent[]; enabled?: boolean };

/** A new endpoint with a fresh signing secret, returned this once. */
export async function createWebhookEndpoint({
  fields,
  actor,
}: {
  fields: EndpointFields;
  actor: NonNullable<AuditActor>;
}): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const db = await getDb();
  const secret = generateWebhookSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ ...fields, secret, createdById: actor.id })
      .returning({ id: webhookEndpoints.id });
    await recordAudit({ actor, action: "webhook.create", subject: fields.url, detail: { endpointId: row.id } }, tx);
    return { endpoint: await getEndpointView(row.id, tx), secret };
  });
}

export async function updateWebhookEndpoint({
  id,
  change,
  actor,
}: {
  id: string;
  change: Partial<EndpointFields>;
  actor: NonNullable<AuditActor>;
}): Promise<WebhookEndpointView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const endpoint = await getEndpointView(id, tx);
    if (Object.keys(change).length) {
      await tx.update(webhookEndpoints).set(change).where(eq(webhookEndpoints.id, id));
      await recordAudit(
        { actor, action: "webhook.update", subject: change.url ?? endpoint.url, detail: { endpointId: id, ...change } },
        tx,
      );
    }
    return getEndpointView(id, tx);
  });
}

/** A new signing secret, returned this once; the old one stops signing at once. */
export async function rotateWebhookSecret({ id, actor }: { id: string; actor: NonNullable<AuditActor> }) {
  const db = await getDb();
  const secret = generateWebhookSecret();
  return db.transaction(async (tx) => {
    const endpoint = await getEndpointView(id, tx);
    await tx.update(webhookEndpoints).set({ secret }).where(eq(webhookEndpoints.id, id));
    await recordAudit(
      { actor, action: "webhook.update", subject: endpoint.url, detail: { endpointId: id, secret: "rotated" } },
      tx,
    );
    return { secret };
  });
}

export async function deleteWebhookEndpoint({ id, actor }: { id: string; actor: NonNullable<AuditActor> }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const endpoint = await getEndpointView(id, tx);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordAudit({ actor, action: "webhook.delete", subject: endpoint.url, detail: { endpointId: id } }, tx);
  });
}

/** An event's payload, or how to build it: only built when some endpoint is subscribed. */
export type EventData = Record<string, unknown> | (() => Promise<Record<string, unknown>>);

/**
 * One pending delivery per enabled endpoint subscribed to the event, all with the same body (one event
 * id, so a receiver subscribed twice can tell). Returns the deliveries' ids for the job queue.
 */
export async function recordWebhookEvent(
  { event, data, endpointId }: { event: string; data: EventData; endpointId?: string },
  tx?: DbClient,
): Promise<string[]> {
  const db = tx ?? (await getDb());
  const targets = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      endpointId
        ? eq(webhookEndpoints.id, endpointId)
        : and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.events, [event])),
    );
  if (targets.length === 0) return [];
  const { eventId, body } = webhookBody(event, typeof data === "function" ? await data() : data);
  const rows = await db
    .insert(webhookDeliveries)
    .values(targets.map((t) => ({ endpointId: t.id, eventId, event, body, createdAt: loggedNow(event) })))
    .returning({ id: webhookDeliveries.id });
  return rows.map((r) => r.id);
}

/** "now" as the delivery log keeps it: the day only for DAY_PRECISION_EVENTS. */
const loggedNow = (event: string) =>
  DAY_PRECISION_EVENTS.includes(event) ? sql`date_trunc('day', now(), 'UTC')` : sql`now()`;
const loggedNowOfRow = sql`case when ${webhookDeliveries.event} in (${sql.join(
  DAY_PRECISION_EVENTS.map((e) => sql`${e}`),
  sql`, `,
)}) then date_trunc('day', now(), 'UTC') else now() end`;

/** A fresh delivery of an earlier one's exact body (same event id, new delivery id). */
export async function recordRedelivery({ deliveryId }: { deliveryId: string }): Promise<string> {
  const db = await getDb();
  const [original] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (!original) throw notFound("Delivery");
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      endpointId: original.endpointId,
      eventId: original.eventId,
      event: original.event,
      body: original.body,
      createdAt: loggedNow(original.event),
    })
    .returning({ id: webhookDeliveries.id });
  return row.id;
}

export type WebhookDeliveryView = {
  id: string;
  endpointId: string;
  url: string;
  eventId: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  error: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
};

export const DELIVERY_LOG_SIZE = 100;

const deliveryColumns = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  url: webhookEndpoints.url,
  eventId: webhookDeliveries.eventId,
  event: webhookDeliveries.event,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  responseStatus: webhookDeliveries.responseStatus,
  durationMs: webhookDeliveries.durationMs,
  error: webhookDeliveries.error,
  createdAt: webhookDeliveries.createdAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  deliveredAt: webhookDeliveries.deliveredAt,
};

/** The latest deliveries, newest first, optionally of one endpoint. */
export async function listWebhookDeliveries({ endpointId }: { endpointId?: string } = {}): Promise<
  WebhookDeliveryView[]
> {
  const db = await getDb();
  return db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(endpointId ? eq(webhookDeliveries.endpointId, endpointId) : undefined)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERY_LOG_SIZE);
}

export async function getWebhookDelivery({ id }: { id: string }): Promise<WebhookDeliveryView> {
  const db = await getDb();
  const [row] = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id));
  if (!row) throw notFound("Delivery");
  return row;
}

/** Whether an endpoint exists and is enabled; null when it does not exist. */
export async function isWebhookEndpointEnabled({ id }: { id: string }): Promise<boolean | null> {
  const db = await getDb();
  const [row] = await db
    .select({ enabled: webhookEndpoints.enabled })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id));
  return row ? row.enabled : null;
}

/** How long one attempt may hold a delivery before another worker may take it over (a crashed worker). */
const SENDING_LEASE = "2 minutes";

export type ClaimedDelivery = {
  id: string;
  eventId: string;
  event: string;
  body: string;
  url: string;
  secret: string;
  enabled: boolean;
};

/**
 * Takes a delivery for one attempt: only if it is not delivered and no other attempt holds it, in one
 * statement, so two workers (or instances) given the same delivery send it once. Null when there is
 * nothing to send.
 */
export async function claimWebhookDelivery({ id }: { id: string }): Promise<ClaimedDelivery | null> {
  const db = await getDb();
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ sendingSince: sql`now()`, attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: loggedNowOfRow })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        sql`${webhookDeliveries.status} <> 'delivered'`,
        sql`(${webhookDeliveries.sendingSince} is null or ${webhookDeliveries.sendingSince} < now() - interval '${sql.raw(SENDING_LEASE)}')`,
      ),
    )
    .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
  if (!claimed) return null;
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      event: webhookDeliveries.event,
      body: webhookDeliveries.body,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      enabled: webhookEndpoints.enabled,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id));
  return row ?? null;
}

/** The outcome of one attempt; releases the delivery for the next attempt if it failed. */
export async function recordDeliveryAttempt({
  id,
  delivered,
  responseStatus,
  durationMs,
  error,
}: {
  id: string;
  delivered: boolean;
  responseStatus: number | null;
  durationMs: number | null;
  error: string | null;
}) {
  const db = await getDb();
  await db
    .update(webhookDeliveries)
    .set({
      status: delivered ? "delivered" : "failed",
      responseStatus,
      durationMs,
      error,
      sendingSince: null,
      deliveredAt: delivered ? loggedNowOfRow : null,
    })
    .where(eq(webhookDeliveries.id, id));
}

export async function getWebhookDeliveryStatus({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ status: webhookDeliveries.status })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, id));
  return row?.status ?? null;
}
