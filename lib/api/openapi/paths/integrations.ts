// Operations of integrations: API tokens and outgoing webhooks (owner only; never with a token).
import * as token from "@/app/api/tokens/[id]/route";
import * as tokens from "@/app/api/tokens/route";
import * as webhook from "@/app/api/webhooks/[id]/route";
import * as webhookSecret from "@/app/api/webhooks/[id]/secret/route";
import * as webhookTest from "@/app/api/webhooks/[id]/test/route";
import * as redeliver from "@/app/api/webhooks/deliveries/[id]/redeliver/route";
import * as deliveries from "@/app/api/webhooks/deliveries/route";
import * as webhooks from "@/app/api/webhooks/route";
import {
  apiTokenListWire,
  createdApiTokenWire,
  createdWebhookEndpointWire,
  oneWebhookDeliveryWire,
  oneWebhookEndpointWire,
  webhookDeliveryListWire,
  webhookEndpointListWire,
  webhookSecretWire,
} from "@/lib/integrations/wire";
import { done, ok, type Paths } from "../operation";

const webhookBody =
  'Each delivery is a POST of `{ "id", "event", "createdAt", "data" }` (id: the event\'s, the same for every delivery of it) with `X-DXPulse-Signature: sha256=<hex HMAC-SHA256 of the raw body with the endpoint\'s secret>`, `X-DXPulse-Delivery` (unique per delivery, for deduplication) and `X-DXPulse-Event`. Any 2xx counts as delivered; anything else is retried with backoff. Events: survey.opened, survey.closed, friction.created, backlog.analysed; payloads hold nothing the anonymity threshold hides (no free text, no group under k).';

export const integrationPaths = (): Paths => ({
  "/api/tokens": {
    get: [
      tokens.GET,
      {
        operationId: "listApiTokens",
        summary: "API tokens with their scope, creator and last use (owner only)",
        tag: "Integrations",
        responses: { "200": ok("Tokens, newest first (revoked ones included)", apiTokenListWire) },
      },
    ],
    post: [
      tokens.POST,
      {
        operationId: "createApiToken",
        summary: "Create an API token (owner only)",
        description:
          "The secret is in this answer only; only its SHA-256 is stored. A read token may call GET operations as a viewer; a read-write token may also make the changes an editor can. Neither can manage people, settings, tokens or webhooks.",
        tag: "Integrations",
        responses: { "201": ok("The token and its secret, shown this once", createdApiTokenWire) },
      },
    ],
  },
  "/api/tokens/{id}": {
    delete: [
      token.DELETE,
      {
        operationId: "revokeApiToken",
        summary: "Revoke an API token; requests with it are refused (401) at once (owner only)",
        tag: "Integrations",
        responses: { "200": done("Revoked") },
      },
    ],
  },
  "/api/webhooks": {
    get: [
      webhooks.GET,
      {
        operationId: "listWebhookEndpoints",
        summary: "Webhook endpoints (owner only)",
        tag: "Integrations",
        responses: { "200": ok("Endpoints", webhookEndpointListWire) },
      },
    ],
    post: [
      webhooks.POST,
      {
        operationId: "createWebhookEndpoint",
        summary: "Add a webhook endpoint (owner only)",
        description: `${webhookBody} Private and internal network addresses are refused (422); loopback only where the server allows it (WEBHOOK_ALLOW_LOOPBACK).`,
        tag: "Integrations",
        responses: { "201": ok("The endpoint and its signing secret, shown this once", createdWebhookEndpointWire) },
      },
    ],
  },
  "/api/webhooks/{id}": {
    patch: [
      webhook.PATCH,
      {
        operationId: "updateWebhookEndpoint",
        summary: "Change an endpoint's URL, events, description or enabled flag (owner only)",
        tag: "Integrations",
        responses: { "200": ok("The endpoint", oneWebhookEndpointWire) },
      },
    ],
    delete: [
      webhook.DELETE,
      {
        operationId: "deleteWebhookEndpoint",
        summary: "Remove an endpoint and its delivery log (owner only)",
        tag: "Integrations",
        responses: { "200": done("Removed") },
      },
    ],
  },
  "/api/webhooks/{id}/secret": {
    post: [
      webhookSecret.POST,
      {
        operationId: "rotateWebhookSecret",
        summary: "Replace an endpoint's signing secret (owner only)",
        tag: "Integrations",
        responses: { "200": ok("The new secret, shown this once", webhookSecretWire) },
      },
    ],
  },
  "/api/webhooks/{id}/test": {
    post: [
      webhookTest.POST,
      {
        operationId: "sendWebhookTestEvent",
        summary: "Send a signed webhook.test event to an endpoint now (owner only)",
        description: "Answers with the attempt's outcome (delivered, or failed with the response code); not retried.",
        tag: "Integrations",
        responses: { "200": ok("The delivery", oneWebhookDeliveryWire) },
        adds: [409],
      },
    ],
  },
  "/api/webhooks/deliveries": {
    get: [
      deliveries.GET,
      {
        operationId: "listWebhookDeliveries",
        summary: "The latest 100 webhook deliveries, newest first (owner only)",
        tag: "Integrations",
        responses: { "200": ok("Deliveries", webhookDeliveryListWire) },
      },
    ],
  },
  "/api/webhooks/deliveries/{id}/redeliver": {
    post: [
      redeliver.POST,
      {
        operationId: "redeliverWebhook",
        summary: "Send a delivery's exact body again, as a new delivery, now (owner only)",
        description: "If this attempt fails, it is retried with backoff like any other delivery.",
        tag: "Integrations",
        responses: { "201": ok("The new delivery", oneWebhookDeliveryWire) },
      },
    ],
  },
});
