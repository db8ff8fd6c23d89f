// POST /s/[token]/submit — the survey form posted without JavaScript; redirects to the thank-you view, or
// shows the form again with every answer kept and every refused one named
import { clientAddress } from "@/lib/api/client-address";
import { readUrlEncodedForm } from "@/lib/api/capped-body";
import { errorResponse, route } from "@/lib/api/route";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { newPageKey } from "@/lib/responses/queries";
import { respondentPageResponse, surveyFormPage } from "@/lib/responses/respondent-html";
import { questionErrors, sendErrorQuery, sendErrorText } from "@/lib/responses/send-errors";
import { idempotencyKeySchema } from "@/lib/responses/submission-schema";
import { acceptSubmission, SUBMISSION_MAX_BODY_BYTES } from "@/lib/responses/submit";
import { readPostedValues, readSurveyForm } from "@/lib/responses/survey-form-fields";
import { getRespondentSurvey, type RespondentSurvey } from "@/lib/surveys/queries";
import { tokenParams } from "@/lib/surveys/schemas";

export const POST = route({ access: "public", params: tokenParams }, async ({ params, request }) => {
  const back = (query: string, headers: Record<string, string> = {}) =>
    new Response(null, { status: 303, headers: { Location: `/s/${params.token}?${query}`, ...headers } });
  let read: { form: URLSearchParams; target: RespondentSurvey; idempotencyKey: string } | null = null;
  try {
    const form = await readUrlEncodedForm(
      request,
      SUBMISSION_MAX_BODY_BYTES,
      () => new AppError("payload_too_large", "The form is too large"),
    );
    const target = await getRespondentSurvey({ token: params.token });
    if (!target) throw new AppError("not_found", "This survey link does not exist");
    const body = readSurveyForm(form, target.questions);
    read = { form, target, idempotencyKey: body.idempotencyKey };
    await acceptSubmission({ token: params.token, body, client: clientAddress(request) });
    return back("sent=1");
  } catch (error) {
    if (error instanceof AppError && error.code === "validation" && read) {
      // Shown again in this response, never stored or logged: the answers exist only in the page sent back.
      // The same key, so sending the corrected form after a send that did arrive still counts once.
      const { form, target, idempotencyKey } = read;
      const keyIsValid = idempotencyKeySchema.safeParse(idempotencyKey).success;
      return respondentPageResponse(
        surveyFormPage(params.token, target, {
          idempotencyKey: keyIsValid ? idempotencyKey : newPageKey(),
          sendError: sendErrorText("validation"),
          refused: {
            values: readPostedValues(form, target.questions),
            errors: questionErrors(error.fieldErrors, target.questions),
          },
        }),
      );
    }
    if (error instanceof AppError && error.code !== "not_found") {
      const closing: Record<string, string> = error.code === "payload_too_large" ? { Connection: "close" } : {};
      return back(sendErrorQuery(error.code), closing);
    }
    if (isDatabaseUnavailable(error)) return back(sendErrorQuery("unavailable"));
    return errorResponse(error);
  }
});
