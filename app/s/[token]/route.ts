// GET /s/[token] — the public survey page as plain server-rendered HTML (no React runtime on the page)
import { z } from "zod";
import { route } from "@/lib/api/route";
import { describeForLog } from "@/lib/errors";
import { newPageKey } from "@/lib/responses/queries";
import { sendErrorMessage } from "@/lib/responses/send-errors";
import { respondentPageResponse, surveyFormPage, type RespondentPage } from "@/lib/responses/respondent-html";
import { surveyAvailability } from "@/lib/surveys/lifecycle";
import { todayIsoDate } from "@/lib/responses/submission-day";
import { getRespondentSurvey } from "@/lib/surveys/queries";
import { tokenParams } from "@/lib/surveys/schemas";
import { hasPublishedYouSaid } from "@/lib/you-said/queries";

export const dynamic = "force-dynamic";

async function pageFor(token: string, query: URLSearchParams): Promise<RespondentPage> {
  if (!tokenParams.safeParse({ token }).success) return { kind: "not_found" };
  const target = await getRespondentSurvey({ token });
  if (!target) return { kind: "not_found" };
  const { survey } = target;
  const availability = surveyAvailability(survey, todayIsoDate());
  if (availability === "closed") return { kind: "closed", title: survey.title };
  if (availability !== "open") return { kind: "not_open", title: survey.title, opensOn: survey.opensOn };
  if (target.inviteOnly) return { kind: "invite_only", title: survey.title, teamName: target.teamName };
  // The no-JavaScript path lands here after posting the form (see ./submit/route.ts).
  if (query.get("sent") === "1") return { kind: "thanks" };
  // A link, not the survey: if this lookup fails, the form still opens without it.
  const youSaid = await hasPublishedYouSaid().catch(() => false);
  return surveyFormPage(
    token,
    target,
    {
      // A fresh random key per page load: a retried send of this page counts once.
      idempotencyKey: newPageKey(),
      sendError: sendErrorMessage(
        query,
        target.questions.map((q) => q.prompt),
      ),
    },
    youSaid,
  );
}

export const GET = route({ access: "public", params: z.object({ token: z.string() }) }, async ({ params, request }) => {
  let page: RespondentPage;
  try {
    page = await pageFor(params.token, new URL(request.url).searchParams);
  } catch (error) {
    console.error(`[s] survey page failed: ${describeForLog(error)}`);
    page = { kind: "unavailable" };
  }
  return respondentPageResponse(page);
});
