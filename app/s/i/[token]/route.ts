// GET /s/i/[token] — one person's invitation: the survey page, until the invitation has been used
import { z } from "zod";
import { route } from "@/lib/api/route";
import { describeForLog } from "@/lib/errors";
import { getInviteTarget } from "@/lib/invites/queries";
import { inviteTokenParams } from "@/lib/invites/schemas";
import { newPageKey } from "@/lib/responses/queries";
import { sendErrorMessage } from "@/lib/responses/send-errors";
import { respondentPageResponse, surveyFormPage, type RespondentPage } from "@/lib/responses/respondent-html";
import { surveyAvailability } from "@/lib/surveys/lifecycle";
import { todayIsoDate } from "@/lib/responses/submission-day";

export const dynamic = "force-dynamic";

async function pageFor(token: string, query: URLSearchParams): Promise<RespondentPage> {
  if (!inviteTokenParams.safeParse({ token }).success) return { kind: "invite_not_found" };
  const target = await getInviteTarget({ token });
  if (!target) return { kind: "invite_not_found" };
  // The no-JavaScript path lands here after posting the form, when the invitation has just been used.
  if (query.get("sent") === "1") return { kind: "thanks" };
  const { survey } = target;
  const availability = surveyAvailability(survey, todayIsoDate());
  if (availability === "closed") return { kind: "closed", title: survey.title };
  if (target.used) return { kind: "invite_used" };
  if (availability !== "open") return { kind: "not_open", title: survey.title, opensOn: survey.opensOn };
  return surveyFormPage(token, target, {
    invite: true,
    idempotencyKey: newPageKey(),
    sendError: sendErrorMessage(
      query,
      target.questions.map((q) => q.prompt),
    ),
  });
}

export const GET = route({ access: "public", params: z.object({ token: z.string() }) }, async ({ params, request }) => {
  let page: RespondentPage;
  try {
    page = await pageFor(params.token, new URL(request.url).searchParams);
  } catch (error) {
    console.error(`[s/i] invitation page failed: ${describeForLog(error)}`);
    page = { kind: "unavailable" };
  }
  return respondentPageResponse(page);
});
