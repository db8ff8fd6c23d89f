// GET /api/s/[token] — the survey behind a public link · POST /api/s/[token] — submit an anonymous response
// The one Pages Router route: a quarterly burst of answers lands here (see lib/api/node-route.ts).
import { z } from "zod";
import { nodeRoute, nodeRoutes, reply } from "@/lib/api/node-route";
import { AppError } from "@/lib/errors";
import { respondentSurveyReply } from "@/lib/responses/respondent-reply";
import { acceptSubmission, INVITE_ONLY_MESSAGE, SUBMISSION_MAX_BODY_BYTES } from "@/lib/responses/submit";
import { getRespondentSurvey } from "@/lib/surveys/queries";
import { tokenParams } from "@/lib/surveys/schemas";

// The body is read by lib/api/node-route.ts (size cap, JSON) and validated by acceptSubmission.
export const config = { api: { bodyParser: false, externalResolver: true } };

export default nodeRoutes({
  GET: nodeRoute({ access: "public", params: tokenParams }, async ({ params }) => {
    const target = await getRespondentSurvey({ token: params.token });
    if (!target) throw new AppError("not_found", "This survey link does not exist");
    if (target.inviteOnly) throw new AppError("forbidden", INVITE_ONLY_MESSAGE);
    return respondentSurveyReply(target);
  }),
  // Rate-limited first, then validated against the survey's own questions (submissionEnvelopeSchema + buildSubmissionSchema).
  POST: nodeRoute(
    { access: "public", params: tokenParams, body: z.unknown(), maxBodyBytes: SUBMISSION_MAX_BODY_BYTES },
    async ({ params, body, client }) => {
      const result = await acceptSubmission({ token: params.token, body, client });
      return reply({ ok: true, duplicate: result.duplicate }, result.duplicate ? 200 : 201);
    },
  ),
});
