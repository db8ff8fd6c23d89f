import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { progressCount } from "@/lib/anonymity/surveys";
import { createBatcher } from "@/lib/db/batching";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { answers, frictionEntries, responses, submissionKeys, surveyLinks, teams } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { hashInviteToken } from "@/lib/invites/token";
import { newLinkToken } from "@/lib/surveys/link-token";
import { periodOfDate } from "@/lib/period";
import { todayIsoDate } from "./submission-day";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import type { NormalizedAnswer } from "./submission-schema";

/** Only a hash of the page's random key is stored, scoped to the survey (or to "friction"). */
export function hashSubmissionKey(scope: string, key: string): string {
  return createHash("sha256").update(`${scope}:${key}`).digest("hex");
}

/** The random key a respondent or friction page carries, so a form sent twice is stored once. */
export const newPageKey = () => randomBytes(18).toString("hex");

async function findKeyedResponses(client: DbClient, keyHashes: string[]): Promise<Map<string, string>> {
  const rows = await client
    .select({ keyHash: submissionKeys.keyHash, responseId: submissionKeys.responseId })
    .from(submissionKeys)
    .where(inArray(submissionKeys.keyHash, keyHashes));
  return new Map(rows.map((r) => [r.keyHash, r.responseId]));
}

export type PendingResponse = {
  surveyId: string;
  teamId: string | null;
  keyHash: string;
  /** SHA-256 of the invitation's token when answering through one (lib/invites), else null. */
  inviteHash: string | null;
  answers: NormalizedAnswer[];
};
type StoredResponse = { responseId: string; duplicate: boolean };

/**
 * Stores responses and their answers atomically, in ONE statement for the whole batch (one round
 * trip, one commit): each submission key is claimed first, and a response and its answers are
 * inserted only when its claim succeeded. A retry with the same key, or a concurrent twin, claims
 * nothing and gets the first one's response id back. Foreign keys are checked at the end of the
 * statement, so a key may name the response it creates. Whether the survey takes answers today is
 * decided here too, by the statement that stores them: a refused item comes back as null.
 *
 * Invitations: an answer through one is stored only if the same statement turns the invitation's
 * `used` from false to true (a concurrent use of the token waits for the row and then finds it used),
 * and a shared link of an invite-only team stores nothing. The used mark carries no time and no
 * response id (README, "Invite-only links: design and limits"). `client`: another connection than the
 * shared one (the tests use one per simulated instance).
 */
export async function storeResponses(batch: PendingResponse[], client?: DbClient): Promise<(StoredResponse | null)[]> {
  // Twins in one batch (the same key twice) go in once; the later one is answered as a duplicate.
  const unique = [...new Map(batch.map((r) => [r.keyHash, r])).values()];
  // One use of an invitation per statement: a second one with another key goes after it, and is refused.
  const invitesNow = new Set<string>();
  const now: PendingResponse[] = [];
  const afterKeys = new Set<string>();
  for (const r of unique) {
    if (r.inviteHash && invitesNow.has(r.inviteHash)) afterKeys.add(r.keyHash);
    else {
      if (r.inviteHash) invitesNow.add(r.inviteHash);
      now.push(r);
    }
  }
  if (afterKeys.size === 0) return storeUniqueResponses(batch, now, client);
  const first = batch.filter((r) => !afterKeys.has(r.keyHash));
  const later = batch.filter((r) => afterKeys.has(r.keyHash));
  const results = new Map<PendingResponse, StoredResponse | null>();
  (await storeUniqueResponses(first, now, client)).forEach((result, i) => results.set(first[i], result));
  (await storeResponses(later, client)).forEach((result, i) => results.set(later[i], result));
  return batch.map((r) => results.get(r) ?? null);
}

async function storeUniqueResponses(
  batch: PendingResponse[],
  unique: PendingResponse[],
  client?: DbClient,
): Promise<(StoredResponse | null)[]> {
  const db = client ?? (await getDb());
  const input = JSON.stringify(
    unique.map((r) => ({
      key_hash: r.keyHash,
      survey_id: r.surveyId,
      team_id: r.teamId,
      invite_hash: r.inviteHash,
      answers: r.answers.map((a) => ({
        question_id: a.questionId,
        number_value: a.numberValue,
        choice_values: a.choiceValues,
        text_value: a.textValue,
      })),
    })),
  );
  // The day only, never the time: see lib/db/schema/responses.ts.
  const today = todayIsoDate();
  const claimed = await selectRows<{ key_hash: string; response_id: string }>(
    db,
    sql`with input as (
          select * from jsonb_to_recordset(${input}::jsonb)
            as x(key_hash text, survey_id uuid, team_id uuid, invite_hash text, answers jsonb)
        ), open_input as (
          select i.* from input i join surveys s on s.id = i.survey_id
          where s.status = 'open' and (s.opens_on is null or s.opens_on <= ${today}::date) and (s.closes_on is null or s.closes_on >= ${today}::date)
            and (i.invite_hash is not null or i.team_id is null or not exists (
              select 1 from invite_lists il where il.team_id = i.team_id and il.invite_only))
        ), used_invites as (
          update survey_invites v set used = true from open_input o
          where v.token_hash = o.invite_hash and v.survey_id = o.survey_id and v.team_id = o.team_id and not v.used
            and not exists (select 1 from submission_keys k where k.key_hash = o.key_hash)
          returning v.token_hash
        ), accepted as (
          select key_hash from open_input
          where invite_hash is null or invite_hash in (select token_hash from used_invites)
        ), claimed as (
          insert into submission_keys (key_hash, response_id)
          select key_hash, gen_random_uuid() from accepted
          on conflict (key_hash) do nothing
          returning key_hash, response_id
        ), stored_responses as (
          insert into responses (id, survey_id, team_id, submitted_on)
          select c.response_id, i.survey_id, i.team_id, ${today}::date from claimed c join input i using (key_hash)
        ), stored_answers as (
          insert into answers (response_id, question_id, number_value, choice_values, text_value)
          select c.response_id, a.question_id, a.number_value, a.choice_values, a.text_value
          from claimed c join input i using (key_hash)
          cross join jsonb_to_recordset(i.answers) as a(question_id uuid, number_value int, choice_values text[], text_value text)
        )
        select key_hash, response_id from claimed`,
  );
  const fresh = new Map(claimed.map((c) => [c.key_hash, c.response_id]));
  const missing = batch.map((r) => r.keyHash).filter((k) => !fresh.has(k));
  const earlier = missing.length > 0 ? await findKeyedResponses(db, missing) : new Map<string, string>();
  return batch.map((r) => {
    const responseId = fresh.get(r.keyHash);
    if (responseId) {
      fresh.delete(r.keyHash); // a twin later in the batch is a duplicate of this one
      earlier.set(r.keyHash, responseId);
      return { responseId, duplicate: false };
    }
    const existing = earlier.get(r.keyHash);
    return existing ? { responseId: existing, duplicate: true } : null;
  });
}

// Submissions that arrive while a batch is being written go together in the next one (see lib/db/batching.ts).
const responseBatcher = createBatcher((batch: PendingResponse[]) => storeResponses(batch), { maxBatch: 200 });

/**
 * Stores one response and its answers once per idempotency key; concurrent submissions share a
 * statement. Null when the survey does not take answers today (nothing stored).
 */
export function submitResponse({
  surveyId,
  teamId,
  idempotencyKey,
  inviteToken,
  answers: values,
}: {
  surveyId: string;
  teamId: string | null;
  idempotencyKey: string;
  /** Answering through an invitation: stored only if this use marks it used (once). */
  inviteToken?: string;
  answers: NormalizedAnswer[];
}): Promise<StoredResponse | null> {
  return responseBatcher({
    surveyId,
    teamId,
    keyHash: hashSubmissionKey(surveyId, idempotencyKey),
    inviteHash: inviteToken ? hashInviteToken(inviteToken) : null,
    answers: values,
  });
}

export async function countResponses({ surveyId }: { surveyId?: string } = {}) {
  const db = await getDb();
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(responses)
    .where(surveyId ? eq(responses.surveyId, surveyId) : undefined);
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

/**
 * One sentence of friction, filed under the current quarter with the day (never the time). With a
 * key, a report sent again (double click, retry) is filed once: the second comes back as a duplicate.
 */
export async function addFrictionEntry({
  teamId,
  text,
  idempotencyKey,
  today = todayIsoDate(),
}: {
  teamId: string | null;
  text: string;
  idempotencyKey?: string;
  today?: string;
}): Promise<{ period: string; duplicate: boolean }> {
  const db = await getDb();
  const period = periodOfDate(today);
  const keyHash = idempotencyKey ? hashSubmissionKey("friction", idempotencyKey) : null;
  const [row] = await db
    .insert(frictionEntries)
    .values({ teamId, text, period, submittedOn: today, keyHash })
    .onConflictDoNothing({ target: frictionEntries.keyHash })
    .returning({ period: frictionEntries.period });
  return row ? { period: row.period, duplicate: false } : { period, duplicate: true };
}

export type FrictionLinkStats = {
  id: string;
  /** Only editors see link tokens. */
  token: string | null;
  teamId: string | null;
  teamName: string | null;
  /** Entries in steps of k ("at least"), null under k: an exact count would time each report. */
  entries: number | null;
};

export async function listFrictionLinks({ showTokens }: { showTokens: boolean }): Promise<FrictionLinkStats[]> {
  const db = await getDb();
  const { anonymityThreshold: k } = await getWorkspaceSettings(db);
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
  return rows.map(({ entryCount, ...r }) => ({
    ...r,
    token: showTokens ? r.token : null,
    entries: progressCount(Number(entryCount), k),
  }));
}

/** The workspace-wide friction link, or one for a team; returns the existing one if there is one. */
export async function ensureFrictionLink({ teamId }: { teamId: string | null }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (teamId) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
      if (!team) throw new AppError("validation", "Unknown team", { teamId: ["Unknown team"] });
    }
    const where = and(
      eq(surveyLinks.kind, "friction"),
      teamId ? eq(surveyLinks.teamId, teamId) : isNull(surveyLinks.teamId),
    );
    const [existing] = await tx.select().from(surveyLinks).where(where).orderBy(desc(surveyLinks.createdAt)).limit(1);
    if (existing) return existing;
    const [row] = await tx.insert(surveyLinks).values({ token: newLinkToken(), kind: "friction", teamId }).returning();
    return row;
  });
}
