import "server-only";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { fieldErrorsOf } from "@/lib/api/http";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { surveyAvailability } from "@/lib/surveys/lifecycle";
import { todayIsoDate } from "./submission-day";
import { coalesce } from "@/lib/db/batching";
import { getInviteTarget } from "@/lib/invites/queries";
import { inviteTokenParams } from "@/lib/invites/schemas";
import { hashInviteToken } from "@/lib/invites/token";
import { getRespondentSurvey, type RespondentSurvey } from "@/lib/surveys/queries";
import { submitResponse } from "./queries";
import { buildSubmissionSchema, type QuestionDefinition } from "./submission-schema";

// One limiter per process, shared by every route bundle that imports this module. The client address
// (lib/api/client-address.ts) is part of the in-memory key only; it is never written anywhere. The
// per-link ceiling (50 clients' worth) caps a flood from many addresses; only requests within their
// own client's budget count towards it, so one client cannot use up a link and lock real
// respondents out: that takes 50 addresses (50 IPv6 /64s) sending at the full rate.
const limiters = ((
  globalThis as unknown as { __dxpSubmitLimiters?: ReturnType<typeof makeLimiters> }
).__dxpSubmitLimiters ??= makeLimiters());
function makeLimiters() {
  return {
    perClient: createRateLimiter({ limit: env.SUBMISSION_RATE_LIMIT, windowMs: 60_000 }),
    perLink: createRateLimiter({ limit: env.SUBMISSION_RATE_LIMIT * 50, windowMs: 60_000 }),
  };
}

/** Generous for a 5-minute survey (a few KB); a flood of huge bodies is cut off early. */
export const SUBMISSION_MAX_BODY_BYTES = 64 * 1024;

/** `client` is clientAddress(request). Throws rate_limited (429). */
export function takeSubmissionSlot(linkToken: string, client: string) {
  if (!limiters.perClient.take(`${linkToken}|${client}`)) {
    throw new AppError(
      "rate_limited",
      "Too many submissions from here in the last minute. Wait a minute and try again.",
    );
  }
  if (!limiters.perLink.take(linkToken)) {
    throw new AppError(
      "rate_limited",
      "This link is taking too many submissions right now. Wait a minute and try again.",
    );
  }
}

// Building a survey's validator costs more than running it. Submissions share the survey they were
// read with (recentSurveyBehindLink, below), so they share its validator too: one per read.
type Validator = ReturnType<typeof buildSubmissionSchema>;
const validators = new WeakMap<QuestionDefinition[], Validator>();
function validatorFor(questions: QuestionDefinition[]): Validator {
  let validator = validators.get(questions);
  if (!validator) validators.set(questions, (validator = buildSubmissionSchema(questions)));
  return validator;
}

// In a burst, the survey behind a link is read about once a second per process, and that copy may
// only accept a submission: every refusal is confirmed against a fresh read, and whether the survey
// takes answers is checked again by the statement that stores the response (storeResponses). So a
// survey closed, reopened or edited a moment ago is judged by its new state; the one thing a copy can
// still let through for up to a second is an answer to a question archived in that second.
const recentSurveyBehindLink = coalesce((token: string) => getRespondentSurvey({ token }), { reuseForMs: 1000 });

/** The message a shared link of an invite-only team answers with (403). */
export const INVITE_ONLY_MESSAGE =
  "This team answers by personal invitation: use the link in your invitation. This shared link takes no answers";

function check<T extends RespondentSurvey>(target: T | null, body: unknown) {
  if (!target) throw new AppError("not_found", "This survey link does not exist");
  if (target.inviteOnly) throw new AppError("forbidden", INVITE_ONLY_MESSAGE);
  const availability = surveyAvailability(target.survey, todayIsoDate());
  if (availability === "closed") throw new AppError("gone", "This survey is closed and no longer takes answers");
  if (availability !== "open") throw new AppError("conflict", "This survey is not open yet");
  const parsed = validatorFor(target.questions).safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError(
      "validation",
      first ? `${first.path.join(".")}: ${first.message}` : "Invalid submission",
      fieldErrorsOf(parsed.error),
    );
  }
  return { target, submission: parsed.data };
}

async function checkFresh(token: string, body: unknown) {
  recentSurveyBehindLink.forget(token);
  return check(await recentSurveyBehindLink(token), body);
}

/** Checks a submission against the survey behind the link and stores it once. */
export async function acceptSubmission({ token, body, client }: { token: string; body: unknown; client: string }) {
  takeSubmissionSlot(token, client);
  let checked;
  try {
    checked = check(await recentSurveyBehindLink(token), body);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    checked = await checkFresh(token, body);
  }
  const { target, submission } = checked;
  const stored = await submitResponse({
    surveyId: target.surveyId,
    teamId: target.teamId,
    idempotencyKey: submission.idempotencyKey,
    answers: submission.answers,
  });
  if (!stored) {
    // The survey stopped taking answers since it was read: say why, from a fresh read.
    await checkFresh(token, body);
    throw new AppError("conflict", "This survey is not taking answers right now; please try again");
  }
  return { duplicate: stored.duplicate, answerCount: submission.answers.length };
}

/**
 * Checks a submission through one person's invitation and stores it once: the statement that stores
 * the response also marks the invitation used, so a second use (or a concurrent one) stores nothing.
 * A retry of the same send (same idempotency key) is answered as a duplicate, not refused.
 */
export async function acceptInviteSubmission({
  token,
  body,
  client,
}: {
  token: string;
  body: unknown;
  client: string;
}) {
  takeSubmissionSlot(`invite:${hashInviteToken(token)}`, client);
  const { target, submission } = check(await readInvite(token), body);
  const stored = await submitResponse({
    surveyId: target.surveyId,
    teamId: target.teamId,
    idempotencyKey: submission.idempotencyKey,
    inviteToken: token,
    answers: submission.answers,
  });
  if (!stored) {
    // Say why from a fresh read: used meanwhile, or the survey stopped taking answers.
    const fresh = await readInvite(token);
    if (fresh?.used) throw new AppError("gone", INVITE_USED_MESSAGE);
    check(fresh, body);
    throw new AppError("conflict", "This survey is not taking answers right now; please try again");
  }
  return { duplicate: stored.duplicate, answerCount: submission.answers.length };
}

export const INVITE_USED_MESSAGE = "This invitation has already been used: each one takes one set of answers";
export const INVITE_NOT_FOUND_MESSAGE =
  "This invitation link does not exist; if you were sent more than one, only the latest works";

async function readInvite(token: string) {
  if (!inviteTokenParams.safeParse({ token }).success) throw new AppError("not_found", INVITE_NOT_FOUND_MESSAGE);
  const target = await getInviteTarget({ token });
  if (!target) throw new AppError("not_found", INVITE_NOT_FOUND_MESSAGE);
  return target;
}
