// Workspace responses (teams, dimensions, settings) as zod schemas: what lib/workspace/queries.ts
// returns, as JSON. The OpenAPI document is built from them; the integration tests parse with them.
import { z } from "zod";

const timestamp = z.iso.datetime();

export const teamWire = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: timestamp,
    headcount: z.number().int(),
    onPlatform: z.boolean(),
    archivedAt: timestamp.nullable(),
  })
  .meta({ id: "Team" });

export const teamListWire = z.object({
  teams: z.array(
    teamWire.extend({
      platformChanges: z.array(z.object({ effectivePeriod: z.string(), onPlatform: z.boolean() })),
    }),
  ),
});

export const customDimensionWire = z
  .object({ id: z.uuid(), key: z.string(), name: z.string(), description: z.string(), createdAt: timestamp })
  .meta({ id: "CustomDimension" });

export const dimensionListWire = z.object({
  builtIn: z.array(
    z.object({ key: z.string(), name: z.string(), framework: z.enum(["SPACE", "DevEx", "DORA", "Custom"]) }),
  ),
  custom: z.array(customDimensionWire),
});

export const workspaceSettingsWire = z
  .object({
    id: z.number().int(),
    name: z.string(),
    createdAt: timestamp,
    frequencyThreshold: z.number(),
    impactThreshold: z.number(),
    anonymityThreshold: z.number().int().meta({ description: "k: groups under it are hidden" }),
  })
  .meta({ id: "WorkspaceSettings" });
