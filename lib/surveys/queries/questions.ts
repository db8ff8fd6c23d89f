import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { fieldErrorsOf } from "@/lib/api/http";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { questions, questionWordingChanges, surveys, type Question } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { listKnownDimensionKeys } from "@/lib/workspace/queries";
import { questionInputSchema, type NormalizedQuestion, type QuestionInput, type UpdateQuestionInput } from "../schemas";
import { isWordingChange, keptKeyKindConflict } from "../survey-copy";
import { requireSurvey, touch, countSurveyResponses } from "./surveys";

// Questions of a survey: add, edit (a rewording is recorded), archive or delete, reorder.

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
