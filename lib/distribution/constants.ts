// Survey series and distribution (email, Slack): enums and their labels, free of drizzle so client
// components import them too; lib/db/schema/distribution.ts builds its PostgreSQL enums from these.

/** What a message is for. `draft_notice` tells the survey's editors that the series drafted the next survey. */
export const MESSAGE_KINDS = ["announce", "remind", "summary", "draft_notice"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const messageKindLabels: Record<MessageKind, string> = {
  announce: "Opening announcement",
  remind: "Reminder",
  summary: "Closing summary",
  draft_notice: "Next survey drafted",
};

export const CHANNELS = ["email", "slack"] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelLabels: Record<Channel, string> = { email: "Email", slack: "Slack" };

/**
 * A message's state on the send log. `retrying`: at least one delivery failed and the job will try
 * again with backoff; `failed`: the retries are used up; `skipped`: its moment passed without it being
 * due (a reminder for a survey that was already closed).
 */
export const MESSAGE_STATUSES = ["scheduled", "sending", "sent", "retrying", "failed", "skipped"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const messageStatusLabels: Record<MessageStatus, string> = {
  scheduled: "Scheduled",
  sending: "Sending",
  sent: "Sent",
  retrying: "Failed, retrying",
  failed: "Failed",
  skipped: "Not sent",
};

/** One recipient of one message: claimed before sending, marked sent after (never sent twice). */
export const DELIVERY_STATUSES = ["pending", "sent", "failed", "skipped"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const CADENCES = ["quarterly"] as const;
export type Cadence = (typeof CADENCES)[number];

/** Defaults of a new series: the survey is open two weeks, reminded three days before it closes. */
export const SERIES_DEFAULTS = { openDays: 14, remindDaysBeforeClose: 3, draftDaysBefore: 14 } as const;

/** The key of the leadership channel among the Slack channels (the others are keyed by team). */
export const LEADERSHIP_CHANNEL = "leadership";
