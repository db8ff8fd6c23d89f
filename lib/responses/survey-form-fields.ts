import type { QuestionKind } from "@/lib/db/schema";

// The names of the fields the public forms post without JavaScript, in one place: the form
// components (components/responses) write them, the routes that receive the posts read them here.
// public/respondent.js never spells them: it reads the question ids from data-question attributes
// and sends JSON.

export const IDEMPOTENCY_KEY_FIELD = "idempotencyKey";
export const FRICTION_TEXT_FIELD = "text";

/** The form field of one question's answer (a radio group, the checkboxes of one question, a textarea). */
export function answerFieldName(questionId: string): string {
  return `q_${questionId}`;
}

export type PostedAnswer = { questionId: string; value: string | number | string[] | null };

/**
 * A posted survey form as the JSON submission the script would have sent: one answer per question in
 * question order (so a field error "answers.3.value" names the fourth question), an unanswered one as
 * null, scale answers as numbers. Validation is the submission schema's job, not this one's.
 */
export function readSurveyForm(
  form: URLSearchParams,
  questions: readonly { id: string; kind: QuestionKind }[],
): { idempotencyKey: string; answers: PostedAnswer[] } {
  const answers = questions.map(({ id, kind }): PostedAnswer => {
    const name = answerFieldName(id);
    if (kind === "multiple_choice") return { questionId: id, value: form.getAll(name) };
    const raw = form.get(name);
    if (raw === null || raw === "") return { questionId: id, value: null };
    return { questionId: id, value: kind === "likert" || kind === "nps" ? Number(raw) : raw };
  });
  return { idempotencyKey: form.get(IDEMPOTENCY_KEY_FIELD) ?? "", answers };
}

/** Each question's answer as posted (question id → the raw values), to fill a refused form back in. */
export type PostedValues = Record<string, string[]>;

/**
 * What a refused form showed, field by field, so the page sent back keeps every answer: radio and
 * checkbox values as posted (only those matching an option come back checked), a text as typed.
 */
export function readPostedValues(form: URLSearchParams, questions: readonly { id: string }[]): PostedValues {
  const values: PostedValues = {};
  for (const { id } of questions) {
    const posted = form.getAll(answerFieldName(id));
    if (posted.length) values[id] = posted;
  }
  return values;
}

/** A posted friction report; an empty or missing key is null, so the page keeps its own. */
export function readFrictionForm(form: URLSearchParams): { text: string; idempotencyKey: string | null } {
  return { text: form.get(FRICTION_TEXT_FIELD) ?? "", idempotencyKey: form.get(IDEMPOTENCY_KEY_FIELD) || null };
}
