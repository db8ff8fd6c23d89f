// Survey-result shaping: one survey's per-cell answer counts (queries/aggregates.ts) summed over the
// cells of a shown group and turned into each question's distribution, NPS, score or comment count. Pure.
import type { Question } from "@/lib/db/schema";
import { computeNps } from "./nps";
import type { QuestionResult } from "./types";

/** Answers per cell, question and value (a number as text, or a choice option id). */
export type BucketRow = { cell: string; question_id: string; bucket: string; count: number };
/** People who answered each question, per cell. */
export type AnsweredRow = { cell: string; question_id: string; n: number };
export type RewordingRow = { key: string; period: string; previous_prompt: string };

type QuestionFields = Pick<Question, "id" | "key" | "kind" | "prompt" | "dimension" | "options">;

/** A question as results list it, with the earlier wordings of its key. */
export function questionMeta(q: QuestionFields, rewordings: readonly RewordingRow[]): Omit<QuestionResult, "result"> {
  return {
    id: q.id,
    key: q.key,
    kind: q.kind,
    prompt: q.prompt,
    dimension: q.dimension,
    rewordings: rewordings
      .filter((r) => r.key === q.key)
      .map((r) => ({ period: r.period, previousPrompt: r.previous_prompt })),
  };
}

/** The values a question's distribution lists, in order: the scale, or the options as authored. */
function scaleOf(q: QuestionFields): { value: string; label: string }[] {
  if (q.kind === "likert") return ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }));
  if (q.kind === "nps") return Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));
  if (q.kind === "free_text") return [];
  return (q.options ?? []).map((o) => ({ value: o.id, label: o.label }));
}

/** Each question's result for the group made of `cells` (already decided publishable). */
export function shapeQuestionResults(
  questions: readonly QuestionFields[],
  rows: { buckets: readonly BucketRow[]; answered: readonly AnsweredRow[]; rewordings: readonly RewordingRow[] },
  cells: ReadonlySet<string>,
): QuestionResult[] {
  const answeredBy = new Map<string, number>();
  for (const r of rows.answered.filter((r) => cells.has(r.cell)))
    answeredBy.set(r.question_id, (answeredBy.get(r.question_id) ?? 0) + Number(r.n));
  const countsBy = new Map<string, Map<string, number>>();
  for (const b of rows.buckets.filter((r) => cells.has(r.cell))) {
    const m = countsBy.get(b.question_id) ?? countsBy.set(b.question_id, new Map()).get(b.question_id)!;
    m.set(b.bucket, (m.get(b.bucket) ?? 0) + Number(b.count));
  }

  return questions.map((q) => {
    const n = answeredBy.get(q.id) ?? 0;
    const counts = countsBy.get(q.id) ?? new Map<string, number>();
    const bucketsOut = scaleOf(q).map((s) => ({ ...s, count: counts.get(s.value) ?? 0 }));
    const result: Extract<QuestionResult["result"], { hidden: false }> = {
      hidden: false,
      answered: n,
      buckets: bucketsOut,
    };
    if (q.kind === "nps") {
      const c = (lo: number, hi: number) =>
        bucketsOut.filter((b) => +b.value >= lo && +b.value <= hi).reduce((s, b) => s + b.count, 0);
      result.nps = computeNps(c(9, 10), c(7, 8), c(0, 6));
    }
    if (q.kind === "likert") {
      const all = bucketsOut.reduce((s, b) => s + b.count, 0);
      const sum = bucketsOut.reduce((s, b) => s + Number(b.value) * b.count, 0);
      const fav = bucketsOut.filter((b) => +b.value >= 4).reduce((s, b) => s + b.count, 0);
      result.score = all ? { mean: sum / all, favorablePct: (fav / all) * 100 } : null;
    }
    if (q.kind === "free_text") result.comments = n;
    return { ...questionMeta(q, rows.rewordings), result };
  });
}
