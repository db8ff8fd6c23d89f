import { z } from "zod";
import { CHANNELS, LEADERSHIP_CHANNEL, MESSAGE_KINDS } from "./constants";

/** A PM turns a survey into a quarterly series: which teams, which channels, and the rhythm. */
export const seriesSchema = z
  .object({
    teamIds: z
      .array(z.uuid("Unknown team"), { error: "Choose the teams" })
      .min(1, "Choose at least one team")
      .max(200)
      .transform((ids) => [...new Set(ids)]),
    email: z.boolean(),
    slack: z.boolean(),
    openDays: z.number().int().min(1, "Keep it open at least a day").max(60, "At most 60 days"),
    remindDaysBeforeClose: z
      .number()
      .int()
      .min(0, "0 means no scheduled reminder")
      .max(30, "At most 30 days before it closes"),
    draftDaysBefore: z.number().int().min(1, "At least a day before").max(60, "At most 60 days before the quarter"),
  })
  .refine((v) => v.email || v.slack, { message: "Choose email, Slack or both", path: ["email"] });
export type SeriesInput = z.infer<typeof seriesSchema>;

export const previewSchema = z.object({
  kind: z.enum(MESSAGE_KINDS, { error: "Choose a message" }),
  channel: z.enum(CHANNELS, { error: "Choose email or Slack" }),
  teamId: z.uuid("Unknown team").nullable().optional(),
});
export type PreviewInput = z.infer<typeof previewSchema>;

/** A Slack channel per team, or the leadership channel; an empty URL removes it. */
export const slackChannelSchema = z.object({
  key: z.union([z.uuid("Unknown team"), z.literal(LEADERSHIP_CHANNEL)], { error: "Choose a team or leadership" }),
  url: z.string().trim().max(500, "That URL is too long"),
});
export type SlackChannelInput = z.infer<typeof slackChannelSchema>;

export const surveyIdParams = z.object({ id: z.uuid() });
