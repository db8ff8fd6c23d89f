import "server-only";
// The distribution jobs' handler: one message (an announcement, a reminder, a summary or a notice)
// to all its recipients. Each recipient is a delivery row, claimed before sending and marked sent
// after, so a retry sends only what failed and two instances never send one delivery twice. The
// at-least-once edge: a send that succeeds but whose "sent" mark is lost (the process dies in between)
// is sent again after the claim's lease expires — once more at most per crash, never in a loop.
import { getDb, type DbClient } from "@/lib/db/client";
import type { DistributionMessage, Survey } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { issueInviteToken, pendingInvitees } from "@/lib/invites";
import { MESSAGE_RETRY_LIMIT } from "@/lib/jobs/registry";
import { getSurveyById } from "@/lib/surveys/queries";
import { LEADERSHIP_CHANNEL } from "./constants";
import { MailError, mailConfig, sendMail } from "./mail";
import { composeMessage, renderSlack, renderText, type MessageInput } from "./message-content";
import { renderEmailHtml } from "./message-render";
import {
  claimDelivery,
  editorsToNotify,
  failedDeliveries,
  finishMessage,
  fixRecipients,
  getMessage,
  getSeriesOfSurvey,
  inviteUrl,
  recordDelivery,
  setMessageState,
  slackUrlFor,
  summaryInput,
  surveyFacts,
  surveyPageUrl,
  teamName,
  teamSlackInput,
  unsentDeliveries,
  type NewDelivery,
} from "./queries";
import { postToSlack, SlackError } from "./slack";

type Outcome = { messageId: string; status: string; reason?: string };

/** Why a message is not due (its survey is not in the state it is for), or null when it is. */
function notDue(message: DistributionMessage, survey: Survey | null): string | null {
  if (!survey) return "The survey was deleted";
  if (message.kind === "announce" && survey.status !== "open") return `The survey is ${survey.status}`;
  if (message.kind === "remind" && survey.status !== "open") return `The survey is ${survey.status}, not open`;
  if (message.kind === "summary" && survey.status !== "closed") return "The survey has not closed";
  return null;
}

/** Who gets the message: fixed on the first attempt. */
async function recipients(message: DistributionMessage, survey: Survey, tx: DbClient): Promise<NewDelivery[]> {
  if (message.kind === "draft_notice")
    return (await editorsToNotify(tx)).map((u) => ({ recipientKey: `user:${u.id}`, teamId: null, address: u.email }));
  if (message.kind === "summary") return [{ recipientKey: `slack:${LEADERSHIP_CHANNEL}`, teamId: null, address: null }];
  const series = await getSeriesOfSurvey(survey.id, tx);
  const teamIds = series?.teamIds ?? [];
  if (message.channel === "slack")
    return teamIds.map((teamId) => ({ recipientKey: `slack:${teamId}`, teamId, address: null }));
  const out: NewDelivery[] = [];
  for (const teamId of teamIds)
    for (const invitee of await pendingInvitees(tx, survey.id, teamId))
      out.push({ recipientKey: `invite:${invitee.inviteId}`, teamId, address: invitee.email });
  return out;
}

type Delivery = Awaited<ReturnType<typeof unsentDeliveries>>[number];

/** Sends one delivery; "skipped" when there is nothing to send (an invitee answered meanwhile, no channel set). */
async function sendOne(message: DistributionMessage, survey: Survey, d: Delivery): Promise<"sent" | "skipped"> {
  const db = await getDb();
  if (message.channel === "slack") {
    const key = d.recipientKey.slice("slack:".length);
    const url = await slackUrlFor(key);
    if (!url) return "skipped";
    const input =
      message.kind === "summary"
        ? await summaryInput(survey)
        : await teamSlackInput(message.kind as "announce" | "remind", survey, key);
    await postToSlack(url, renderSlack(composeMessage(input)));
    return "sent";
  }
  if (!d.address) return "skipped";
  let input: MessageInput;
  if (message.kind === "draft_notice") {
    input = {
      kind: "draft_notice",
      channel: "email",
      survey: surveyFacts(survey),
      reviewUrl: surveyPageUrl(survey.id),
    };
  } else {
    // A fresh single-use token for this send (only its hash is stored): null once the invitee answered.
    const token = await issueInviteToken(db, d.recipientKey.slice("invite:".length));
    if (!token) return "skipped";
    const base = { survey: surveyFacts(survey), teamName: await teamName(d.teamId ?? ""), link: inviteUrl(token) };
    input =
      message.kind === "announce"
        ? { kind: "announce", channel: "email", ...base }
        : { kind: "remind", channel: "email", ...base };
  }
  const content = composeMessage(input);
  await sendMail({
    to: d.address,
    subject: content.subject,
    text: renderText(content),
    html: await renderEmailHtml(content),
  });
  return "sent";
}

/** A failure we can name; anything else is a bug and keeps its generic wording. */
function reasonOf(error: unknown): string {
  if (error instanceof MailError || error instanceof SlackError) return error.reason;
  return "Sending failed unexpectedly";
}

export async function runMessage({ messageId }: { messageId: string }): Promise<Outcome> {
  const message = await getMessage(messageId);
  if (!message) return { messageId, status: "skipped", reason: "The message was deleted" };
  if (message.status === "sent" || message.status === "skipped") return { messageId, status: message.status };
  const survey = await getSurveyById({ id: message.surveyId });
  const reason = notDue(message, survey);
  if (reason) {
    await setMessageState(messageId, { status: "skipped", error: reason });
    return { messageId, status: "skipped", reason };
  }
  // A job of an earlier time for a reminder since moved later: the job of its new time sends it.
  if (message.sendAfter && message.sendAfter.getTime() > Date.now() + 60_000)
    return { messageId, status: "waiting", reason: "due later" };
  if (message.channel === "email" && !mailConfig()) {
    await setMessageState(messageId, { status: "skipped", error: "Email is not configured (SMTP_URL is not set)" });
    return { messageId, status: "skipped", reason: "email not configured" };
  }
  await fixRecipients(messageId, (tx) => recipients(message, survey!, tx));
  await setMessageState(messageId, { status: "sending", attempt: true });
  for (const delivery of await unsentDeliveries(messageId)) {
    if (!(await claimDelivery(delivery.id))) continue;
    try {
      await recordDelivery(delivery.id, await sendOne(message, survey!, delivery), null);
    } catch (error) {
      await recordDelivery(delivery.id, "failed", reasonOf(error));
    }
  }
  const failed = await failedDeliveries(messageId);
  if (failed.length === 0) {
    await finishMessage(message);
    return { messageId, status: "sent" };
  }
  const first = failed[0].error ?? "Sending failed";
  const attempts = message.attempts + 1;
  const final = attempts > MESSAGE_RETRY_LIMIT;
  await setMessageState(messageId, {
    status: final ? "failed" : "retrying",
    error: final ? `Gave up after ${attempts} attempts: ${first}` : first,
  });
  // Failing the job hands it back to pg-boss, which retries with backoff (lib/jobs/registry.ts).
  throw new AppError("unavailable", `Not every message was delivered: ${first}`);
}
