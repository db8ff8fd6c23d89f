// Operations of survey series and distribution: email and Slack messages, their previews and send log.
import * as channels from "@/app/api/distribution/channels/route";
import * as preview from "@/app/api/surveys/[id]/distribution/preview/route";
import * as reminders from "@/app/api/surveys/[id]/distribution/reminders/route";
import * as distribution from "@/app/api/surveys/[id]/distribution/route";
import * as schedule from "@/app/api/surveys/[id]/distribution/schedule/route";
import * as series from "@/app/api/surveys/[id]/series/route";
import { channelsWire, distributionWire, oneSeriesWire, previewWire, sendLogWire } from "@/lib/distribution/wire";
import { done, ok, type Paths } from "../operation";

export const distributionPaths = (): Paths => ({
  "/api/surveys/{id}/distribution": {
    get: [
      distribution.GET,
      {
        operationId: "getSurveyDistribution",
        summary: "A survey's series, Slack channels (masked), email status and send log",
        description:
          "The send log lists each message (announcement, reminder, closing summary, notice) with its state: scheduled, sending, sent, failed and retrying (with backoff), failed (retries used up) or not sent. Slack posts are listed per channel; emails are counted, never listed, and reminders are not counted (their recipients are who had not answered).",
        tag: "Distribution",
        responses: { "200": ok("The survey's distribution", distributionWire) },
      },
    ],
  },
  "/api/surveys/{id}/series": {
    put: [
      series.PUT,
      {
        operationId: "saveSurveySeries",
        summary: "Make the survey a quarterly series, or change its teams, channels and rhythm",
        description:
          "Before each quarter (`draftDaysBefore` days ahead) a job drafts the next survey by copying the series' latest (question keys kept), dates it (`openDays` from the quarter's first day), plans its messages and notifies the editors; a PM publishes it.",
        tag: "Distribution",
        responses: { "200": ok("The series", oneSeriesWire) },
        adds: [404],
      },
    ],
    delete: [
      series.DELETE,
      {
        operationId: "stopSurveySeries",
        summary: "Stop the survey's series",
        description:
          "No further quarter is drafted, and this survey's messages not yet sent are skipped. Surveys already drafted and the send log stay.",
        tag: "Distribution",
        responses: { "200": done("Stopped") },
        adds: [404, 409],
      },
    ],
  },
  "/api/surveys/{id}/distribution/preview": {
    post: [
      preview.POST,
      {
        operationId: "previewDistributionMessage",
        summary: "The exact email (subject, text, HTML) or Slack post a message will send",
        tag: "Distribution",
        responses: { "200": ok("The message as it will be sent", previewWire) },
        adds: [404],
      },
    ],
  },
  "/api/surveys/{id}/distribution/schedule": {
    post: [
      schedule.POST,
      {
        operationId: "scheduleDistribution",
        summary: "Schedule the series' messages for this survey",
        description:
          "The announcement goes out when the survey opens, the reminder `remindDaysBeforeClose` days before it closes, the summary to the leadership channel when it closes. Idempotent.",
        tag: "Distribution",
        responses: { "200": ok("The send log", sendLogWire) },
        adds: [404, 409],
      },
    ],
  },
  "/api/surveys/{id}/distribution/reminders": {
    post: [
      reminders.POST,
      {
        operationId: "sendReminderNow",
        summary: "Send a reminder now: email only to invitees who have not answered, Slack to each team",
        tag: "Distribution",
        responses: { "200": ok("Queued; the send log", sendLogWire) },
        adds: [404, 409],
      },
    ],
  },
  "/api/distribution/channels": {
    get: [
      channels.GET,
      {
        operationId: "listSlackChannels",
        summary: "Slack channels per team and for leadership (URLs masked), and whether email is configured",
        tag: "Distribution",
        responses: { "200": ok("Channels", channelsWire) },
      },
    ],
    put: [
      channels.PUT,
      {
        operationId: "saveSlackChannel",
        summary: "Set a team's (or leadership's) Slack incoming webhook URL; an empty URL removes it",
        tag: "Distribution",
        responses: { "200": ok("Channels", channelsWire) },
      },
    ],
  },
});
