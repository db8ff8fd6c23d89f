// GET /api/s/i/[token] — the survey behind one person's invitation · POST — submit its one anonymous response
// A Pages Router route beside /api/s/[token], for the same reason (see lib/api/node-route.ts).
import { z } from "zod";
import { nodeRoute, nodeRoutes, reply } from "@/lib/api/node-route";
import { AppError } from "@/lib/errors";
import { getInviteTarget } from "@/lib/invites/queries";
import { inviteTokenParams } from "@/lib/invites/schemas";
import {
  acceptInviteSubmission,
  INVITE_NOT_FOUND_MESSAGE,
  INVITE_USED_MESSAGE,
  SUBMISSION_MAX_BODY_BYTES,
} from "@/lib/responses/submit";
import { respondentSurveyReply } from "@/lib/responses/respondent-reply";

export const config = { api: { bodyParser: false, externalResolver: true } };

const params = z.object({ token: z.string() });

export default nodeRoutes({
  GET: nodeRoute({ access: "public", params }, async ({ params }) => {
    const target = inviteTokenParams.safeParse(params).success ? await getInviteTarget({ token: params.token }) : null;
    if (!target) throw new AppError("not_found", INVITE_NOT_FOUND_MESSAGE);
    if (target.used) throw new AppError("gone", INVITE_USED_MESSAGE);
    return respondentSurveyReply(target);
  }),
  // Rate-limited first, then validated against the survey's own questions; stored only if this use marks the invitation used.
  POST: nodeRoute(
    { access: "public", params, body: z.unknown(), maxBodyBytes: SUBMISSION_MAX_BODY_BYTES },
    async ({ params, body, client }) => {
      const result = await acceptInviteSubmission({ token: params.token, body, client });
      return reply({ ok: true, duplicate: result.duplicate }, result.duplicate ? 200 : 201);
    },
  ),
});
