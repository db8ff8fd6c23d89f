// Responses of the API token and webhook endpoints as zod schemas (the OpenAPI document and the
// integration tests' response check use them). Never a token hash; a secret only in the answer that
// creates it.
import { z } from "zod";
import { API_TOKEN_SCOPES, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from "./constants";

const timestamp = z.iso.datetime();

export const apiTokenWire = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scope: z.enum(API_TOKEN_SCOPES),
    prefix: z
      .string()
      .meta({ description: "The token's first characters, to tell tokens apart", examples: ["dxp_Ab12Cd"] }),
    createdBy: z.string(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable().meta({ description: "Updated at most once a minute" }),
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: "ApiToken" });

export const apiTokenListWire = z.object({ tokens: z.array(apiTokenWire) });
export const createdApiTokenWire = z.object({
  token: apiTokenWire,
  secret: z.string().meta({
    description: "The token itself, shown this once: send it as `Authorization: Bearer <secret>`",
    examples: ["dxp_…"],
  }),
});

export const webhookEndpointWire = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    enabled: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookEndpointListWire = z.object({ endpoints: z.array(webhookEndpointWire) });
export const oneWebhookEndpointWire = z.object({ endpoint: webhookEndpointWire });
const secretField = z.string().meta({
  description: "The signing secret, shown this once: X-DXPulse-Signature is sha256=<hex HMAC-SHA256 of the raw body>",
  examples: ["whsec_…"],
});
export const createdWebhookEndpointWire = z.object({ endpoint: webhookEndpointWire, secret: secretField });
export const webhookSecretWire = z.object({ secret: secretField });

export const webhookDeliveryWire = z
  .object({
    id: z.uuid().meta({ description: "Also sent as X-DXPulse-Delivery" }),
    endpointId: z.uuid(),
    url: z.string(),
    eventId: z.uuid().meta({ description: "The body's id; the same for every delivery of one event" }),
    event: z.string(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.int(),
    responseStatus: z.int().nullable(),
    durationMs: z.int().nullable(),
    error: z.string().nullable(),
    createdAt: timestamp,
    lastAttemptAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
  })
  .meta({ id: "WebhookDelivery" });

export const webhookDeliveryListWire = z.object({ deliveries: z.array(webhookDeliveryWire) });
export const oneWebhookDeliveryWire = z.object({ delivery: webhookDeliveryWire });
