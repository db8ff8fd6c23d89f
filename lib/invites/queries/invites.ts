import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { selectRows, type DbClient } from "@/lib/db/client";
import { surveyInvites } from "@/lib/db/schema";
import { hashInviteToken, newInviteToken } from "../token";

// A survey's invitations: who on each team's list was asked, and whether they have answered.

export type PendingInvitee = { inviteId: string; teamId: string; email: string };

/**
 * Gives every member of a team's list an invitation to the survey (once: existing ones are kept, so a
 * used mark or a sent link survives a second call).
 */
async function ensureInvites(db: DbClient, surveyId: string, teamId?: string) {
  await db.execute(sql`
    insert into survey_invites (survey_id, team_id, email)
    select ${surveyId}::uuid, m.team_id, m.email from invite_list_members m
    where ${teamId ?? null}::uuid is null or m.team_id = ${teamId ?? null}::uuid
    on conflict do nothing`);
}

/** People on a team's list (or every list) invited to this survey who have not answered yet. */
export async function pendingInvitees(db: DbClient, surveyId: string, teamId?: string): Promise<PendingInvitee[]> {
  await ensureInvites(db, surveyId, teamId);
  const rows = await db
    .select({ inviteId: surveyInvites.id, teamId: surveyInvites.teamId, email: surveyInvites.email })
    .from(surveyInvites)
    .where(
      and(
        eq(surveyInvites.surveyId, surveyId),
        eq(surveyInvites.used, false),
        teamId ? eq(surveyInvites.teamId, teamId) : undefined,
      ),
    )
    .orderBy(surveyInvites.teamId, sql`lower(${surveyInvites.email})`);
  return rows;
}

/**
 * A fresh single-use token for an unused invitation. Only its hash is stored, replacing the previous
 * one: the link in the latest message is the only one that works. Null once the invitation is used.
 */
export async function issueInviteToken(db: DbClient, inviteId: string): Promise<string | null> {
  const token = newInviteToken();
  const updated = await db
    .update(surveyInvites)
    .set({ tokenHash: hashInviteToken(token) })
    .where(and(eq(surveyInvites.id, inviteId), eq(surveyInvites.used, false)))
    .returning({ id: surveyInvites.id });
  return updated.length ? token : null;
}

/**
 * How many people each team asked to answer the survey: its invitations to it, or, for a team that has
 * sent none yet, its list as it stands. The exact denominator of an invite-only team's response rate;
 * how many of them answered is deliberately not here (see lib/anonymity for what may be shown).
 */
export async function inviteCounts(db: DbClient, surveyId: string): Promise<{ teamId: string; invited: number }[]> {
  const rows = await selectRows<{ team_id: string; invited: number }>(
    db,
    sql`select team_id, count(*)::int as invited from survey_invites where survey_id = ${surveyId} group by team_id
        union all
        select m.team_id, count(*)::int from invite_list_members m
        where not exists (select 1 from survey_invites v where v.survey_id = ${surveyId} and v.team_id = m.team_id)
        group by m.team_id
        order by team_id`,
  );
  return rows.map((r) => ({ teamId: r.team_id, invited: Number(r.invited) }));
}

/**
 * Response-rate denominators of invite-only teams: for each survey, the people each such team invited
 * to it. Teams that also take answers through a shared link, or sent no invitations, are absent (their
 * rate stays answers ÷ headcount).
 */
export async function inviteOnlyDenominators(
  db: DbClient,
  surveyIds: string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (surveyIds.length === 0) return out;
  const rows = await selectRows<{ survey_id: string; team_id: string; invited: number }>(
    db,
    sql`select v.survey_id, v.team_id, count(*)::int as invited
        from survey_invites v join invite_lists il on il.team_id = v.team_id and il.invite_only
        where v.survey_id in (${sql.join(
          surveyIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        group by v.survey_id, v.team_id`,
  );
  for (const r of rows) {
    let teams = out.get(r.survey_id);
    if (!teams) out.set(r.survey_id, (teams = new Map()));
    teams.set(r.team_id, Number(r.invited));
  }
  return out;
}
