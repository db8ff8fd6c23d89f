import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getSurveyPublications } from "@/lib/anonymity/queries";
import { tallyResponses, type ResponseTally } from "@/lib/anonymity/surveys";
import { coalesce } from "@/lib/db/batching";
import { getDb, inTransaction, selectRows, type DbClient } from "@/lib/db/client";
import {
  questions,
  questionWordingChanges,
  responses,
  surveyLinks,
  surveys,
  teams,
  type Question,
  type Survey,
} from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { getWorkspaceSettings, listKnownDimensionKeys } from "@/lib/workspace/queries";
import { canTransition } from "./lifecycle";
import { newLinkToken } from "./link-token";
import { nextPeriod } from "@/lib/period";
import {
  questionInputSchema,
  type CreateSurveyInput,
  type NormalizedQuestion,
  type QuestionInput,
  type UpdateQuestionInput,
  type UpdateSurveyInput,
} from "./schemas";
import { copyQuestions, isWordingChange, keptKeyKindConflict, templateQuestions } from "./survey-copy";
import { getTemplate } from "./templates";
import { fieldErrorsOf } from "@/lib/api/http";

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

async function requireSurvey(client: DbClient, id: string): Promise<Survey> {
  // Row lock so concurrent edits of one survey's questions apply one after another.
  const [survey] = await client.select().from(surveys).where(eq(surveys.id, id)).for("update");
  if (!survey) throw notFound("Survey");
  return survey;
}

async function touch(client: DbClient, id: string) {
  await client.update(surveys).set({ updatedAt: new Date() }).where(eq(surveys.id, id));
}

export async function updateSurvey({ id, input }: { id: string; input: UpdateSurveyInput }): Promise<Survey> {
  const db = await getDb();
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
    return row;
  });
}

export async function changeSurveyStatus({ id, status }: { id: string; status: Survey["status"] }): Promise<Survey> {
  const db = await getDb();
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

/** The same key in the most recent other survey: its kind must be kept. */
async function findKeyElsewhere(client: DbClient, { key, surveyId }: { key: string; surveyId: string }) {
  const [row] = await client
    .select({ kind: questions.kind, period: surveys.period })
    .from(questions)
    .innerJoin(surveys, eq(surveys.id, questions.surveyId))
    .where(and(eq(questions.key, key), ne(questions.surveyId, surveyId)))
    .orderBy(desc(surveys.period), desc(surveys.createdAt))
    .limit(1);
  return row ?? null;
}

async function assertQuestionAllowed(client: DbClient, surveyId: string, q: NormalizedQuestion, ownId?: string) {
  const errors: Record<string, string[]> = {};
  const conflict = keptKeyKindConflict(await findKeyElsewhere(client, { key: q.key, surveyId }), q.kind);
  if (conflict) errors.kind = [conflict];
  const [sameKey] = await client
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.surveyId, surveyId), eq(questions.key, q.key)));
  if (sameKey && sameKey.id !== ownId) errors.key = ["Another question in this survey already uses this key"];
  if (q.dimension && !(await listKnownDimensionKeys(client)).includes(q.dimension))
    errors.dimension = ["Pick a dimension from the list"];
  const first = Object.values(errors)[0];
  if (first) throw new AppError("validation", first[0], errors);
}

function parseQuestion(input: QuestionInput): NormalizedQuestion {
  const result = questionInputSchema.safeParse(input);
  if (!result.success) {
    const fieldErrors = fieldErrorsOf(result.error);
    throw new AppError("validation", result.error.issues[0]?.message ?? "Invalid question", fieldErrors);
  }
  return result.data;
}

const draftOnly = (what: string) => new AppError("conflict", `${what} only while the survey is a draft`);

export async function addQuestion({ surveyId, input }: { surveyId: string; input: QuestionInput }): Promise<Question> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, surveyId);
    if (survey.status !== "draft") throw draftOnly("Questions can be added");
    const q = parseQuestion(input);
    await assertQuestionAllowed(tx, surveyId, q);
    const [{ next }] = await selectRows<{ next: number }>(
      tx,
      sql`select coalesce(max(${questions.position}) + 1, 0)::int as next from ${questions} where ${questions.surveyId} = ${surveyId}`,
    );
    const [row] = await tx
      .insert(questions)
      .values({ ...q, surveyId, position: Number(next) })
      .returning();
    await touch(tx, surveyId);
    return row;
  });
}

// Once a survey is out, its questions keep their meaning: only wording, help text and archiving change.
const LIVE_EDITABLE = new Set(["prompt", "helpText", "archived"]);

export async function updateQuestion({
  surveyId,
  questionId,
  input,
}: {
  surveyId: string;
  questionId: string;
  input: UpdateQuestionInput;
}): Promise<Question> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, surveyId);
    const [current] = await tx
      .select()
      .from(questions)
      .where(and(eq(questions.id, questionId), eq(questions.surveyId, surveyId)));
    if (!current) throw notFound("Question");
    const { archived, ...fields } = input;
    if (survey.status !== "draft") {
      const locked = Object.entries(input).filter(
        ([k, v]) => !LIVE_EDITABLE.has(k) && v !== undefined && (current as Record<string, unknown>)[k] !== v,
      );
      if (locked.length)
        throw new AppError(
          "conflict",
          "Once a survey is published only a question's wording and help text can change; archive it instead",
        );
    }
    const merged = parseQuestion({
      key: current.key,
      kind: current.kind,
      prompt: current.prompt,
      helpText: current.helpText,
      required: current.required,
      dimension: current.dimension,
      options: current.options,
      maxLength: current.maxLength,
      ...fields,
    });
    await assertQuestionAllowed(tx, surveyId, merged, questionId);
    if (isWordingChange(current.prompt, fields.prompt) && (await findKeyElsewhere(tx, { key: merged.key, surveyId }))) {
      await tx
        .insert(questionWordingChanges)
        .values({ questionId, previousPrompt: current.prompt, newPrompt: merged.prompt });
    }
    const archivedAt =
      archived === undefined ? current.archivedAt : archived ? (current.archivedAt ?? new Date()) : null;
    const [row] = await tx
      .update(questions)
      .set({ ...merged, archivedAt })
      .where(eq(questions.id, questionId))
      .returning();
    await touch(tx, surveyId);
    return row;
  });
}

export async function deleteQuestion({ surveyId, questionId }: { surveyId: string; questionId: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, surveyId);
    if ((await countSurveyResponses({ surveyId }, tx)) > 0) {
      throw new AppError(
        "conflict",
        "This survey already has responses, so its questions stay; archive the question instead",
      );
    }
    if (survey.status !== "draft") throw draftOnly("Questions can be deleted");
    const deleted = await tx
      .delete(questions)
      .where(and(eq(questions.id, questionId), eq(questions.surveyId, surveyId)))
      .returning({ id: questions.id });
    if (!deleted.length) throw notFound("Question");
    await touch(tx, surveyId);
  });
}

export async function reorderQuestions({ surveyId, questionIds }: { surveyId: string; questionIds: string[] }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const survey = await requireSurvey(tx, surveyId);
    if (survey.status !== "draft") throw draftOnly("Questions can be reordered");
    const existing = await tx.select({ id: questions.id }).from(questions).where(eq(questions.surveyId, surveyId));
    const ids = new Set(existing.map((q) => q.id));
    if (
      questionIds.length !== ids.size ||
      new Set(questionIds).size !== ids.size ||
      !questionIds.every((id) => ids.has(id))
    ) {
      throw new AppError("validation", "Send every question of the survey exactly once", {
        questionIds: ["Send every question of the survey exactly once"],
      });
    }
    for (const [position, id] of questionIds.entries()) {
      await tx.update(questions).set({ position }).where(eq(questions.id, id));
    }
    await touch(tx, surveyId);
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

// ── Links and live counts ────────────────────────────────────────────────────────────────────

export type SurveyLinkStats = {
  id: string;
  /** Only editors see link tokens: a viewer holding a team's link could pad its group with fake answers. */
  token: string | null;
  teamId: string | null;
  teamName: string | null;
  headcount: number | null;
  /** Responses through this link as the anonymity rules allow (null: fewer than k, or hidden to protect another group). */
  responses: ResponseTally;
  /** Responses ÷ headcount from the count shown, null without one. */
  responseRate: number | null;
};

/** A survey's links (id, token, team), for internal use: no counts. */
export async function listSurveyLinks({ surveyId }: { surveyId: string }, tx?: DbClient) {
  const db = tx ?? (await getDb());
  return db
    .select({ id: surveyLinks.id, token: surveyLinks.token, teamId: surveyLinks.teamId })
    .from(surveyLinks)
    .where(and(eq(surveyLinks.surveyId, surveyId), eq(surveyLinks.kind, "survey")))
    .orderBy(asc(surveyLinks.createdAt));
}

/**
 * Every link of a survey with the responses that came through it, as people may see them: a team link
 * counts the team's cell of the survey's publication decision (in steps of k while the survey collects).
 */
export async function getSurveyLinkStats({
  surveyId,
  showTokens,
}: {
  surveyId: string;
  showTokens: boolean;
}): Promise<{ links: SurveyLinkStats[]; total: ResponseTally }> {
  const db = await getDb();
  const [rows, survey, { k, surveys: published }] = await Promise.all([
    selectRows<{
      id: string;
      token: string;
      team_id: string | null;
      team_name: string | null;
      headcount: number | null;
    }>(
      db,
      sql`select l.id, l.token, l.team_id, t.name as team_name, t.headcount
          from ${surveyLinks} l left join ${teams} t on t.id = l.team_id
          where l.survey_id = ${surveyId} and l.kind = 'survey'
          order by (l.team_id is not null), t.name, l.created_at`,
    ),
    getSurveyById({ id: surveyId }, db),
    getSurveyPublications({ scope: { surveyId }, tx: db }),
  ]);
  const publication = published[0];
  const status = survey?.status ?? "draft";
  const cellTally = (cellId: string): ResponseTally => {
    const cell = publication?.cells.find((c) => c.id === cellId);
    if (!cell || !publication) return status === "closed" ? null : tallyResponses(0, status, k);
    if (publication.collecting) return tallyResponses(cell.n, status, k);
    return publication.publication.cells.get(cellId)?.shown ? { n: cell.n, atLeast: false } : null;
  };
  const links = rows.map((r) => {
    const headcount = r.headcount === null ? null : Number(r.headcount);
    const responses = cellTally(r.team_id ?? "");
    return {
      id: r.id,
      token: showTokens ? r.token : null,
      teamId: r.team_id,
      teamName: r.team_name,
      headcount,
      responses,
      responseRate: headcount && responses ? responses.n / headcount : null,
    };
  });
  return { links, total: tallyResponses(publication?.n ?? 0, status, k) };
}

/** Adds a link for each given team (or every active team) that has none for this survey yet. */
export async function createTeamLinks(
  { surveyId, teamIds }: { surveyId: string; teamIds?: string[] },
  client?: DbClient,
) {
  return inTransaction(client, async (tx) => {
    await requireSurvey(tx, surveyId);
    const candidates = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(
        teamIds
          ? inArray(teams.id, teamIds.length ? teamIds : ["00000000-0000-0000-0000-000000000000"])
          : isNull(teams.archivedAt),
      );
    if (teamIds && candidates.length !== new Set(teamIds).size)
      throw new AppError("validation", "Unknown team", { teamIds: ["Unknown team"] });
    const existing = await tx
      .select({ teamId: surveyLinks.teamId })
      .from(surveyLinks)
      .where(eq(surveyLinks.surveyId, surveyId));
    const have = new Set(existing.map((l) => l.teamId));
    const missing = candidates.filter((t) => !have.has(t.id));
    if (missing.length) {
      await tx
        .insert(surveyLinks)
        .values(missing.map((t) => ({ token: newLinkToken(), surveyId, teamId: t.id, kind: "survey" as const })));
    }
    return missing.length;
  });
}

export async function getSurveyLink({ surveyId, linkId }: { surveyId: string; linkId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ id: surveyLinks.id, token: surveyLinks.token, teamName: teams.name })
    .from(surveyLinks)
    .leftJoin(teams, eq(teams.id, surveyLinks.teamId))
    .where(and(eq(surveyLinks.id, linkId), eq(surveyLinks.surveyId, surveyId)));
  return row ?? null;
}

export type RespondentSurvey = {
  surveyId: string;
  teamId: string | null;
  teamName: string | null;
  survey: Pick<Survey, "id" | "title" | "intro" | "period" | "status" | "opensOn" | "closesOn">;
  questions: Pick<Question, "id" | "key" | "kind" | "prompt" | "helpText" | "required" | "options" | "maxLength">[];
};

/**
 * What a survey link opens: the survey and its active questions. Null for unknown or friction tokens.
 * Every submission in a quarterly burst starts here, so it is one round trip (questions aggregated
 * as JSON), and concurrent lookups of the same link share it: the result is shared, read-only.
 */
export function getRespondentSurvey({ token }: { token: string }): Promise<RespondentSurvey | null> {
  return lookupRespondentSurvey(token);
}

const lookupRespondentSurvey = coalesce(async (token: string): Promise<RespondentSurvey | null> => {
  const client = await getDb();
  const [row] = await selectRows<{
    survey_id: string;
    team_id: string | null;
    team_name: string | null;
    title: string;
    intro: string;
    period: string;
    status: Survey["status"];
    opens_on: string | null;
    closes_on: string | null;
    questions: RespondentSurvey["questions"];
  }>(
    client,
    sql`select l.survey_id, l.team_id, t.name as team_name, s.title, s.intro, s.period, s.status,
               s.opens_on::text as opens_on, s.closes_on::text as closes_on,
               coalesce((
                 select json_agg(json_build_object(
                          'id', q.id, 'key', q.key, 'kind', q.kind, 'prompt', q.prompt, 'helpText', q.help_text,
                          'required', q.required, 'options', q.options, 'maxLength', q.max_length)
                        order by q.position, q.created_at)
                 from questions q where q.survey_id = s.id and q.archived_at is null
               ), '[]'::json) as questions
        from survey_links l
        join surveys s on s.id = l.survey_id
        left join teams t on t.id = l.team_id
        where l.token = ${token} and l.kind = 'survey'`,
  );
  if (!row) return null;
  const questions =
    typeof row.questions === "string" ? (JSON.parse(row.questions) as RespondentSurvey["questions"]) : row.questions;
  return {
    surveyId: row.survey_id,
    teamId: row.team_id,
    teamName: row.team_name,
    survey: {
      id: row.survey_id,
      title: row.title,
      intro: row.intro,
      period: row.period,
      status: row.status,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
    },
    questions,
  };
});
