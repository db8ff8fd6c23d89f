import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type DbClient } from "@/lib/db/client";
import { answers, frictionEntries, responses, submissionKeys, surveyLinks, teams } from "@/lib/db/schema";
import { AppError, pgErrorCode } from "@/lib/errors";
import { newLinkToken } from "@/lib/surveys/link-token";
import { periodOfIsoDate, todayIsoDate } from "@/lib/surveys/period";
import type { NormalizedAnswer } from "./submission-schema";

/** Only a hash of the page's random key is stored, scoped to the survey. */
export function hashSubmissionKey(surveyId: string, key: string): string {
  return createHash("sha256").update(`${surveyId}:${key}`).digest("hex");
}

class DuplicateSubmission extends Error {}

async function findKeyedResponse(client: DbClient, keyHash: string): Promise<string | null> {
  const [row] = await client.select({ responseId: submissionKeys.responseId }).from(submissionKeys).where(eq(submissionKeys.keyHash, keyHash));
  return row?.responseId ?? null;
}

/**
 * Stores one response and its answers in one transaction. The idempotency key makes a retry count
 * once: a second request with the same key finds the first one's row, and two racing requests meet
 * on the submission_keys primary key — the loser rolls back everything it wrote.
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
  const earlier = await findKeyedResponse(db, keyHash);
  if (earlier) return { responseId: earlier, duplicate: true };
  try {
    const responseId = await db.transaction(async (tx) => {
      // The day only, never the time: see lib/db/schema/responses.ts.
      const [response] = await tx.insert(responses).values({ surveyId, teamId, submittedOn: todayIsoDate() }).returning({ id: responses.id });
      const claimed = await tx.insert(submissionKeys).values({ keyHash, responseId: response.id }).onConflictDoNothing().returning();
      if (!claimed.length) throw new DuplicateSubmission();
      if (values.length) await tx.insert(answers).values(values.map((a) => ({ ...a, responseId: response.id })));
      return response.id;
    });
    return { responseId, duplicate: false };
  } catch (error) {
    if (error instanceof DuplicateSubmission || pgErrorCode(error) === "23505") {
      const winner = await findKeyedResponse(db, keyHash);
      if (winner) return { responseId: winner, duplicate: true };
    }
    throw error;
  }
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
