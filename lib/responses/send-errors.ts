// Why a survey form posted without JavaScript was refused, carried back to the page in the redirect
// as a code (?error=validation&question=3), never as text: the page is reached by anyone holding a
// link, and a message taken from the URL would let a third party put their words ("your session
// expired, sign in at …") on the real survey page. The page shows only the fixed messages below,
// naming the question from the survey's own definition.
import type { ErrorCode, FieldErrors } from "@/lib/errors";

const MESSAGES = {
  validation:
    "Your answers were not sent: an answer is missing or not accepted. Please check your answers and send again.",
  bad_request: "Your answers could not be read. Please send the form again.",
  payload_too_large: "Your answers were too long to send. Please shorten the longest one and send again.",
  rate_limited: "Too many answers were sent from here in the last minute. Please wait a minute and send again.",
  conflict: "This survey is not taking answers right now. Please try again later.",
  gone: "This survey has closed and no longer takes answers.",
  unavailable: "Your answers were not sent because of a problem on our side. Please send them again in a moment.",
} as const satisfies Partial<Record<ErrorCode, string>>;

export type SendErrorCode = keyof typeof MESSAGES;

export function sendErrorCode(code: ErrorCode): SendErrorCode {
  return code in MESSAGES ? (code as SendErrorCode) : "bad_request";
}

/** The redirect's query: the code, and for a refused answer the question's position (0-based). */
export function sendErrorQuery(code: ErrorCode, questionIndex?: number): string {
  const query = new URLSearchParams({ error: sendErrorCode(code) });
  if (code === "validation" && questionIndex !== undefined) query.set("question", String(questionIndex));
  return query.toString();
}

/** The fixed message for a code. */
export function sendErrorText(code: SendErrorCode): string {
  return MESSAGES[code];
}

/** The fixed message for a code from the URL (null for anything unknown), naming the question by its prompt. */
export function sendErrorMessage(query: URLSearchParams, prompts: readonly string[]): string | null {
  const code = query.get("error");
  if (!code || !Object.hasOwn(MESSAGES, code)) return null;
  const message: string = MESSAGES[code as SendErrorCode];
  const index = query.get("question");
  const prompt =
    code === "validation" && index !== null && /^\d{1,3}$/.test(index) ? prompts[Number(index)] : undefined;
  return prompt ? `Your answers were not sent: please check your answer to “${prompt}” and send again.` : message;
}

/** Question id → why its answer was refused. */
export type QuestionErrors = Record<string, string>;

/**
 * The validator's field errors ("answers.3.value": [...]) as one message per question, for a form
 * read with readSurveyForm: it sends one answer per question in question order, so index 3 is the
 * fourth question. The messages are the validator's own fixed words, never the posted text.
 */
export function questionErrors(
  fieldErrors: FieldErrors | undefined,
  questions: readonly { id: string }[],
): QuestionErrors {
  const errors: QuestionErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const index = /^answers\.(\d+)\./.exec(path)?.[1];
    const question = index === undefined ? undefined : questions[Number(index)];
    if (question && messages?.[0] && !errors[question.id]) errors[question.id] = messages[0];
  }
  return errors;
}
