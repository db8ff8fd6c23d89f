import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { recordAudit, type AuditActor } from "@/lib/audit/queries";
import { getDb, inTransaction, selectRows, type DbClient } from "@/lib/db/client";
import { answers, questions, responses, surveys, teams } from "@/lib/db/schema";
import { refreshPlannerStatistics } from "@/lib/db/statistics";
import { AppError } from "@/lib/errors";
import { periodStart } from "@/lib/period";
import { isPastQuarter, surveyCanTakeImport } from "../import-target";
import type { ImportQuestion, ImportTeam, MappedRow } from "../survey-csv";
import { createSurvey } from "@/lib/surveys/queries";

// Imported past results are stored as responses and answers like any other: the survey, a team and a
// day, no more. The day is the first day of the survey's quarter for every row, so it tells nothing
// about when anyone answered.

/** Responses per statement: a few thousand answers, well under PostgreSQL's bind-parameter limit. */
const RESPONSES_PER_STATEMENT = 1000;

export type ImportTargetInput =
  { kind: "survey"; surveyId: string } | { kind: "copy"; copyFromSurveyId: string; period: string; title?: string };

export type ImportTarget = { surveyId: string | null; title: string; period: string; questions: ImportQuestion[] };

async function activeQuestions(client: DbClient, surveyId: string): Promise<ImportQuestion[]> {
  return client
    .select({
      key: questions.key,
      kind: questions.kind,
      prompt: questions.prompt,
      options: questions.options,
      maxLength: questions.maxLength,
    })
    .from(questions)
    .where(and(eq(questions.surveyId, surveyId), isNull(questions.archivedAt)))
    .orderBy(asc(questions.position));
}

async function countResponses(client: DbClient, surveyId: string) {
  const [row] = await selectRows<{ n: number }>(
    client,
    sql`select count(*)::int as n from responses where survey_id = ${surveyId}`,
  );
  return Number(row?.n ?? 0);
}

/** The survey the rows go to, with the questions they map onto; a copy's questions are its source's. */
export async function loadImportTarget(input: ImportTargetInput, tx?: DbClient): Promise<ImportTarget> {
  const client = tx ?? (await getDb());
  const surveyId = input.kind === "survey" ? input.surveyId : input.copyFromSurveyId;
  const [survey] = await client.select().from(surveys).where(eq(surveys.id, surveyId));
  const field = input.kind === "survey" ? "surveyId" : "copyFromSurveyId";
  if (!survey) throw new AppError("validation", "Unknown survey", { [`target.${field}`]: ["Choose a survey"] });
  const target =
    input.kind === "survey"
      ? { surveyId: survey.id, title: survey.title, period: survey.period }
      : {
          surveyId: null,
          title: input.title || survey.title.replace(survey.period, input.period),
          period: input.period,
        };
  if (input.kind === "copy" && !isPastQuarter(input.period)) {
    const message = "Past results belong to a quarter that is over";
    throw new AppError("validation", message, { "target.period": [message] });
  }
  if (input.kind === "survey") {
    const refusal = surveyCanTakeImport({ ...survey, responses: await countResponses(client, survey.id) });
    if (refusal) throw new AppError("conflict", refusal, { "target.surveyId": [refusal] });
  }
  return { ...target, questions: await activeQuestions(client, survey.id) };
}

export async function listImportTeams(tx?: DbClient): Promise<ImportTeam[]> {
  const client = tx ?? (await getDb());
  return client.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
}

/**
 * Stores every row in one transaction, into the target survey (created as a copy when asked), and
 * leaves the survey closed so its results publish once, complete. Returns the survey's id.
 */
export async function storeImportedSurvey(
  input: { target: ImportTargetInput; rows: MappedRow[]; actor: NonNullable<AuditActor> },
  tx?: DbClient,
): Promise<string> {
  const stored = await inTransaction(tx, async (client) => {
    let surveyId: string;
    if (input.target.kind === "copy") {
      const { copyFromSurveyId, period, title } = input.target;
      const survey = await createSurvey(
        { input: { copyFromSurveyId, period, ...(title ? { title } : {}) }, userId: input.actor.id },
        client,
      );
      surveyId = survey.id;
    } else {
      surveyId = input.target.surveyId;
      // Locked, then checked again: two imports into one survey go one after the other, and the second finds it taken.
      const [survey] = await client.select().from(surveys).where(eq(surveys.id, surveyId)).for("update");
      const refusal = survey && surveyCanTakeImport({ ...survey, responses: await countResponses(client, surveyId) });
      if (!survey || refusal) throw new AppError("conflict", refusal || "Unknown survey");
    }
    const [survey] = await client
      .update(surveys)
      .set({ status: "closed", updatedAt: new Date() })
      .where(eq(surveys.id, surveyId))
      .returning();
    const questionIds = new Map(
      (
        await client
          .select({ id: questions.id, key: questions.key })
          .from(questions)
          .where(eq(questions.surveyId, surveyId))
      ).map((q) => [q.key, q.id]),
    );
    const day = periodStart(survey.period).toISOString().slice(0, 10);
    for (let i = 0; i < input.rows.length; i += RESPONSES_PER_STATEMENT) {
      const batch = input.rows.slice(i, i + RESPONSES_PER_STATEMENT).map((row) => ({ id: randomUUID(), ...row }));
      await client
        .insert(responses)
        .values(batch.map((r) => ({ id: r.id, surveyId, teamId: r.teamId, submittedOn: day })));
      const answers = JSON.stringify(
        batch.flatMap((r) =>
          r.answers.map((a) => ({
            response_id: r.id,
            question_id: questionIds.get(a.questionKey),
            number_value: a.numberValue,
            choice_values: a.choiceValues,
            text_value: a.textValue,
          })),
        ),
      );
      await client.execute(
        sql`insert into answers (response_id, question_id, number_value, choice_values, text_value)
            select response_id, question_id, number_value, choice_values, text_value
            from jsonb_to_recordset(${answers}::jsonb) as x(response_id uuid, question_id uuid, number_value int, choice_values text[], text_value text)`,
      );
    }
    await recordAudit(
      {
        actor: input.actor,
        action: "survey.import",
        subject: survey.title,
        detail: { surveyId, rows: input.rows.length },
      },
      client,
    );
    return surveyId;
  });
  // A past quarter's answers arrive in one go; PGlite gathers no statistics of its own.
  if (!tx) await refreshPlannerStatistics(await getDb(), [responses, answers]);
  return stored;
}

/** Surveys whose questions an import can copy, and surveys an import can go into (see surveyCanTakeImport). */
export async function listImportChoices(tx?: DbClient) {
  const client = tx ?? (await getDb());
  const rows = await selectRows<{ id: string; title: string; period: string; status: string; responses: number }>(
    client,
    sql`select s.id, s.title, s.period, s.status::text as status,
               (select count(*)::int from responses r where r.survey_id = s.id) as responses
        from surveys s
        where exists (select 1 from questions q where q.survey_id = s.id and q.archived_at is null)
        order by s.period desc, s.created_at desc`,
  );
  const label = (s: { title: string; period: string }) =>
    s.title.includes(s.period) ? s.title : `${s.title} (${s.period})`;
  return {
    copySources: rows.map((s) => ({ id: s.id, label: label(s) })),
    emptyTargets: rows.filter((s) => surveyCanTakeImport(s) === null).map((s) => ({ id: s.id, label: label(s) })),
    earliestPeriod: rows.length ? rows[rows.length - 1].period : null,
  };
}
