import "server-only";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, type DbClient } from "@/lib/db/client";
import {
  distributionDeliveries,
  distributionMessages,
  teams,
  type DistributionMessage,
  type Survey,
  type SurveySeries,
} from "@/lib/db/schema";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobKind } from "@/lib/jobs/registry";
import { startOfDay } from "@/lib/surveys/schedule-times";
import type { Channel, DeliveryStatus, MessageKind, MessageStatus } from "../constants";

// A survey's messages (one per kind, channel and reminder round) and their deliveries (one per
// recipient), the send log, and the claim that keeps each delivery to one send.

export const jobKindOfMessage: Record<MessageKind, JobKind> = {
  announce: "distribution.announce",
  remind: "distribution.remind",
  summary: "distribution.summary",
  draft_notice: "distribution.notify",
};

/**
 * Queues a message's job (inside the caller's transaction when given): one per message and time, so a
 * reminder moved to another day gets a job for its new time, and the job of its old time, finding the
 * message not due or already sent, does nothing (../send.ts).
 */
export async function queueMessage(
  message: Pick<DistributionMessage, "id" | "kind">,
  tx?: DbClient,
  startAfter?: Date,
) {
  const later = startAfter && startAfter > new Date() ? startAfter : undefined;
  await enqueue(
    jobKindOfMessage[message.kind],
    { messageId: message.id },
    { tx, singletonKey: `${message.id}:${later?.toISOString() ?? "now"}`, ...(later ? { startAfter: later } : {}) },
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a series' scheduled reminder goes out: the start of the day `days` before the close date (UTC). */
export function reminderTime(survey: Pick<Survey, "opensOn" | "closesOn">, days: number): Date | null {
  if (!survey.closesOn || days <= 0) return null;
  const at = new Date(startOfDay(survey.closesOn).getTime() - days * DAY_MS);
  if (survey.opensOn && at <= startOfDay(survey.opensOn)) return null;
  return at;
}

/**
 * A survey's messages as its series plans them: the announcement on each channel (sent when it
 * opens), a reminder before it closes, and the summary to leadership (when it closes). Idempotent;
 * jobs are queued for what is already due. A channel turned off skips its messages still waiting.
 */
export async function planMessages(survey: Survey, series: SurveySeries, tx: DbClient) {
  const channels: Channel[] = [
    ...(series.email ? ["email" as const] : []),
    ...(series.slack ? ["slack" as const] : []),
  ];
  const remindAt = reminderTime(survey, series.remindDaysBeforeClose);
  const planned: { kind: MessageKind; channel: Channel; sendAfter: Date | null }[] = [
    ...channels.map((channel) => ({ kind: "announce" as const, channel, sendAfter: null })),
    ...(remindAt ? channels.map((channel) => ({ kind: "remind" as const, channel, sendAfter: remindAt })) : []),
    ...(series.slack ? [{ kind: "summary" as const, channel: "slack" as const, sendAfter: null }] : []),
  ];
  const off = (["email", "slack"] as const).filter((c) => !channels.includes(c));
  if (off.length)
    await tx
      .update(distributionMessages)
      .set({ status: "skipped", error: "Its channel was turned off for this series" })
      .where(
        and(
          eq(distributionMessages.surveyId, survey.id),
          inArray(distributionMessages.channel, off),
          eq(distributionMessages.status, "scheduled"),
        ),
      );
  const created = planned.length
    ? await tx
        .insert(distributionMessages)
        .values(planned.map((p) => ({ surveyId: survey.id, ...p })))
        .onConflictDoUpdate({
          target: [
            distributionMessages.surveyId,
            distributionMessages.kind,
            distributionMessages.channel,
            distributionMessages.round,
          ],
          set: {
            sendAfter: sql`excluded.send_after`,
            status: sql`case when ${distributionMessages.status} = 'skipped' and ${distributionMessages.recipientsReady} = false then 'scheduled'::distribution_message_status else ${distributionMessages.status} end`,
          },
        })
        .returning()
    : [];
  for (const message of created) {
    if (message.status !== "scheduled") continue;
    if (message.kind === "remind") await queueMessage(message, tx, message.sendAfter ?? undefined);
    if (message.kind === "announce" && survey.status === "open") await queueMessage(message, tx);
    if (message.kind === "summary" && survey.status === "closed") await queueMessage(message, tx);
  }
  return created;
}

/** The scheduled messages of a kind, for the survey's opened/closed listeners. */
export async function scheduledMessages(surveyId: string, kind: MessageKind, tx: DbClient) {
  return tx
    .select({ id: distributionMessages.id, kind: distributionMessages.kind })
    .from(distributionMessages)
    .where(
      and(
        eq(distributionMessages.surveyId, surveyId),
        eq(distributionMessages.kind, kind),
        inArray(distributionMessages.status, ["scheduled", "retrying"]),
      ),
    );
}

/** A reminder now, on the given channels: a new round, queued at once. */
export async function createReminderRound(surveyId: string, channels: Channel[], tx: DbClient) {
  const [{ round }] = await tx
    .select({ round: sql<number>`coalesce(max(${distributionMessages.round}), 0)::int + 1` })
    .from(distributionMessages)
    .where(and(eq(distributionMessages.surveyId, surveyId), eq(distributionMessages.kind, "remind")));
  const rows = await tx
    .insert(distributionMessages)
    .values(channels.map((channel) => ({ surveyId, kind: "remind" as const, channel, round, sendAfter: new Date() })))
    .returning();
  for (const message of rows) await queueMessage(message, tx);
  return rows;
}

export async function createNoticeMessage(surveyId: string, tx: DbClient) {
  const [message] = await tx
    .insert(distributionMessages)
    .values({ surveyId, kind: "draft_notice", channel: "email" })
    .onConflictDoNothing()
    .returning();
  if (message) await queueMessage(message, tx);
}

export async function getMessage(id: string, tx?: DbClient) {
  const db = tx ?? (await getDb());
  const [row] = await db.select().from(distributionMessages).where(eq(distributionMessages.id, id));
  return row ?? null;
}

export async function setMessageState(
  id: string,
  change: { status: MessageStatus; error?: string | null; attempt?: boolean; recipientsReady?: boolean },
  tx?: DbClient,
) {
  const db = tx ?? (await getDb());
  const finished = change.status === "sent" || change.status === "failed" || change.status === "skipped";
  await db
    .update(distributionMessages)
    .set({
      status: change.status,
      ...(change.error !== undefined ? { error: change.error } : {}),
      ...(change.attempt ? { attempts: sql`${distributionMessages.attempts} + 1` } : {}),
      ...(change.recipientsReady !== undefined ? { recipientsReady: change.recipientsReady } : {}),
      finishedAt: finished ? sql`now()` : null,
    })
    .where(eq(distributionMessages.id, id));
}

export type NewDelivery = { recipientKey: string; teamId: string | null; address: string | null };

/**
 * Fixes a message's recipients once (the first attempt): later attempts send to the same list.
 * Locks the message so two instances materialising at once insert one list.
 */
export async function fixRecipients(messageId: string, build: (tx: DbClient) => Promise<NewDelivery[]>) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [message] = await tx
      .select({ ready: distributionMessages.recipientsReady })
      .from(distributionMessages)
      .where(eq(distributionMessages.id, messageId))
      .for("update");
    if (!message || message.ready) return;
    const rows = await build(tx);
    if (rows.length)
      await tx
        .insert(distributionDeliveries)
        .values(rows.map((r) => ({ ...r, messageId })))
        .onConflictDoNothing();
    await tx.update(distributionMessages).set({ recipientsReady: true }).where(eq(distributionMessages.id, messageId));
  });
}

/** A message's deliveries still to send (never sent, or failed), in a stable order. */
export async function unsentDeliveries(messageId: string) {
  const db = await getDb();
  return db
    .select()
    .from(distributionDeliveries)
    .where(
      and(
        eq(distributionDeliveries.messageId, messageId),
        inArray(distributionDeliveries.status, ["pending", "failed"]),
      ),
    )
    .orderBy(asc(distributionDeliveries.recipientKey));
}

/** How long one attempt may hold a delivery before another may take it over (its worker died). */
const SENDING_LEASE = "5 minutes";

/**
 * Takes one delivery for one send: only if it is not sent and no live attempt holds it, in one
 * statement, so two workers or instances given the same message send it once.
 */
export async function claimDelivery(id: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(distributionDeliveries)
    .set({ sendingSince: sql`now()`, attempts: sql`${distributionDeliveries.attempts} + 1` })
    .where(
      and(
        eq(distributionDeliveries.id, id),
        inArray(distributionDeliveries.status, ["pending", "failed"]),
        sql`(${distributionDeliveries.sendingSince} is null or ${distributionDeliveries.sendingSince} < now() - interval '${sql.raw(SENDING_LEASE)}')`,
      ),
    )
    .returning({ id: distributionDeliveries.id });
  return rows.length === 1;
}

/** The outcome of one send. A sent email forgets its address. */
export async function recordDelivery(id: string, status: DeliveryStatus, error: string | null) {
  const db = await getDb();
  await db
    .update(distributionDeliveries)
    .set({ status, error, sendingSince: null, ...(status === "sent" || status === "skipped" ? { address: null } : {}) })
    .where(eq(distributionDeliveries.id, id));
}

/** Deliveries of a message that did not go out, with their first reason. */
export async function failedDeliveries(messageId: string) {
  const db = await getDb();
  return db
    .select({ id: distributionDeliveries.id, error: distributionDeliveries.error })
    .from(distributionDeliveries)
    .where(and(eq(distributionDeliveries.messageId, messageId), eq(distributionDeliveries.status, "failed")));
}

/**
 * A reminder is done: its email deliveries go, since who was reminded is who had not answered yet.
 * The message row keeps its status for the send log; a rerun finds it sent and does nothing.
 */
export async function finishMessage(message: DistributionMessage) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await setMessageState(message.id, { status: "sent", error: null }, tx);
    if (message.kind === "remind" && message.channel === "email")
      await tx.delete(distributionDeliveries).where(eq(distributionDeliveries.messageId, message.id));
  });
}

export type SendLogEntry = {
  id: string;
  kind: MessageKind;
  channel: Channel;
  round: number;
  status: MessageStatus;
  sendAfter: Date | null;
  attempts: number;
  error: string | null;
  finishedAt: Date | null;
  /** Slack posts, per channel; email deliveries are never listed one by one (see below). */
  posts: { team: string; status: DeliveryStatus; error: string | null }[];
  /**
   * Announcements and notices: how many emails went out and failed. Null for reminders: their
   * recipients are exactly who had not answered yet, so a count would be a live response count.
   */
  emails: { sent: number; failed: number; pending: number } | null;
};

/** A survey's send log: each message with its state, newest round last. */
export async function getSendLog(surveyId: string): Promise<SendLogEntry[]> {
  const db = await getDb();
  const messages = await db
    .select()
    .from(distributionMessages)
    .where(eq(distributionMessages.surveyId, surveyId))
    .orderBy(asc(distributionMessages.createdAt), asc(distributionMessages.kind), asc(distributionMessages.channel));
  if (!messages.length) return [];
  const deliveries = await db
    .select({
      messageId: distributionDeliveries.messageId,
      recipientKey: distributionDeliveries.recipientKey,
      status: distributionDeliveries.status,
      error: distributionDeliveries.error,
      team: teams.name,
    })
    .from(distributionDeliveries)
    .leftJoin(teams, eq(teams.id, distributionDeliveries.teamId))
    .where(
      inArray(
        distributionDeliveries.messageId,
        messages.map((m) => m.id),
      ),
    )
    .orderBy(asc(distributionDeliveries.recipientKey));
  return messages.map((m) => {
    const mine = deliveries.filter((d) => d.messageId === m.id);
    const count = (s: DeliveryStatus) => mine.filter((d) => d.status === s).length;
    return {
      id: m.id,
      kind: m.kind,
      channel: m.channel,
      round: m.round,
      status: m.status,
      sendAfter: m.sendAfter,
      attempts: m.attempts,
      error: m.error,
      finishedAt: m.finishedAt,
      posts:
        m.channel === "slack"
          ? mine.map((d) => ({ team: d.team ?? "Leadership", status: d.status, error: d.error }))
          : [],
      emails:
        m.channel === "email" && m.kind !== "remind"
          ? { sent: count("sent"), failed: count("failed"), pending: count("pending") }
          : null,
    };
  });
}

/**
 * Moves the send time of a survey's messages still waiting `days` earlier (test-only time travel,
 * lib/testing/time-travel.ts); returns the ids of all the survey's messages, whose jobs move too.
 */
export async function bringScheduledMessagesForward(
  { days, surveyId }: { days: number; surveyId: string },
  tx: DbClient,
): Promise<string[]> {
  await tx
    .update(distributionMessages)
    .set({ sendAfter: sql`${distributionMessages.sendAfter} - make_interval(days => ${days})` })
    .where(
      and(
        eq(distributionMessages.surveyId, surveyId),
        inArray(distributionMessages.status, ["scheduled", "retrying"]),
        isNotNull(distributionMessages.sendAfter),
      ),
    );
  const all = await tx
    .select({ id: distributionMessages.id })
    .from(distributionMessages)
    .where(eq(distributionMessages.surveyId, surveyId));
  return all.map((m) => m.id);
}
