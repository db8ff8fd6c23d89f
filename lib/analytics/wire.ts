// The analytics API's responses as zod schemas (the shapes in ./types.ts, as JSON): the OpenAPI
// document is built from them and the integration tests parse every response with them.
import { z } from "zod";
import { doraBands } from "@/lib/surveys/templates";

export const hiddenReasons = ["below_threshold", "complement", "collecting"] as const;

/** A figure withheld by the anonymity rules: why, never how many. */
export const hiddenWire = z.object({ hidden: z.literal(true), reason: z.enum(hiddenReasons) }).meta({
  id: "Hidden",
  description: "Withheld: a group under the anonymity threshold k, or one that would reveal it",
});

/** `Maybe<T>` of ./types.ts: the figure with `hidden: false`, or why it is hidden. */
export const maybe = <T extends z.ZodRawShape>(shape: T) =>
  z.union([z.object({ ...shape, hidden: z.literal(false) }), hiddenWire]);

/** `Suppressed<K, T>`: the keys K always, the figures T only when shown. */
const suppressed = <K extends z.ZodRawShape, T extends z.ZodRawShape>(keys: K, figures: T) =>
  z.union([z.object({ ...keys, ...figures, hidden: z.literal(false) }), z.object({ ...keys, ...hiddenWire.shape })]);

const npsStatsShape = {
  n: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  score: z.number().meta({ description: "−100..+100" }),
  margin: z.number().meta({ description: "Half-width of the 95% interval, in NPS points" }),
  ciLow: z.number(),
  ciHigh: z.number(),
  variance: z.number().meta({ description: "Variance of the NPS as a fraction (not points)" }),
};
export const npsStatsWire = z.object(npsStatsShape).meta({ id: "NpsStats" });

const scoreStatsShape = {
  n: z.number().int(),
  mean: z.number().meta({ description: "Mean of the 1–5 answers" }),
  favorablePct: z.number().meta({ description: "Share of 4s and 5s, in percent" }),
  margin: z.number().nullable().meta({ description: "Half-width of the 95% interval of the mean; null when n < 2" }),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
};

const npsPoint = suppressed({ period: z.string() }, npsStatsShape);
const dimensionPoint = suppressed({ period: z.string(), dimension: z.string() }, scoreStatsShape);
const keyName = z.object({ key: z.string(), name: z.string() });

const collectingQuarters = z.array(
  z
    .object({
      period: z.string(),
      title: z.string(),
      responses: z.number().int().nullable().meta({
        description: "At least this many, in steps of k; null while fewer than k have answered, or under a filter",
      }),
      invited: z.number().int().nullable().meta({ description: "Headcount of the teams asked" }),
      byGroup: z
        .boolean()
        .meta({ description: "A team or platform filter is set: no live count (given for the whole survey only)" }),
    })
    .meta({
      id: "CollectingQuarter",
      description: "A quarter still collecting answers: provisional, no figures until its survey closes",
    }),
);

export const npsTrendWire = z.object({
  k: z.number().int(),
  key: z.string().nullable(),
  points: z.array(npsPoint),
  changes: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      delta: z.number(),
      margin: z.number(),
      ciLow: z.number(),
      ciHigh: z.number(),
      withinNoise: z.boolean(),
    }),
  ),
  collecting: collectingQuarters,
});

export const dimensionTrendsWire = z.object({
  k: z.number().int(),
  periods: z.array(z.string()),
  dimensions: z.array(z.object({ ...keyName.shape, points: z.array(dimensionPoint) })),
  collecting: collectingQuarters,
});

export const teamComparisonWire = z.object({
  k: z.number().int(),
  period: z.string().nullable(),
  dimensions: z.array(keyName),
  teams: z.array(
    z.object({
      teamId: z.string().nullable(),
      name: z.string(),
      headcount: z.number().int().nullable(),
      onPlatform: z.boolean().nullable(),
      responses: maybe({ n: z.number().int(), rate: z.number().nullable() })
        .nullable()
        .meta({ description: "null when the team sent no responses in the quarter" }),
      hiddenWhy: z
        .object({
          reason: z.enum(hiddenReasons),
          protects: z.array(z.string()).meta({ description: "complement: the groups under k (by name) it shields" }),
        })
        .nullable()
        .meta({ description: "Why the team's row is hidden; null when it is shown" }),
      nps: maybe(npsStatsShape).nullable(),
      scores: z.record(z.string(), maybe(scoreStatsShape)),
    }),
  ),
  benchmarks: z
    .record(
      z.string(),
      z.object({ p50: z.number(), p75: z.number(), p90: z.number(), teams: z.number().int() }).nullable(),
    )
    .meta({ description: '"nps" and each dimension key → percentiles over the teams that are shown' }),
});

export const adoptionComparisonWire = z.object({
  k: z.number().int(),
  periods: z.array(z.string()),
  nps: z.object({ on: z.array(npsPoint), off: z.array(npsPoint) }),
  dimensions: z.array(z.object({ ...keyName.shape, on: z.array(dimensionPoint), off: z.array(dimensionPoint) })),
});

const doraBand = z.enum(doraBands);
const doraGroupRow = z.object({
  id: z.string().nullable(),
  name: z.string(),
  onPlatform: z.boolean().nullable(),
  classification: maybe({ band: doraBand.nullable() }),
  metrics: z.record(
    z.string(),
    maybe({
      n: z.number().int(),
      counts: z.object({
        elite: z.number().int(),
        high: z.number().int(),
        medium: z.number().int(),
        low: z.number().int(),
      }),
      median: doraBand.nullable(),
    }),
  ),
});
export const doraSummaryWire = z.object({
  k: z.number().int(),
  period: z.string().nullable(),
  periods: z.array(z.string()),
  metrics: z.array(keyName),
  teams: z.array(doraGroupRow),
  adoption: z.array(doraGroupRow),
  overall: doraGroupRow
    .nullable()
    .meta({ description: "The whole group the filter names (all teams, or the one asked for)" }),
});

export const responseRatesWire = z.object({
  k: z.number().int(),
  surveys: z.array(
    z.object({
      surveyId: z.string(),
      title: z.string(),
      period: z.string(),
      total: maybe({
        n: z.number().int(),
        atLeast: z.boolean().optional().meta({ description: "While collecting: the total in steps of k, at least n" }),
      }),
      teams: z.array(
        z.object({
          teamId: z.string().nullable(),
          name: z.string(),
          headcount: z.number().int().nullable(),
          invited: z.number().int().nullable().meta({
            description: "An invite-only team's people invited to the survey; its rate's exact denominator",
          }),
          value: maybe({ n: z.number().int(), rate: z.number().nullable() }),
        }),
      ),
    }),
  ),
});

export const analyticsMetaWire = z.object({
  k: z.number().int(),
  periods: z.array(z.string()),
  publishedPeriods: z.array(z.string()).meta({ description: "Quarters whose survey has closed" }),
  teams: z.array(z.object({ id: z.string(), name: z.string(), onPlatform: z.boolean() })),
});

const suppressionNoticeWire = z
  .object({
    lines: z.array(
      z.object({
        periods: z.array(z.string()).meta({ description: "Quarters it applies to; empty on a survey's own page" }),
        reason: z.enum(hiddenReasons),
        protects: z
          .array(z.string())
          .meta({ description: "complement: the groups (team names) under k that hiding this group shields" }),
      }),
    ),
    nothingShown: z.boolean().meta({ description: "The view has nothing to show for this group" }),
    wayOuts: z.array(
      z.union([
        z.object({
          kind: z.literal("group"),
          team: z.string().nullable(),
          adoption: z.enum(["on", "off"]).nullable(),
        }),
        z.object({ kind: z.literal("range"), from: z.string(), to: z.string() }),
      ]),
    ),
  })
  .nullable()
  .meta({
    id: "SuppressionNotice",
    description:
      "What the filters' group hides, why and what is shown instead; never a count of a hidden group. Null when nothing is hidden",
  });

const filterOptionWire = z.object({
  value: z.string(),
  available: z.boolean(),
  reason: z
    .enum([...hiddenReasons, "empty"])
    .nullable()
    .meta({ description: "Why choosing it shows nothing: hidden in every survey, or nobody in the group" }),
});
const filterOptionsWire = z
  .object({ teams: z.array(filterOptionWire), adoption: z.array(filterOptionWire) })
  .meta({ id: "FilterOptions", description: "The filter bar's team and platform choices, given the other filter" });

export const filterNoticeWire = z.object({
  k: z.number().int(),
  notice: suppressionNoticeWire,
  options: filterOptionsWire,
});

export const surveyResultsWire = z.object({
  k: z.number().int(),
  notice: suppressionNoticeWire,
  options: filterOptionsWire,
  survey: z.object({ id: z.string(), title: z.string(), period: z.string(), status: z.string() }),
  total: maybe({ n: z.number().int() }),
  questions: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      kind: z.string(),
      prompt: z.string(),
      dimension: z.string().nullable(),
      rewordings: z.array(z.object({ period: z.string(), previousPrompt: z.string() })),
      result: maybe({
        answered: z.number().int(),
        buckets: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
        nps: npsStatsWire.nullable().optional(),
        score: z.object({ mean: z.number(), favorablePct: z.number() }).nullable().optional(),
        comments: z.number().int().optional(),
      }),
    }),
  ),
});

export const commentsPageWire = z.object({
  k: z.number().int(),
  comments: maybe({
    items: z.array(z.string()),
    total: z.number().int(),
    offset: z.number().int(),
    pageSize: z.number().int(),
  }),
});

export const surveyDriversWire = z
  .object({
    k: z.number().int(),
    survey: z.object({ id: z.string(), title: z.string(), period: z.string(), status: z.string() }),
    outcome: z.object({ key: z.string(), prompt: z.string() }).nullable(),
    replicates: z.number().int().meta({ description: "Poisson bootstrap replicates behind each interval" }),
    analysis: maybe({
      respondents: z.number().meta({ description: "Respondents who answered the NPS question and every dimension" }),
      rSquared: z.number(),
      stable: z.boolean(),
      reason: z.string().nullable().meta({ description: "Why the ranking is not stable, in a sentence" }),
      drivers: z.array(
        z.object({
          dimension: z.string(),
          name: z.string(),
          score: z.number().meta({ description: "Mean 1–5 answer among the respondents analysed" }),
          share: z.number().meta({ description: "Share of the explained variance of NPS (0..1)" }),
          low: z.number(),
          high: z.number(),
          rank: z.number().int(),
          priority: z.enum(["fix_first", "maintain", "monitor", "low_priority"]),
        }),
      ),
    }),
  })
  .meta({ id: "SurveyDrivers" });
