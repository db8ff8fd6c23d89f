// Survey series and distribution: which surveys repeat each quarter, where their messages go (email
// to the teams' invite lists, Slack per team, a leadership channel), and the send log. No table here
// refers to a response; email recipients are invitations (lib/invites), never respondents.
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CADENCES, CHANNELS, DELIVERY_STATUSES, MESSAGE_KINDS, MESSAGE_STATUSES } from "../../distribution/constants";
import { surveys } from "./surveys";
import { teams, users } from "./workspace";

export const seriesCadenceEnum = pgEnum("series_cadence", CADENCES);
export const messageKindEnum = pgEnum("distribution_message_kind", MESSAGE_KINDS);
export const channelEnum = pgEnum("distribution_channel", CHANNELS);
export const messageStatusEnum = pgEnum("distribution_message_status", MESSAGE_STATUSES);
export const deliveryStatusEnum = pgEnum("distribution_delivery_status", DELIVERY_STATUSES);

export const surveySeries = pgTable("survey_series", {
  id: uuid("id").primaryKey().defaultRandom(),
  cadence: seriesCadenceEnum("cadence").notNull().default("quarterly"),
  teamIds: uuid("team_ids")
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`),
  email: boolean("email").notNull().default(true),
  slack: boolean("slack").notNull().default(false),
  openDays: integer("open_days").notNull().default(14),
  remindDaysBeforeClose: integer("remind_days_before_close").notNull().default(3),
  draftDaysBefore: integer("draft_days_before").notNull().default(14),
  // The survey the next one is copied from: the series' latest.
  lastSurveyId: uuid("last_survey_id").references(() => surveys.id, { onDelete: "set null" }),
  createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type SurveySeries = typeof surveySeries.$inferSelect;

// One survey per series and quarter: the unique index is what makes drafting exactly-once.
export const seriesSurveys = pgTable(
  "series_surveys",
  {
    seriesId: uuid("series_id")
      .notNull()
      .references(() => surveySeries.id, { onDelete: "cascade" }),
    surveyId: uuid("survey_id")
      .notNull()
      .unique()
      .references(() => surveys.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    drafted: boolean("drafted").notNull().default(false),
  },
  (t) => [uniqueIndex("series_surveys_series_period").on(t.seriesId, t.period)],
);

// Slack incoming webhook URLs: one per team, one for leadership (teamKey "leadership"). The URL is the
// credential, so it is never sent back whole (lib/distribution/slack-url.ts masks it).
export const slackChannels = pgTable("slack_channels", {
  key: text("key").primaryKey(),
  teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
  url: text("url").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One message of a survey on one channel; `round` numbers reminders (a reminder sent now is a new round). */
export const distributionMessages = pgTable(
  "distribution_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    kind: messageKindEnum("kind").notNull(),
    channel: channelEnum("channel").notNull(),
    round: integer("round").notNull().default(0),
    /** When it is due: null for announcements and summaries, which follow the survey's open and close. */
    sendAfter: timestamp("send_after", { withTimezone: true }),
    status: messageStatusEnum("status").notNull().default("scheduled"),
    attempts: integer("attempts").notNull().default(0),
    // A plain reason of our own ("SMTP server unreachable"), never a server's reply.
    error: text("error"),
    // Recipients are fixed on the first attempt, so retries send to the same people.
    recipientsReady: boolean("recipients_ready").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("distribution_messages_key").on(t.surveyId, t.kind, t.channel, t.round),
    index("distribution_messages_survey").on(t.surveyId),
  ],
);
export type DistributionMessage = typeof distributionMessages.$inferSelect;

/**
 * One recipient × message: claimed (sending_since) before sending, marked sent after, so a retry or a
 * second instance never sends it twice. `address` is dropped once sent; a reminder's rows are deleted
 * when the reminder is done, since who was reminded is who had not answered yet.
 */
export const distributionDeliveries = pgTable(
  "distribution_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => distributionMessages.id, { onDelete: "cascade" }),
    recipientKey: text("recipient_key").notNull(),
    teamId: uuid("team_id"),
    address: text("address"),
    status: deliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    sendingSince: timestamp("sending_since", { withTimezone: true }),
  },
  (t) => [uniqueIndex("distribution_deliveries_key").on(t.messageId, t.recipientKey)],
);
export type DistributionDelivery = typeof distributionDeliveries.$inferSelect;
