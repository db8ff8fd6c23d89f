// Journey and workflow responses as zod schemas: the shapes of ./types.ts (and the rows the write
// functions of ./queries.ts return) as JSON. The OpenAPI document is built from them and the
// integration tests parse every response with them.
import { z } from "zod";
import { JOURNEY_PATHS, LINK_STATUSES, LOAD_TYPES, PAINS, STEP_OUTCOMES } from "@/lib/journeys/constants";

const timestamp = z.iso.datetime();

const mapFields = {
  id: z.uuid(),
  name: z.string(),
  workflow: z.string(),
  persona: z.string(),
  maturityNow: z.number().int().meta({ description: "Self-service maturity 0 (manual ticket) – 4 (automated)" }),
  maturityTarget: z.number().int(),
  updatedAt: timestamp,
};

export const journeyMapWire = z.object({ ...mapFields, createdAt: timestamp }).meta({ id: "JourneyMap" });

export const journeyStepWire = z
  .object({
    id: z.uuid(),
    path: z.enum(JOURNEY_PATHS),
    position: z.number().int(),
    name: z.string(),
    minutes: z.number(),
    pain: z.enum(PAINS),
    loadType: z.enum(LOAD_TYPES),
    loadLevel: z.number().int(),
    tools: z.number().int(),
    concepts: z.number().int(),
    configFiles: z.number().int(),
    people: z.number().int(),
    dashboards: z.number().int(),
    docs: z.number().int(),
    notes: z.string(),
    counterpartStepId: z.uuid().nullable(),
    outcome: z.enum(STEP_OUTCOMES).nullable(),
    themes: z.array(z.object({ backlogItemId: z.uuid(), label: z.string(), status: z.enum(LINK_STATUSES) })),
  })
  .meta({ id: "JourneyStep" });

export const journeyMapListWire = z.object({
  maps: z.array(
    z.object({
      ...mapFields,
      currentSteps: z.number().int(),
      currentMinutes: z.number(),
      goldenSteps: z.number().int(),
      goldenMinutes: z.number(),
    }),
  ),
});

export const journeyMapDetailWire = z.object({ map: journeyMapWire, steps: z.array(journeyStepWire) });

export const journeyEvidenceWire = z.object({
  k: z.number().int(),
  themes: z.array(
    z.object({
      backlogItemId: z.uuid(),
      label: z.string(),
      hidden: z.boolean().meta({ description: "Under k respondents: only the label leaves the server" }),
      respondents: z.number().int().nullable(),
      population: z.number().int().nullable(),
      share: z.number().nullable(),
      trend: z.array(z.object({ period: z.string(), share: z.number().nullable(), hidden: z.boolean() })),
      quotes: z.array(z.string()),
    }),
  ),
});

export const linkableThemesWire = z.object({
  themes: z.array(z.object({ id: z.uuid(), label: z.string(), terms: z.array(z.string()), scope: z.string() })),
});

export const linkSuggestionsWire = z.object({
  suggestions: z.array(
    z.object({
      stepId: z.uuid(),
      themeId: z.uuid(),
      label: z.string(),
      score: z.number(),
      matchedTerms: z.array(z.string()),
    }),
  ),
});

export const stepThemeLinkWire = z.object({
  link: z.object({ backlogItemId: z.uuid(), label: z.string(), status: z.enum(["accepted", "dismissed"]) }),
});

export const workflowWire = z
  .object({ id: z.uuid(), key: z.string(), name: z.string(), targetMinutes: z.number(), builtIn: z.boolean() })
  .meta({ id: "Workflow" });

export const workflowTimingsWire = z.object({
  period: z.string(),
  periods: z.array(z.string()),
  workflows: z.array(
    z.object({
      workflowId: z.uuid(),
      key: z.string(),
      name: z.string(),
      targetMinutes: z.number(),
      builtIn: z.boolean(),
      period: z.string(),
      measurementsMinutes: z.array(z.number()),
      notes: z.string(),
      median: z.number().nullable(),
      gapMinutes: z.number().nullable(),
      status: z.enum(["met", "close", "missed"]).nullable(),
      previousMedian: z.number().nullable(),
    }),
  ),
});

export const workflowTimingWire = z.object({
  timing: z.object({ period: z.string(), measurementsMinutes: z.array(z.number()) }),
});
