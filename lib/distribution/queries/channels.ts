import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, type DbClient } from "@/lib/db/client";
import { slackChannels, teams } from "@/lib/db/schema";
import { webhookLoopbackAllowed } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LEADERSHIP_CHANNEL } from "../constants";
import { mailConfig } from "../mail";
import type { SlackChannelInput } from "../schemas";
import { maskSlackUrl, refusedSlackUrl } from "../slack-url";

export type SlackChannelView = { key: string; teamId: string | null; name: string; url: string | null };

/** Every active team and the leadership channel, with its Slack URL masked (null: not set). */
export async function listSlackChannels(tx?: DbClient): Promise<SlackChannelView[]> {
  const db = tx ?? (await getDb());
  const [rows, teamRows] = await Promise.all([
    db.select().from(slackChannels),
    db.select({ id: teams.id, name: teams.name, archivedAt: teams.archivedAt }).from(teams).orderBy(teams.name),
  ]);
  const urls = new Map(rows.map((r) => [r.key, r.url]));
  const masked = (key: string) => (urls.has(key) ? maskSlackUrl(urls.get(key)!) : null);
  return [
    { key: LEADERSHIP_CHANNEL, teamId: null, name: "Leadership (closing summaries)", url: masked(LEADERSHIP_CHANNEL) },
    ...teamRows.filter((t) => !t.archivedAt).map((t) => ({ key: t.id, teamId: t.id, name: t.name, url: masked(t.id) })),
  ];
}

/** Sets or (with an empty URL) removes a channel. The URL is checked, stored, and never read back whole. */
export async function saveSlackChannel({ input, actor }: { input: SlackChannelInput; actor: NonNullable<AuditActor> }) {
  const db = await getDb();
  const teamId = input.key === LEADERSHIP_CHANNEL ? null : input.key;
  if (teamId) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
    if (!team) throw new AppError("validation", "Unknown team", { key: ["Unknown team"] });
  }
  if (input.url) {
    const refused = refusedSlackUrl(input.url, webhookLoopbackAllowed);
    if (refused) throw new AppError("validation", `url: ${refused}`, { url: [refused] });
  }
  await db.transaction(async (tx) => {
    if (!input.url) await tx.delete(slackChannels).where(eq(slackChannels.key, input.key));
    else
      await tx
        .insert(slackChannels)
        .values({ key: input.key, teamId, url: input.url })
        .onConflictDoUpdate({ target: slackChannels.key, set: { url: input.url, updatedAt: new Date() } });
    await recordAudit(
      { actor, action: "distribution.slack", subject: input.key, detail: { set: Boolean(input.url) } },
      tx,
    );
  });
  return listSlackChannels();
}

/** A channel's URL, for sending only. */
export async function slackUrlFor(key: string, tx?: DbClient): Promise<string | null> {
  const db = tx ?? (await getDb());
  const [row] = await db.select({ url: slackChannels.url }).from(slackChannels).where(eq(slackChannels.key, key));
  return row?.url ?? null;
}

/** Whether email can be sent, and what to set when it cannot (shown on the distribution pages). */
export function emailStatus(): { configured: boolean; from: string | null; hint: string | null } {
  const config = mailConfig();
  return config
    ? { configured: true, from: config.from, hint: null }
    : {
        configured: false,
        from: null,
        hint: "Email is not configured: set SMTP_URL (e.g. smtps://user:password@smtp.example.com:465) and MAIL_FROM on the server, then restart it.",
      };
}
