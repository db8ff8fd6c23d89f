import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, type DbClient } from "@/lib/db/client";
import {
  distributionMessages,
  seriesSurveys,
  surveys,
  surveySeries,
  teams,
  users,
  type Survey,
  type SurveySeries,
} from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { enqueue, jobsReady } from "@/lib/jobs/enqueue";
import type { JobPayload } from "@/lib/jobs/registry";
import { periodStart } from "@/lib/period";
import { createSurvey, createTeamLinks } from "@/lib/surveys/queries";
import { mailConfig } from "../mail";
import { quarterToDraftAfter } from "../next-quarter";
import type { SeriesInput } from "../schemas";
import { createNoticeMessage, createReminderRound, planMessages } from "./messages";

// Survey series: a survey repeated each quarter. Before each quarter a job drafts the next survey by
// copying the series' latest (question keys kept), dates it, plans its messages and tells the editors.

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The series a survey belongs to, or null. */
export async function getSeriesOfSurvey(surveyId: string, tx?: DbClient): Promise<SurveySeries | null> {
  const db = tx ?? (await getDb());
  const [row] = await db
    .select({ series: surveySeries })
    .from(seriesSurveys)
    .innerJoin(surveySeries, eq(surveySeries.id, seriesSurveys.seriesId))
    .where(eq(seriesSurveys.surveyId, surveyId));
  return row?.series ?? null;
}

/** When the survey of `period` is drafted: `draftDaysBefore` days before the quarter starts. */
export function draftTime(period: string, draftDaysBefore: number): Date {
  return new Date(periodStart(period).getTime() - draftDaysBefore * DAY_MS);
}

async function queueDraft(series: SurveySeries, period: string, tx: DbClient) {
  await enqueue(
    "series.draft-next",
    { seriesId: series.id, period },
    { tx, startAfter: draftTime(period, series.draftDaysBefore), singletonKey: `${series.id}:${period}` },
  );
}

async function activeTeamIds(tx: DbClient, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(inArray(teams.id, ids), isNull(teams.archivedAt)));
  return rows.map((r) => r.id);
}

/**
 * Turns a survey into a quarterly series, or changes its series' settings. The teams get links for the
 * survey, and the next quarter's draft is queued for its moment (once per series and quarter).
 */
export async function saveSeries({
  surveyId,
  input,
  actor,
}: {
  surveyId: string;
  input: SeriesInput;
  actor: NonNullable<AuditActor>;
}): Promise<SurveySeries> {
  const db = await getDb();
  await jobsReady();
  return db.transaction(async (tx) => {
    const [survey] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for("update");
    if (!survey) throw notFound("Survey");
    const teamIds = await activeTeamIds(tx, input.teamIds);
    if (teamIds.length !== input.teamIds.length)
      throw new AppError("validation", "Unknown or archived team", { teamIds: ["Unknown or archived team"] });
    const existing = await getSeriesOfSurvey(surveyId, tx);
    let series: SurveySeries;
    if (existing) {
      [series] = await tx.update(surveySeries).set(input).where(eq(surveySeries.id, existing.id)).returning();
    } else {
      [series] = await tx
        .insert(surveySeries)
        .values({ ...input, lastSurveyId: surveyId, createdById: actor.id })
        .returning();
      await tx.insert(seriesSurveys).values({ seriesId: series.id, surveyId, period: survey.period });
      await queueDraft(series, quarterToDraftAfter(survey.period, new Date()), tx);
    }
    await createTeamLinks({ surveyId, teamIds }, tx);
    await recordAudit(
      { actor, action: "distribution.series", subject: survey.title, detail: { surveyId, ...input } },
      tx,
    );
    return series;
  });
}

/**
 * Stops the survey's series: no further quarter is drafted (the waiting draft job finds the series gone)
 * and this survey's messages not yet sent are skipped. Surveys already drafted stay, as drafts or as
 * they are; what was sent stays in the send log.
 */
export async function stopSeries({ surveyId, actor }: { surveyId: string; actor: NonNullable<AuditActor> }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [survey] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for("update");
    if (!survey) throw notFound("Survey");
    const series = await getSeriesOfSurvey(surveyId, tx);
    if (!series) throw new AppError("conflict", "This survey is not part of a series");
    await tx.delete(surveySeries).where(eq(surveySeries.id, series.id));
    await tx
      .update(distributionMessages)
      .set({ status: "skipped", error: "The series was stopped" })
      .where(and(eq(distributionMessages.surveyId, surveyId), eq(distributionMessages.status, "scheduled")));
    await recordAudit({ actor, action: "distribution.series.stop", subject: survey.title, detail: { surveyId } }, tx);
    return { ok: true as const };
  });
}

/** Plans (or re-plans) the survey's messages as its series says; what is due is queued. */
export async function scheduleSurveyMessages(surveyId: string) {
  const db = await getDb();
  await jobsReady();
  return db.transaction(async (tx) => {
    const [survey] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for("update");
    if (!survey) throw notFound("Survey");
    const series = await getSeriesOfSurvey(surveyId, tx);
    if (!series) throw new AppError("conflict", "Set up the survey's series (teams and channels) first");
    return planMessages(survey, series, tx);
  });
}

type DraftOutcome = { seriesId: string; period: string; surveyId: string | null; skipped?: string };

/**
 * The series.draft-next job: drafts the survey of `period` by copying the series' latest, once —
 * the (series, quarter) unique index and the series row lock make a second run (a retry, a duplicate
 * job, another instance) find it drafted. Queues the quarter after it in the same transaction.
 */
export async function draftNextSurvey({ seriesId, period }: JobPayload<"series.draft-next">): Promise<DraftOutcome> {
  const db = await getDb();
  await jobsReady();
  return db.transaction(async (tx) => {
    const [series] = await tx.select().from(surveySeries).where(eq(surveySeries.id, seriesId)).for("update");
    if (!series) return { seriesId, period, surveyId: null, skipped: "the series was deleted" };
    const [done] = await tx
      .select({ surveyId: seriesSurveys.surveyId })
      .from(seriesSurveys)
      .where(and(eq(seriesSurveys.seriesId, seriesId), eq(seriesSurveys.period, period)));
    if (done) return { seriesId, period, surveyId: done.surveyId, skipped: "already drafted" };
    if (!series.lastSurveyId) return { seriesId, period, surveyId: null, skipped: "its last survey was deleted" };
    const draft = await createSurvey(
      { input: { period, copyFromSurveyId: series.lastSurveyId }, userId: series.createdById },
      tx,
    );
    const opensOn = isoDay(periodStart(period));
    const closesOn = isoDay(new Date(periodStart(period).getTime() + (series.openDays - 1) * DAY_MS));
    const [survey] = await tx.update(surveys).set({ opensOn, closesOn }).where(eq(surveys.id, draft.id)).returning();
    await tx.insert(seriesSurveys).values({ seriesId, surveyId: survey.id, period, drafted: true });
    await tx.update(surveySeries).set({ lastSurveyId: survey.id }).where(eq(surveySeries.id, seriesId));
    await createTeamLinks({ surveyId: survey.id, teamIds: await activeTeamIds(tx, series.teamIds) }, tx);
    await planMessages(survey, series, tx);
    if (mailConfig()) await createNoticeMessage(survey.id, tx);
    await queueDraft(series, quarterToDraftAfter(period, new Date()), tx);
    return { seriesId, period, surveyId: survey.id };
  });
}

export type DraftToReview = Pick<Survey, "id" | "title" | "period" | "opensOn" | "closesOn">;

/** Surveys a series drafted that nobody has published yet: the notice on the surveys page. */
export async function listDraftsToReview(): Promise<DraftToReview[]> {
  const db = await getDb();
  return db
    .select({
      id: surveys.id,
      title: surveys.title,
      period: surveys.period,
      opensOn: surveys.opensOn,
      closesOn: surveys.closesOn,
    })
    .from(seriesSurveys)
    .innerJoin(surveys, eq(surveys.id, seriesSurveys.surveyId))
    .where(and(eq(seriesSurveys.drafted, true), eq(surveys.status, "draft")))
    .orderBy(surveys.period);
}

/** Editors and owners who can publish a draft: the notice's recipients. */
export async function editorsToNotify(tx: DbClient) {
  return tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.role, ["editor", "owner"]), isNull(users.deactivatedAt)))
    .orderBy(sql`lower(${users.email})`);
}

/** "Send a reminder now": a new reminder round on the series' channels, for an open survey. */
export async function sendReminderNow(surveyId: string) {
  const db = await getDb();
  await jobsReady();
  return db.transaction(async (tx) => {
    const [survey] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for("update");
    if (!survey) throw notFound("Survey");
    if (survey.status !== "open") throw new AppError("conflict", "Reminders go out only while the survey is open");
    const series = await getSeriesOfSurvey(surveyId, tx);
    if (!series) throw new AppError("conflict", "Set up the survey's series (teams and channels) first");
    const channels = [...(series.email ? ["email" as const] : []), ...(series.slack ? ["slack" as const] : [])];
    return createReminderRound(surveyId, channels, tx);
  });
}
