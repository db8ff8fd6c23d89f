// GET /api/s/[token] — the survey behind a public link · POST /api/s/[token] — submit an anonymous response
import { json, route } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { acceptSubmission, SUBMISSION_MAX_BODY_BYTES } from "@/lib/responses/submit";
import { z } from "zod";
import { surveyAvailability } from "@/lib/surveys/lifecycle";
import { todayIsoDate } from "@/lib/surveys/period";
import { getRespondentSurvey } from "@/lib/surveys/queries";
import { tokenParams } from "@/lib/surveys/schemas";


export const GET = route({ access: "public", params: tokenParams }, async ({ params }) => {
  const target = await getRespondentSurvey({ token: params.token });
  if (!target) throw new AppError("not_found", "This survey link does not exist");
  const { survey, questions, teamName } = target;
  return {
    survey: { title: survey.title, intro: survey.intro, period: survey.period, availability: surveyAvailability(survey, todayIsoDate()) },
    team: teamName,
    questions: questions.map(({ id, key, kind, prompt, helpText, required, options, maxLength }) => ({ id, key, kind, prompt, helpText, required, options, maxLength })),
  };
});

export const POST = route(
  // The body is only read as JSON here: acceptSubmission rate-limits first, then validates it against
  // the survey's own questions (submissionEnvelopeSchema + buildSubmissionSchema).
  { access: "public", params: tokenParams, body: z.unknown(), maxBodyBytes: SUBMISSION_MAX_BODY_BYTES },
  async ({ params, body, request }) => {
    const result = await acceptSubmission({ token: params.token, body, request });
    return json({ ok: true, duplicate: result.duplicate }, result.duplicate ? 200 : 201);
  },
);
