// Backlog responses as zod schemas: what lib/backlog/queries.ts returns (BacklogView,
// BacklogItemDetail, …) as JSON. The OpenAPI document is built from them and the integration tests
// parse every response with them.
import { z } from "zod";
import { ANALYSIS_STAGES, BACKLOG_STATUSES, EFFORTS } from "@/lib/backlog/constants";
import { JOB_STATES } from "@/lib/jobs/constants";
import { quadrants } from "./prioritise";

const timestamp = z.iso.datetime();

/** What curation sets on a theme (its own label, effort, status, owner, notes) and the terms it was found by. */
const curatedFields = {
  customLabel: z.string().nullable(),
  terms: z.array(z.string()),
  effort: z.enum(EFFORTS).nullable(),
  status: z.enum(BACKLOG_STATUSES),
  owner: z.string(),
  notes: z.string(),
};

const carriedFromWire = z.object({
  scope: z.string(),
  ranAt: timestamp.meta({ description: "When that scope was last analysed, at the time of the carry" }),
  via: z
    .enum(["answers", "terms"])
    .meta({ description: "Matched by shared answers, or (none shared) by similar terms" }),
});

/** A backlog_items row, as the curation endpoints return it. */
export const backlogItemRowWire = z
  .object({
    id: z.uuid(),
    scope: z.string(),
    label: z.string(),
    ...curatedFields,
    mergedIntoId: z.uuid().nullable(),
    statusChangedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "BacklogItemRow" });

const backlogListItemWire = z
  .object({
    id: z.uuid(),
    label: z.string(),
    generatedLabel: z.string(),
    ...curatedFields,
    statusChangedAt: timestamp.nullable(),
    statusChangedPeriod: z.string().nullable(),
    mergedFrom: z.array(z.object({ id: z.uuid(), label: z.string() })),
    carriedFrom: carriedFromWire
      .nullable()
      .meta({ description: "The analysis whose curation this theme took; null when none, and for a theme under k" }),
    respondents: z.number().int(),
    mentions: z.number().int(),
    share: z.number(),
    sentiment: z.number().nullable(),
    negativeShare: z.number().nullable(),
    mentionersNps: z.number().nullable(),
    mentionersLikert: z.number().nullable(),
    impact: z.number(),
    impactComponents: z.object({
      nps: z.number().nullable(),
      likert: z.number().nullable(),
      sentiment: z.number().nullable(),
    }),
    quadrant: z.enum(quadrants),
    rank: z.number().int(),
    score: z.number(),
    quotable: z.boolean().meta({ description: "false under k mentioners: quotes and teams are withheld" }),
    mentionRates: z.array(
      z.object({
        period: z.string(),
        mentioners: z.number().int().nullable(),
        respondents: z
          .number()
          .int()
          .nullable()
          .meta({ description: "Exact once the quarter closes; in steps of k while collecting (null under k)" }),
        rate: z.number().nullable(),
        low: z.number().nullable().meta({ description: "Wilson 95% interval of the rate" }),
        high: z.number().nullable(),
        collecting: z.boolean().meta({ description: "The quarter's surveys are still open: no rate yet" }),
      }),
    ),
  })
  .meta({ id: "BacklogItem" });

export const backlogViewWire = z.object({
  scope: z.string(),
  run: z
    .object({
      requestedK: z.number().int().nullable(),
      chosenK: z.number().int(),
      textCount: z.number().int(),
      ranAt: timestamp,
    })
    .nullable(),
  thresholds: z.object({ frequencyThreshold: z.number(), impactThreshold: z.number() }),
  anonymityThreshold: z.number().int(),
  population: z.object({ respondents: z.number().int(), nps: z.number().nullable(), likert: z.number().nullable() }),
  periods: z.array(z.object({ period: z.string(), respondents: z.number().int().nullable(), collecting: z.boolean() })),
  items: z.array(backlogListItemWire),
});

const quoteWire = z.object({
  id: z.string().meta({ description: "A public id for moving the quote; no order or time" }),
  source: z.enum(["survey", "friction"]),
  text: z.string(),
  pinned: z.boolean(),
  representative: z.boolean(),
});

const subThemeWire = z
  .object({
    id: z.uuid(),
    label: z.string(),
    generatedLabel: z.string(),
    customLabel: z.string().nullable(),
    terms: z.array(z.string()),
    respondents: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Respondents of the theme counted here (each in one sub-theme); null when hidden" }),
    answers: z.number().int().nullable().meta({ description: "Answers in the sub-theme; null when hidden" }),
    share: z.number().nullable().meta({ description: "Share of the theme's respondents; null when hidden" }),
    hidden: z.enum(["below_threshold", "complement", "collecting"]).nullable().meta({
      description:
        "Why counts and quotes are withheld: under k, or hidden so that the theme minus the other sub-themes does not give a group under k",
    }),
    quotes: z.array(quoteWire).meta({ description: "Up to 20, representative first; empty when hidden" }),
  })
  .meta({ id: "BacklogSubTheme" });

export const subThemeRenameWire = z.object({
  subTheme: z.object({ id: z.uuid(), label: z.string(), customLabel: z.string().nullable() }),
});

export const backlogItemDetailWire = z.object({
  item: backlogListItemWire,
  scope: z.string(),
  anonymityThreshold: z.number().int(),
  quotes: z
    .array(
      z.object({
        id: z.string().meta({ description: "A public id for moving the quote; no order or time" }),
        source: z.enum(["survey", "friction"]),
        text: z.string(),
        pinned: z.boolean(),
        representative: z.boolean(),
      }),
    )
    .meta({ description: "Empty when the theme is traced to fewer than k respondents" }),
  quoteCount: z.number().int(),
  teams: z.array(
    z.object({
      teamId: z.uuid().nullable(),
      name: z.string(),
      mentioners: z.number().int(),
      respondents: z.number().int(),
      share: z.number(),
    }),
  ),
  hiddenTeamMentioners: z.number().int(),
  quotesHidden: z.boolean(),
  subThemes: z
    .array(subThemeWire)
    .meta({ description: "The finer groups the theme's answers hold, largest first; empty when it does not split" }),
});

export const backlogScopeOptionsWire = z.object({
  surveys: z.array(z.object({ id: z.uuid(), title: z.string(), period: z.string(), textCount: z.number().int() })),
  periods: z.array(z.string()),
  frictionCount: z.number().int(),
  analysed: z.array(z.object({ scope: z.string(), ranAt: timestamp })),
});

export const backlogRunWire = z.object({
  run: z.object({
    scope: z.string(),
    requestedK: z.number().int().nullable(),
    chosenK: z.number().int(),
    textCount: z.number().int(),
    itemsMatched: z.number().int(),
    itemsCreated: z.number().int(),
    itemsRemoved: z.number().int(),
    itemsCarried: z
      .number()
      .int()
      .meta({ description: "New themes that took the curation of another analysis's themes" }),
    carriedFrom: z.object({ scope: z.string(), ranAt: timestamp }).nullable(),
  }),
});

export const dashboardBacklogWire = z.object({
  dashboard: z
    .object({
      scope: z.string(),
      ranAt: timestamp,
      chosen: z
        .boolean()
        .meta({ description: "Picked by an editor; false: the default (the widest range of quarters analysed)" }),
    })
    .nullable()
    .meta({ description: "Null until something has been analysed" }),
});

const analysisWire = z
  .object({
    id: z.uuid(),
    scope: z.string(),
    state: z.enum(JOB_STATES),
    stage: z.enum(ANALYSIS_STAGES).nullable(),
    percent: z.number().int(),
    error: z.string().nullable(),
    requestedAt: timestamp,
    finishedAt: timestamp.nullable(),
    run: backlogRunWire.shape.run.nullable(),
  })
  .meta({ id: "BacklogAnalysis" });

export const backlogAnalysisRequestWire = z.object({
  analysis: analysisWire,
  joined: z.boolean().meta({ description: "True when an analysis of this scope was already queued or running" }),
});
export const backlogAnalysisWire = z.object({ analysis: analysisWire.nullable() });

export const movedMembersWire = z.object({
  targetId: z.uuid().meta({ description: "The theme the quotes went to (a new one when split)" }),
  moved: z.number().int(),
});

export const thresholdsWire = z.object({
  thresholds: z.object({ frequencyThreshold: z.number(), impactThreshold: z.number() }),
});
