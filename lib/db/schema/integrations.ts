// API tokens and outgoing webhooks: how other systems read DX Pulse and hear about its events.
// Nothing here refers to a respondent; webhook bodies are built by lib/integrations/webhook-events.ts.
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { API_TOKEN_SCOPES, WEBHOOK_DELIVERY_STATUSES } from "../../integrations/constants";
import { users } from "./workspace";

export const apiTokenScopeEnum = pgEnum("api_token_scope", API_TOKEN_SCOPES);
export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);

// Only the SHA-256 of a token is stored (lib/integrations/token-secret.ts says why not bcrypt); `prefix`
// is its first characters, enough for a person to tell their tokens apart.
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    scope: apiTokenScopeEnum("scope").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    // A token acts for the owner who made it: it goes with them and stops while they are deactivated.
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Written at most once a minute (lib/integrations/queries/tokens.ts), not on every request.
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_created_at").on(t.createdAt)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

// Requests per token per fixed one-minute window, shared by every instance.
export const apiTokenWindows = pgTable(
  "api_token_windows",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    requests: integer("requests").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  // Kept in the clear: every delivery is signed with it (HMAC), so it cannot be a one-way hash.
  secret: text("secret").notNull(),
  events: text("events")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  enabled: boolean("enabled").notNull().default(true),
  createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

// One row per attempt series to one endpoint. `body` is the exact JSON sent, fixed when the event
// happens, so every retry carries the same bytes and signature; a redelivery is a new row.
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").notNull(),
    event: text("event").notNull(),
    body: text("body").notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseStatus: integer("response_status"),
    durationMs: integer("duration_ms"),
    // A short reason of our own ("HTTP 500", "timed out"), never the receiver's response body.
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Set while one attempt is in flight: another worker leaves the delivery alone until it expires.
    sendingSince: timestamp("sending_since", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [index("webhook_deliveries_created_at").on(t.createdAt)],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
