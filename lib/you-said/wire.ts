// "You said, we did" responses as zod schemas, for the OpenAPI document and the integration tests'
// response check. The public page's schema is strict: a field added there must be added here on purpose.
import { z } from "zod";
import { BACKLOG_STATUSES } from "@/lib/backlog/constants";
import { YOU_SAID_STATUSES } from "./constants";
import { MENTION_CHANGES } from "./mention-change";

const period = z.string().meta({ examples: ["2026-Q3"] });
const rateWire = z
  .strictObject({
    period,
    rate: z.number().meta({ description: "Share of the quarter's respondents who mention the theme (0..1)" }),
    low: z.number(),
    high: z.number().meta({ description: "Wilson 95% interval of the rate" }),
  })
  .nullable()
  .meta({ description: "Null when not published: theme or mentioners under k, quarter collecting or not asked" });

const themeWire = z.strictObject({
  title: z.string(),
  note: z.string(),
  status: z.enum(YOU_SAID_STATUSES),
  latest: rateWire,
  previous: rateWire,
  change: z.enum(MENTION_CHANGES).nullable().meta({ description: "Shipped themes: how mentions moved" }),
});

export const youSaidPageWire = z
  .strictObject({
    latest: period.nullable().meta({ description: "The latest quarter whose surveys have all closed" }),
    previous: period.nullable(),
    respondents: z.array(z.strictObject({ period, respondents: z.number().int().nullable() })),
    anonymityThreshold: z.number().int(),
    publishedAt: z.iso.datetime().nullable(),
    themes: z.array(themeWire),
    shipped: z.array(themeWire),
  })
  .meta({ id: "YouSaidPage" });

const wordsWire = z.object({ title: z.string(), note: z.string(), status: z.enum(YOU_SAID_STATUSES) });
const publishedWire = wordsWire.extend({ publishedAt: z.iso.datetime() }).nullable();

export const youSaidItemStateWire = z.object({
  item: z.object({
    backlogItemId: z.uuid(),
    draft: wordsWire,
    published: publishedWire,
    unpublishedChanges: z.boolean(),
  }),
});

export const youSaidEditorWire = z.object({
  scope: z.string().nullable().meta({ description: "The dashboard's backlog, which the page is built from" }),
  ranAt: z.iso.datetime().nullable(),
  anonymityThreshold: z.number().int(),
  items: z.array(
    z.object({
      backlogItemId: z.uuid(),
      label: z.string(),
      rank: z.number().int(),
      backlogStatus: z.enum(BACKLOG_STATUSES),
      quotable: z.boolean(),
      draft: wordsWire,
      saved: z.boolean(),
      published: publishedWire,
      unpublishedChanges: z.boolean(),
    }),
  ),
  preview: youSaidPageWire,
  live: youSaidPageWire,
});
