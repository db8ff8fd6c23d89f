import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, inTransaction, type DbClient } from "@/lib/db/client";
import { inviteListMembers, inviteLists, teams } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { describeInvalidLine, describeListCount, MAX_LIST_PEOPLE, parseEmailList } from "../email-list";

// Each team's distribution list and whether the team answers by invitation only.

export type InviteListView = { teamId: string; inviteOnly: boolean; emails: string[]; people: number };

async function requireTeam(db: DbClient, teamId: string): Promise<string> {
  const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw notFound("Team");
  return team.name;
}

export async function getInviteList({ teamId }: { teamId: string }, tx?: DbClient): Promise<InviteListView> {
  const db = tx ?? (await getDb());
  await requireTeam(db, teamId);
  const [list] = await db.select().from(inviteLists).where(eq(inviteLists.teamId, teamId));
  const members = await db
    .select({ email: inviteListMembers.email })
    .from(inviteListMembers)
    .where(eq(inviteListMembers.teamId, teamId))
    .orderBy(sql`lower(${inviteListMembers.email})`);
  return {
    teamId,
    inviteOnly: list?.inviteOnly ?? false,
    emails: members.map((m) => m.email),
    people: members.length,
  };
}

/**
 * Replaces a team's list with the one given, all or nothing: a single invalid line saves nothing and
 * every invalid line is named. Invitations already made for a survey stay (those people were asked).
 */
export async function saveInviteList({ teamId, text, actor }: { teamId: string; text: string; actor: AuditActor }) {
  const parsed = parseEmailList(text);
  if (parsed.invalid.length) {
    const lines = parsed.invalid.map(describeInvalidLine);
    const shown = lines.length > 20 ? [...lines.slice(0, 20), `…and ${lines.length - 20} more lines`] : lines;
    throw new AppError(
      "validation",
      `${parsed.invalid.length} line${parsed.invalid.length === 1 ? " is" : "s are"} not an email address; nothing was saved`,
      { text: shown },
    );
  }
  if (parsed.emails.length > MAX_LIST_PEOPLE)
    throw new AppError("validation", `A list holds at most ${MAX_LIST_PEOPLE} people`, {
      text: [`A list holds at most ${MAX_LIST_PEOPLE} people; this one has ${parsed.emails.length}`],
    });
  return inTransaction(undefined, async (tx) => {
    const teamName = await requireTeam(tx, teamId);
    await tx.insert(inviteLists).values({ teamId }).onConflictDoNothing();
    await tx.delete(inviteListMembers).where(eq(inviteListMembers.teamId, teamId));
    // In slices: one statement's parameters are capped (65,535 on PostgreSQL).
    for (let i = 0; i < parsed.emails.length; i += 1000)
      await tx.insert(inviteListMembers).values(parsed.emails.slice(i, i + 1000).map((email) => ({ teamId, email })));
    await recordAudit(
      { actor, action: "team.invite_list", subject: teamName, detail: { teamId, people: parsed.emails.length } },
      tx,
    );
    const list = await getInviteList({ teamId }, tx);
    return {
      list,
      duplicates: parsed.duplicates,
      summary: describeListCount({ people: list.people, duplicates: parsed.duplicates }),
    };
  });
}

/** Turns a team's open survey links off (invite-only) or back on. */
export async function setInviteOnly({
  teamId,
  inviteOnly,
  actor,
}: {
  teamId: string;
  inviteOnly: boolean;
  actor: AuditActor;
}): Promise<InviteListView> {
  return inTransaction(undefined, async (tx) => {
    const teamName = await requireTeam(tx, teamId);
    await tx
      .insert(inviteLists)
      .values({ teamId, inviteOnly })
      .onConflictDoUpdate({ target: inviteLists.teamId, set: { inviteOnly } });
    await recordAudit({ actor, action: "team.invite_only", subject: teamName, detail: { teamId, inviteOnly } }, tx);
    return getInviteList({ teamId }, tx);
  });
}
