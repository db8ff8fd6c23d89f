// Operations of delivery events: GitHub and GitLab webhooks, integrations, repository mapping, CSV
// import and the DORA four keys measured from events.
import * as importCsv from "@/app/api/delivery/import/route";
import * as keys from "@/app/api/delivery/keys/route";
import * as repos from "@/app/api/delivery/repos/route";
import * as source from "@/app/api/delivery/sources/[id]/route";
import * as sourceSecret from "@/app/api/delivery/sources/[id]/secret/route";
import * as sources from "@/app/api/delivery/sources/route";
import * as github from "@/app/api/delivery/webhooks/github/[sourceId]/route";
import * as gitlab from "@/app/api/delivery/webhooks/gitlab/[sourceId]/route";
import {
  csvImportWire,
  deliveryKeysWire,
  deliveryReposWire,
  deliverySecretWire,
  deliverySourcesWire,
  webhookReceiptWire,
} from "@/lib/delivery/wire";
import { done, ok, type Paths } from "../operation";

const webhook = (provider: "GitHub" | "GitLab", description: string) => ({
  operationId: `receive${provider}Webhook`,
  summary: `A ${provider} webhook delivery`,
  tag: "Delivery" as const,
  description,
  body: "WebhookPayload",
  responses: { "200": ok("Taken (or already taken: duplicate)", webhookReceiptWire) },
  adds: [401],
  security: [{ [provider === "GitHub" ? "githubSignature" : "gitlabToken"]: [] }],
});

export const deliveryPaths = (): Paths => ({
  "/api/delivery/webhooks/github/{sourceId}": {
    post: [
      github.POST,
      webhook(
        "GitHub",
        "Events push, pull_request, deployment, deployment_status and issues (labelled incident); others are acknowledged and ignored. X-Hub-Signature-256 must sign the body with the integration's secret and X-GitHub-Delivery names the delivery (stored once). A request that cannot be verified is refused with 401 and nothing is stored.",
      ),
    ],
  },
  "/api/delivery/webhooks/gitlab/{sourceId}": {
    post: [
      gitlab.POST,
      webhook(
        "GitLab",
        "Push, merge request, deployment and incident issue events. X-Gitlab-Token must carry the integration's secret token and X-Gitlab-Event-UUID (or Idempotency-Key) names the delivery (stored once). A request that cannot be verified is refused with 401 and nothing is stored.",
      ),
    ],
  },
  "/api/delivery/sources": {
    get: [
      sources.GET,
      {
        operationId: "listDeliverySources",
        summary: "Webhook integrations",
        tag: "Delivery",
        responses: { "200": ok("Integrations, without secrets", deliverySourcesWire) },
      },
    ],
    post: [
      sources.POST,
      {
        operationId: "createDeliverySource",
        summary: "Add a GitHub or GitLab integration",
        tag: "Delivery",
        responses: { "201": ok("The integration and its secret, shown this once", deliverySecretWire) },
      },
    ],
  },
  "/api/delivery/sources/{id}": {
    delete: [
      source.DELETE,
      {
        operationId: "deleteDeliverySource",
        summary: "Remove an integration",
        tag: "Delivery",
        responses: { "200": done() },
      },
    ],
  },
  "/api/delivery/sources/{id}/secret": {
    post: [
      sourceSecret.POST,
      {
        operationId: "regenerateDeliverySecret",
        summary: "Replace an integration's secret",
        tag: "Delivery",
        responses: { "200": ok("The new secret, shown this once", deliverySecretWire) },
      },
    ],
  },
  "/api/delivery/repos": {
    get: [
      repos.GET,
      {
        operationId: "listDeliveryRepos",
        summary: "Repositories and services seen in events, mapped or not",
        tag: "Delivery",
        responses: { "200": ok("Repositories with their team and event counts", deliveryReposWire) },
      },
    ],
    put: [
      repos.PUT,
      {
        operationId: "mapDeliveryRepo",
        summary: "Map a repository to a team (teamId null unmaps it)",
        tag: "Delivery",
        responses: { "200": ok("Repositories after the change", deliveryReposWire) },
        adds: [404],
      },
    ],
  },
  "/api/delivery/import": {
    post: [
      importCsv.POST,
      {
        operationId: "importDeliveryCsv",
        summary: "Preview or import a CSV of deployments and incidents",
        tag: "Delivery",
        description:
          "Columns kind, id, service, environment, status, started_at, finished_at, rollback, commit_times (ISO times separated by ;), opened_at, resolved_at. With commit true every row is stored, or none when any row has an error (committed false, errors by line).",
        responses: { "200": ok("Counts and row errors", csvImportWire) },
      },
    ],
  },
  "/api/delivery/keys": {
    get: [
      keys.GET,
      {
        operationId: "getDeliveryKeys",
        summary: "DORA four keys from events, per team and quarter",
        tag: "Delivery",
        responses: { "200": ok("Each mapped team's keys and bands per quarter", deliveryKeysWire) },
      },
    ],
  },
});
