import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { selectRows, type DbClient } from "@/lib/db/client";
import { questions, surveys } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { hiddenAs, requestOf, surveyViewGroup } from "../groups";
import {
  questionMeta,
  shapeQuestionResults,
  type AnsweredRow,
  type BucketRow,
  type RewordingRow,
} from "../question-results";
import type { CommentsQuery, SurveyResultsQuery } from "../schemas";
import type { CommentsPage, SurveyResults } from "../types";
import { analyticsSql, cellOf, context, inList, publications, surveyPublication } from "./aggregates";
import { surveyFilterNotice } from "./notice";

// One survey's results: each question's distribution (shaped in ../question-results.ts), its comments,
// and the list of surveys with results.

/** Each question's answer distribution for one survey, for everyone or for a team or adoption group. */
export async function getSurveyResults({
  surveyId,
  query,
  tx,
}: {
  surveyId: string;
  query: SurveyResultsQuery;
  tx?: DbClient;
}): Promise<SurveyResults> {
  const { db, k } = await context(tx);
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, surveyId));
  if (!survey) throw notFound("Survey");
  const [publication, questionRows, rewordings] = await Promise.all([
    surveyPublication(db, surveyId, k),
    db.select().from(questions).where(eq(questions.surveyId, surveyId)).orderBy(asc(questions.position)),
    // Rewordings of this survey's question keys up to its quarter: their trend compares different wordings.
    selectRows<RewordingRow>(
      db,
      sql`select q.key, s.period, c.previous_prompt
          from question_wording_changes c join questions q on q.id = c.question_id join surveys s on s.id = q.survey_id
          where s.period <= ${survey.period} and q.key in (select key from questions where survey_id = ${surveyId})
          order by c.changed_at`,
    ),
  ]);
  const request = requestOf(query);
  const base = {
    k,
    ...(await surveyFilterNotice(db, publication, request)),
    survey: { id: survey.id, title: survey.title, period: survey.period, status: survey.status },
  };
  const group = surveyViewGroup(publication, request, survey.status);
  if (group.hidden) {
    return {
      ...base,
      total: hiddenAs(group),
      questions: questionRows.map((q) => ({ ...questionMeta(q, rewordings), result: hiddenAs(group) })),
    };
  }

  const [buckets, answered] = await Promise.all([
    selectRows<BucketRow>(db, analyticsSql.buckets(surveyId)),
    selectRows<AnsweredRow>(db, analyticsSql.answered(surveyId)),
  ]);
  return {
    ...base,
    total: { hidden: false, n: group.n },
    questions: shapeQuestionResults(questionRows, { buckets, answered, rewordings }, group.cells),
  };
}

const COMMENTS_PAGE = 50;
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Free-text answers of one question for a published group, searchable. No order by time. */
export async function getComments({
  surveyId,
  query,
  tx,
}: {
  surveyId: string;
  query: CommentsQuery;
  tx?: DbClient;
}): Promise<CommentsPage> {
  const { db, k } = await context(tx);
  const [question] = await db.select().from(questions).where(eq(questions.id, query.question));
  if (!question || question.surveyId !== surveyId || question.kind !== "free_text") throw notFound("Question");
  const [survey] = await db.select({ status: surveys.status }).from(surveys).where(eq(surveys.id, surveyId));
  const publication = await surveyPublication(db, surveyId, k);
  const group = surveyViewGroup(publication, requestOf(query), survey?.status);
  if (group.hidden) return { k, comments: hiddenAs(group) };

  const cells = [...group.cells];
  const search = query.q ? sql`and a.text_value ilike ${likePattern(query.q)}` : sql``;
  const offset = query.offset ?? 0;
  const rows = await selectRows<{ text: string; total: number }>(
    db,
    sql`select a.text_value as text, count(*) over ()::int as total
      from responses r join answers a on a.response_id = r.id
      where r.survey_id = ${surveyId} and ${cellOf} in (${inList(cells)})
        and a.question_id = ${query.question} and nullif(btrim(a.text_value), '') is not null ${search}
      order by md5(a.id::text)
      limit ${COMMENTS_PAGE} offset ${offset}`,
  );
  return {
    k,
    comments: {
      hidden: false,
      items: rows.map((r) => r.text),
      total: rows[0]?.total ?? 0,
      offset,
      pageSize: COMMENTS_PAGE,
    },
  };
}

/** Surveys that have responses, newest first, with the response total (hidden under k, or while collecting). */
export async function listSurveysWithResults({ tx }: { tx?: DbClient } = {}) {
  const { db, k } = await context(tx);
  const all = await publications(db, {}, k);
  const rows = all
    .map((s) => {
      const base = { id: s.surveyId, title: s.title, period: s.period, status: s.status };
      const total = s.publication.total;
      return total.shown
        ? { ...base, hidden: false as const, responses: s.n }
        : { ...base, hidden: true as const, reason: total.reason };
    })
    .sort((a, b) => b.period.localeCompare(a.period));
  return { k, surveys: rows };
}
