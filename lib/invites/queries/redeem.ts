import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/lib/db/client";
import { readRespondentSurvey, type RespondentSurvey } from "@/lib/surveys/queries";
import { hashInviteToken } from "../token";

// What an invitation link (/s/i/<token>) opens. Marking it used happens with the response, in
// lib/responses (storeResponses), so that an answer and its mark are one transaction.

export type InviteTarget = RespondentSurvey & { used: boolean };

/** The survey and team behind an invitation, and whether it was used; null for an unknown (or replaced) token. */
export async function getInviteTarget({ token }: { token: string }): Promise<InviteTarget | null> {
  const db = await getDb();
  const [invite] = await selectRows<{ survey_id: string; team_id: string; used: boolean }>(
    db,
    sql`select survey_id, team_id, used from survey_invites where token_hash = ${hashInviteToken(token)}`,
  );
  if (!invite) return null;
  const target = await readRespondentSurvey(
    db,
    sql`select ${invite.survey_id}::uuid as survey_id, ${invite.team_id}::uuid as team_id`,
  );
  // An invitation is personal: its team's invite-only setting concerns shared links, not it.
  return target ? { ...target, inviteOnly: false, used: invite.used === true } : null;
}
