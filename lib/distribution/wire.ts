// Responses of the series and distribution endpoints as zod schemas (the OpenAPI document and the
// integration tests' response check use them). A Slack URL only ever masked; no email address.
import { z } from "zod";
import { CADENCES, CHANNELS, DELIVERY_STATUSES, MESSAGE_KINDS, MESSAGE_STATUSES } from "./constants";

const timestamp = z.iso.datetime();

export const seriesWire = z
  .object({
    id: z.uuid(),
    cadence: z.enum(CADENCES),
    teamIds: z.array(z.uuid()),
    email: z.boolean(),
    slack: z.boolean(),
    openDays: z.number().int(),
    remindDaysBeforeClose: z.number().int(),
    draftDaysBefore: z.number().int(),
    lastSurveyId: z.uuid().nullable(),
    createdById: z.uuid().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "SurveySeries" });

export const emailStatusWire = z
  .object({
    configured: z.boolean(),
    from: z.string().nullable(),
    hint: z.string().nullable().meta({ description: "What to set when email is not configured" }),
  })
  .meta({ id: "EmailStatus" });

export const slackChannelWire = z
  .object({
    key: z.string().meta({ description: "A team's id, or `leadership`" }),
    teamId: z.uuid().nullable(),
    name: z.string(),
    url: z
      .string()
      .nullable()
      .meta({
        description: "Masked: enough to tell channels apart, never the whole URL",
        examples: ["https://hooks.slack.com/services/…Xy12"],
      }),
  })
  .meta({ id: "SlackChannel" });

export const sendLogEntryWire = z
  .object({
    id: z.uuid(),
    kind: z.enum(MESSAGE_KINDS),
    channel: z.enum(CHANNELS),
    round: z.number().int(),
    status: z.enum(MESSAGE_STATUSES),
    sendAfter: timestamp.nullable(),
    attempts: z.number().int(),
    error: z.string().nullable().meta({ description: "The last failure in plain words" }),
    finishedAt: timestamp.nullable(),
    posts: z.array(z.object({ team: z.string(), status: z.enum(DELIVERY_STATUSES), error: z.string().nullable() })),
    emails: z
      .object({ sent: z.number().int(), failed: z.number().int(), pending: z.number().int() })
      .nullable()
      .meta({ description: "Null for reminders: their recipients are who had not answered, so no count is given" }),
  })
  .meta({ id: "SendLogEntry" });

export const sendLogWire = z.object({ messages: z.array(sendLogEntryWire) });

export const distributionWire = z.object({
  series: seriesWire.nullable(),
  email: emailStatusWire,
  channels: z.array(slackChannelWire),
  messages: z.array(sendLogEntryWire),
});

export const oneSeriesWire = z.object({ series: seriesWire });
export const channelsWire = z.object({ channels: z.array(slackChannelWire), email: emailStatusWire });

export const previewWire = z
  .object({
    subject: z.string().nullable(),
    text: z.string().meta({ description: "The email's text part, or the Slack post (mrkdwn)" }),
    html: z.string().nullable().meta({ description: "The email's HTML part; null for Slack" }),
    to: z.string().meta({ description: "Who receives it, in words" }),
  })
  .meta({ id: "MessagePreview" });
