// API token scopes and webhook events with their labels, free of drizzle so client components import
// them too; lib/db/schema/integrations.ts builds its PostgreSQL enums from these lists.

export const API_TOKEN_SCOPES = ["read", "read_write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
export const apiTokenScopeLabels: Record<ApiTokenScope, string> = {
  read: "Read (GET only)",
  read_write: "Read and write (what an editor can do)",
};

export const WEBHOOK_EVENTS = ["survey.opened", "survey.closed", "friction.created", "backlog.analysed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const webhookEventLabels: Record<WebhookEvent, string> = {
  "survey.opened": "A survey opened",
  "survey.closed": "A survey closed",
  "friction.created": "Friction was reported",
  "backlog.analysed": "A backlog analysis finished",
};
/**
 * Events about one respondent's action, whose times are kept to the day, as the entry itself is
 * (lib/db/schema/responses.ts): friction entries are numbered in order, so a delivery log with times
 * of day would give each entry its time of day. The body's createdAt and the log's times are the day.
 */
export const DAY_PRECISION_EVENTS: readonly string[] = ["friction.created"];

/** Sent only by "Send test event"; endpoints do not subscribe to it. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export const webhookDeliveryStatusLabels: Record<WebhookDeliveryStatus, string> = {
  pending: "Pending",
  delivered: "Delivered",
  failed: "Failed (retrying)",
};

export const SIGNATURE_HEADER = "X-DXPulse-Signature";
export const DELIVERY_HEADER = "X-DXPulse-Delivery";
export const EVENT_HEADER = "X-DXPulse-Event";
