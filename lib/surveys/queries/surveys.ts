import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { tallyResponses, type ResponseTally } from "@/lib/anonymity/surveys";
import { getDb, inTransaction, type DbClient } from "@/lib/db/client";
import { questions, questionWordingChanges, responses, surveyLinks, surveys, type Survey } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { getWorkspaceSettings } from "@/lib/workspace/queries";
import { canTransition } from "../lifecycle";
import { newLinkToken } from "../link-token";
import { nextPeriod } from "@/lib/period";
import { type CreateSurveyInput, type NormalizedQuestion, type UpdateSurveyInput } from "../schemas";
import { jobsReady } from "@/lib/jobs/enqueue";
import { scheduleSurveyClosedEvent, scheduleSurveyTransitions } from "../schedule";
import { copyQuestions, templateQuestions } from "../survey-copy";
import { getTemplate } from "../templates";

// Surveys: list, read, create (blank, from a template or as a copy), edit, open/close, delete.

export type SurveyListItem = {
  id: string;
  title: string;
  period: string;
  status: Survey["status"];
  updatedAt: Date;
  questionCount: number;
  responses: ResponseTally;
};

export async function listSurveys(): Promise<SurveyListItem[]> {
  const db = await getDb();
  const { anonymityThreshold: k } = await getWorkspaceSettings(db);
  const rows = await db
    .select({
      id: surveys.id,
      title: surveys.title,
      period: surveys.period,
      status: surveys.status,
      updatedAt: surveys.updatedAt,
      // Explicit aliases: drizzle leaves columns unqualified in a single-table select.
      questionCount: sql<number>`(select count(*)::int from ${questions} q where q.survey_id = ${surveys}.id and q.archived_at is null)`,
      responseCount: sql<number>`(select count(*)::int from ${responses} r where r.survey_id = ${surveys}.id)`,
    })
    .from(surveys)
    .orderBy(desc(surveys.period), desc(surveys.createdAt));
  return rows.map(({ responseCount, ...row }) => ({
    ...row,
    responses: tallyResponses(Number(responseCount), row.status, k),
  }));
}

export async function getSurveyById({ id }: { id: string }, tx?: DbClient): Promise<Survey | null> {
  const client = tx ?? (await getDb());
  const [survey] = await client.select().from(surveys).where(eq(surveys.id, id));
  return survey ?? null;
}

/** The survey with every question (archived ones too), in order, and its response count. */
export async function getSurveyWithQuestions({ id }: { id: string }, tx?: DbClient) {
  const client = tx ?? (await getDb());
  const survey = await getSurveyById({ id }, client);
  if (!survey) return null;
  const rows = await client
    .select()
    .from(questions)
    .where(eq(questions.surveyId, id))
    .orderBy(asc(questions.position), asc(questions.createdAt));
  const n = await countSurveyResponses({ surveyId: id }, client);
  const { anonymityThreshold: k } = await getWorkspaceSettings(client);
  return {
    survey,
    questions: rows,
    // Whether answers exist decides which edits are allowed; the count itself follows the anonymity rules.
    hasResponses: n > 0,
    responses: tallyResponses(n, survey.status, k),
    k,
    wordingChanges: await listWordingChanges({ surveyId: id }, client),
  };
}

export async function countSurveyResponses({ surveyId }: { surveyId: string }, tx?: DbClient): Promise<number> {
  const client = tx ?? (await getDb());
  const [row] = await client
    .select({ n: sql<number>`count(*)::int` })
    .from(responses)
    .where(eq(responses.surveyId, surveyId));
  return Number(row?.n ?? 0);
}

export async function createSurvey(
  {
    input,
    userId,
  }: {
    input: CreateSurveyInput;
    userId: string | null;
  },
  client?: DbClient,
): Promise<Survey> {
  return inTransaction(client, async (tx) => {
    let drafts: NormalizedQuestion[];
    let title = input.title;
    let template: string | null = null;
    let copiedFrom: string | null = null;
    if (input.copyFromSurveyId) {
      const source = await getSurveyWithQuestions({ id: input.copyFromSurveyId }, tx);
      if (!source)
        throw new AppError("validation", "The survey to copy no longer exists", {
          copyFromSurveyId: ["The survey to copy no longer exists"],
        });
      drafts = copyQuestions(source.questions);
      title ??= source.survey.title.replace(source.survey.period, input.period);
      template = source.survey.template;
      copiedFrom = source.survey.id;
    } else {
      const t = getTemplate(input.templateId!)!;
      drafts = templateQuestions(t.questions);
      title ??= `${t.title} ${input.period}`;
      template = t.id;
    }
    const [survey] = await tx
      .insert(surveys)
      .values({
        title,
        period: input.period,
        template,
        copiedFromSurveyId: copiedFrom,
        createdBy: userId,
        intro: defaultIntro,
      })
      .returning();
    if (drafts.length) {
      await tx.insert(questions).values(drafts.map((q, position) => ({ ...q, surveyId: survey.id, position })));
    }
    await tx.insert(surveyLinks).values({ token: newLinkToken(), surveyId: survey.id, kind: "survey" });
    return survey;
  });
}

const defaultIntro =
  "It takes a few minutes and it is anonymous: no name, email or IP address is stored with your answers.";

/** The most recent survey, suggested as the one to copy, and the quarter after it. */
export async function getCopySuggestion() {
  const db = await getDb();
  const [latest] = await db.select().from(surveys).orderBy(desc(surveys.period), desc(surveys.createdAt)).limit(1);
  return latest ? { survey: latest, nextPeriod: nextPeriod(latest.period) } : null;
}

export async function requireSurvey(client: DbClient, id: string): Promise<Survey> {
  // Row lock so concurrent edits of one survey's questions apply one after another.
  const [survey] = await client.select().from(surveys).where(eq(surveys.id, id)).for("update");
  if (!survey) throw notFound("Survey");
  return survey;
}

export async function touch(client: DbClient, id: string) {
  await client.update(surveys).set({ updatedAt: new Date() }).where(eq(surveys.id, id));
}

export async function updateSurvey({ id, input }: { id: string; input: UpdateSurveyInput }): Promise<Survey> {
  const db = await getDb();
  await jobsReady();
  return db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, id);
    const opensOn = input.opensOn !== undefined ? input.opensOn : survey.opensOn;
    const closesOn = input.closesOn !== undefined ? input.closesOn : survey.closesOn;
    if (opensOn && closesOn && closesOn < opensOn) {
      throw new AppError("validation", "The close date must be on or after the open date", {
        closesOn: ["The close date must be on or after the open date"],
      });
    }
    const [row] = await tx
      .update(surveys)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(surveys.id, id))
      .returning();
    // New dates on an open survey: jobs for them (jobs for the old dates find them changed and stop).
    if (row.opensOn !== survey.opensOn || row.closesOn !== survey.closesOn) await scheduleSurveyTransitions(row, tx);
    return row;
  });
}

export async function changeSurveyStatus({ id, status }: { id: string; status: Survey["status"] }): Promise<Survey> {
  const db = await getDb();
  await jobsReady();
  return db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, id);
    if (survey.status === status) return survey;
    if (!canTransition(survey.status, status)) {
      throw new AppError("conflict", `A ${survey.status} survey cannot become ${status}`, {
        status: [`A ${survey.status} survey cannot become ${status}`],
      });
    }
    if (survey.status === "closed" && status === "open" && (await countSurveyResponses({ surveyId: id }, tx)) > 0) {
      // Its results are published: answers arriving after that could be read by comparing results before and after.
      const message =
        "This survey’s results are published, so it cannot take more answers. Copy it to a new survey instead.";
      throw new AppError("conflict", message, { status: [message] });
    }
    if (status === "open") {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(questions)
        .where(and(eq(questions.surveyId, id), isNull(questions.archivedAt)));
      if (Number(n) === 0)
        throw new AppError("conflict", "Add at least one question before publishing", {
          status: ["Add at least one question before publishing"],
        });
    }
    const [row] = await tx.update(surveys).set({ status, updatedAt: new Date() }).where(eq(surveys.id, id)).returning();
    // Opening and closing on dates, and the survey's opened/closed events, are jobs (../schedule.ts).
    if (status === "open") await scheduleSurveyTransitions(row, tx);
    else await scheduleSurveyClosedEvent(row, tx);
    return row;
  });
}

export async function deleteSurvey({ id }: { id: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, id);
    if (survey.status !== "draft" || (await countSurveyResponses({ surveyId: id }, tx)) > 0) {
      throw new AppError("conflict", "Only a draft without responses can be deleted; close the survey instead");
    }
    await tx.delete(surveys).where(eq(surveys.id, id));
  });
}

/** Rewordings of questions whose key other quarters share: their trend compares different wordings. */
export async function listWordingChanges({ surveyId }: { surveyId: string }, tx?: DbClient) {
  const db = tx ?? (await getDb());
  return db
    .select({
      questionId: questionWordingChanges.questionId,
      previousPrompt: questionWordingChanges.previousPrompt,
      newPrompt: questionWordingChanges.newPrompt,
      changedAt: questionWordingChanges.changedAt,
    })
    .from(questionWordingChanges)
    .innerJoin(questions, eq(questions.id, questionWordingChanges.questionId))
    .where(eq(questions.surveyId, surveyId))
    .orderBy(asc(questionWordingChanges.changedAt));
}
