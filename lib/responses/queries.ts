import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { answers, frictionEntries, responses, submissionKeys, surveyLinks, teams } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newLinkToken } from "@/lib/surveys/link-token";
import { periodOfIsoDate, todayIsoDate } from "@/lib/surveys/period";
import type { NormalizedAnswer } from "./submission-schema";

/** Only a hash of the page's random key is stored, scoped to the survey. */
export function hashSubmissionKey(surveyId: string, key: string): string {
  return createHash("sha256").update(`${surveyId}:${key}`).digest("hex");
}


async function findKeyedResponse(client: DbClient, keyHash: string): Promise<string | null> {
  const [row] = await client.select({ responseId: submissionKeys.responseId }).from(submissionKeys).where(eq(submissionKeys.keyHash, keyHash));
  return row?.responseId ?? null;
}

/**
 * Stores one response and its answers atomically, in ONE statement (one round trip): the
 * submission key is claimed first, and the response and answers are inserted only when the claim
 * succeeded. A retry with the same key, or a concurrent twin, claims nothing and gets the first
 * one's response id back. Foreign keys are checked at the end of the statement, so the key may
 * name the response it creates.
 */
export async function submitResponse({
  surveyId,
  teamId,
  idempotencyKey,
  answers: values,
}: {
  surveyId: string;
  teamId: string | null;
  idempotencyKey: string;
  answers: NormalizedAnswer[];
}): Promise<{ responseId: string; duplicate: boolean }> {
  const db = await getDb();
  const keyHash = hashSubmissionKey(surveyId, idempotencyKey);
  const rows = JSON.stringify(
    values.map((a) => ({ question_id: a.questionId, number_value: a.numberValue, choice_values: a.choiceValues, text_value: a.textValue })),
  );
  // The day only, never the time: see lib/db/schema/responses.ts.
  const [stored] = await selectRows<{ id: string }>(
    db,
    sql`with claimed as (
          insert into submission_keys (key_hash, response_id) values (${keyHash}, gen_random_uuid())
          on conflict (key_hash) do nothing
          returning response_id
        ), response as (
          insert into responses (id, survey_id, team_id, submitted_on)
          select response_id, ${surveyId}::uuid, ${teamId}::uuid, ${todayIsoDate()}::date from claimed
          returning id
        ), stored_answers as (
          insert into answers (response_id, question_id, number_value, choice_values, text_value)
          select response.id, x.question_id, x.number_value, x.choice_values, x.text_value
          from response cross join jsonb_to_recordset(${rows}::jsonb)
            as x(question_id uuid, number_value int, choice_values text[], text_value text)
        )
        select id from response`,
  );
  if (stored) return { responseId: stored.id, duplicate: false };
  const earlier = await findKeyedResponse(db, keyHash);
  if (!earlier) throw new Error("submission key claimed by no response");
  return { responseId: earlier, duplicate: true };
}

export async function countResponses({ surveyId }: { surveyId?: string } = {}) {
  const db = await getDb();
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(responses).where(surveyId ? eq(responses.surveyId, surveyId) : undefined);
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(answers);
  return { responses: Number(r.n), answers: Number(a.n) };
}

// ── Friction log ────────────────────────────────────────────────────────────────────────────

export async function getFrictionLink({ token }: { token: string }) {
  const db = await getDb();
  const [link] = await db
    .select({ id: surveyLinks.id, teamId: surveyLinks.teamId, teamName: teams.name })
    .from(surveyLinks)
    .leftJoin(teams, eq(teams.id, surveyLinks.teamId))
    .where(and(eq(surveyLinks.token, token), eq(surveyLinks.kind, "friction")));
  return link ?? null;
}

/** One sentence of friction, filed under the current quarter with the day (never the time). */
export async function addFrictionEntry({ teamId, text, today = todayIsoDate() }: { teamId: string | null; text: string; today?: string }) {
  const db = await getDb();
  const [row] = await db
    .insert(frictionEntries)
    .values({ teamId, text, period: periodOfIsoDate(today), submittedOn: today })
    .returning({ id: frictionEntries.id, period: frictionEntries.period });
  return row;
}

export type FrictionLinkStats = { id: string; token: string; teamId: string | null; teamName: string | null; entryCount: number };

export async function listFrictionLinks(): Promise<FrictionLinkStats[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: surveyLinks.id,
      token: surveyLinks.token,
      teamId: surveyLinks.teamId,
      teamName: teams.name,
      entryCount: sql<number>`(select count(*)::int from ${frictionEntries} f where f.team_id is not distinct from ${surveyLinks.teamId})`,
    })
    .from(surveyLinks)
    .leftJoin(teams, eq(teams.id, surveyLinks.teamId))
    .where(eq(surveyLinks.kind, "friction"))
    .orderBy(sql`${surveyLinks.teamId} is not null`, teams.name);
  return rows.map((r) => ({ ...r, entryCount: Number(r.entryCount) }));
}

/** The workspace-wide friction link, or one for a team; returns the existing one if there is one. */
export async function ensureFrictionLink({ teamId }: { teamId: string | null }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (teamId) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
      if (!team) throw new AppError("validation", "Unknown team", { teamId: ["Unknown team"] });
    }
    const where = and(eq(surveyLinks.kind, "friction"), teamId ? eq(surveyLinks.teamId, teamId) : isNull(surveyLinks.teamId));
    const [existing] = await tx.select().from(surveyLinks).where(where).orderBy(desc(surveyLinks.createdAt)).limit(1);
    if (existing) return existing;
    const [row] = await tx.insert(surveyLinks).values({ token: newLinkToken(), kind: "friction", teamId }).returning();
    return row;
  });
}
