// Delivery responses as zod schemas: the OpenAPI document is built from them and the integration
// tests check every response against them.
import { z } from "zod";
import { doraBands } from "@/lib/surveys/templates";
import { deliveryProviders } from "./constants";

const timestamp = z.iso.datetime();
const band = z.enum(doraBands);

export const deliverySourceWire = z
  .object({
    id: z.uuid(),
    provider: z.enum(deliveryProviders),
    name: z.string(),
    secretRotatedAt: timestamp,
    createdAt: timestamp,
  })
  .meta({ id: "DeliverySource" });
export const deliverySourcesWire = z.object({ sources: z.array(deliverySourceWire) });
export const deliverySecretWire = z
  .object({
    source: deliverySourceWire,
    secret: z.string().meta({ description: "Shown this once; only a verifier is kept" }),
  })
  .meta({ id: "DeliverySecret" });

export const webhookReceiptWire = z
  .object({
    stored: z.number().int().meta({ description: "Normalised events taken from the delivery" }),
    duplicate: z.boolean().meta({ description: "The delivery id was already stored; nothing was stored again" }),
    ignored: z.boolean().meta({ description: "An event kind the four keys do not use" }),
  })
  .meta({ id: "WebhookReceipt" });

export const deliveryRepoWire = z
  .object({
    repo: z.string(),
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    changes: z.number().int(),
    deployments: z.number().int(),
    incidents: z.number().int(),
  })
  .meta({ id: "DeliveryRepo" });
export const deliveryReposWire = z.object({ repos: z.array(deliveryRepoWire) });

export const csvImportWire = z
  .object({
    committed: z.boolean().meta({ description: "True when the rows were stored (all of them)" }),
    deployments: z.number().int(),
    incidents: z.number().int(),
    changes: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
  })
  .meta({ id: "DeliveryCsvImport" });

const keysWire = z
  .object({
    period: z.string(),
    days: z.number().int(),
    deployments: z.number().int(),
    deploysPerDay: z.number(),
    deploysPerWeek: z.number(),
    failedDeployments: z.number().int(),
    changeFailureRate: z.number().nullable(),
    changes: z.number().int(),
    leadTimeSeconds: z.number().nullable(),
    incidents: z.number().int(),
    restoredIncidents: z.number().int(),
    restoreSeconds: z.number().nullable(),
    bands: z.object({
      deploymentFrequency: band,
      leadTime: band.nullable(),
      changeFailureRate: band.nullable(),
      timeToRestore: band.nullable(),
    }),
    overall: band.nullable(),
  })
  .meta({ id: "DeliveryKeys" });

export const deliveryKeysWire = z
  .object({
    from: z.string(),
    to: z.string(),
    periods: z.array(z.string()),
    teams: z.array(
      z.object({ teamId: z.uuid(), name: z.string(), onPlatform: z.boolean(), quarters: z.array(keysWire) }),
    ),
  })
  .meta({ id: "DeliveryKeysByTeam" });
