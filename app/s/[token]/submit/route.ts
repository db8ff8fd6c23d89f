// POST /s/[token]/submit — the survey form posted without JavaScript; redirects to the thank-you or error view
import { clientAddress } from "@/lib/api/client-address";
import { readUrlEncodedForm } from "@/lib/api/capped-body";
import { errorResponse, route } from "@/lib/api/route";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { sendErrorQuery } from "@/lib/responses/send-errors";
import { acceptSubmission, SUBMISSION_MAX_BODY_BYTES } from "@/lib/responses/submit";
import { readSurveyForm } from "@/lib/responses/survey-form-fields";
import { getRespondentSurvey } from "@/lib/surveys/queries";
import { tokenParams } from "@/lib/surveys/schemas";

export const POST = route({ access: "public", params: tokenParams }, async ({ params, request }) => {
  const back = (query: string, headers: Record<string, string> = {}) =>
    new Response(null, { status: 303, headers: { Location: `/s/${params.token}?${query}`, ...headers } });
  try {
    const form = await readUrlEncodedForm(
      request,
      SUBMISSION_MAX_BODY_BYTES,
      () => new AppError("payload_too_large", "The form is too large"),
    );
    const target = await getRespondentSurvey({ token: params.token });
    if (!target) throw new AppError("not_found", "This survey link does not exist");
    await acceptSubmission({
      token: params.token,
      body: readSurveyForm(form, target.questions),
      client: clientAddress(request),
    });
    return back("sent=1");
  } catch (error) {
    if (error instanceof AppError && error.code !== "not_found") {
      // Answers were sent in question order, so "answers.3.value" names the fourth question.
      const path = Object.keys(error.fieldErrors ?? {})[0];
      const index = /^answers\.(\d+)\./.exec(path ?? "")?.[1];
      const closing: Record<string, string> = error.code === "payload_too_large" ? { Connection: "close" } : {};
      return back(sendErrorQuery(error.code, index === undefined ? undefined : Number(index)), closing);
    }
    if (isDatabaseUnavailable(error)) return back(sendErrorQuery("unavailable"));
    return errorResponse(error);
  }
});
