import "server-only";
import { clientAddress } from "@/lib/api/client-address";
import { readUrlEncodedForm } from "@/lib/api/capped-body";
import { errorResponse } from "@/lib/api/route";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { getInviteTarget } from "@/lib/invites/queries";
import { getRespondentSurvey, type RespondentSurvey } from "@/lib/surveys/queries";
import { newPageKey } from "./queries";
import { respondentPageResponse, surveyFormPage } from "./respondent-html";
import { questionErrors, sendErrorQuery, sendErrorText } from "./send-errors";
import { idempotencyKeySchema } from "./submission-schema";
import { acceptInviteSubmission, acceptSubmission, SUBMISSION_MAX_BODY_BYTES } from "./submit";
import { readPostedValues, readSurveyForm } from "./survey-form-fields";

/**
 * The survey form posted without JavaScript, through a shared link (/s/<token>/submit) or an invitation
 * (/s/i/<token>/submit): redirects to the thank-you view, or shows the form again with every answer
 * kept and every refused one named.
 */
export async function postSurveyForm(request: Request, token: string, invite: boolean): Promise<Response> {
  const page = `/s/${invite ? "i/" : ""}${token}`;
  const back = (query: string, headers: Record<string, string> = {}) =>
    new Response(null, { status: 303, headers: { Location: `${page}?${query}`, ...headers } });
  let read: { form: URLSearchParams; target: RespondentSurvey; idempotencyKey: string } | null = null;
  try {
    const form = await readUrlEncodedForm(
      request,
      SUBMISSION_MAX_BODY_BYTES,
      () => new AppError("payload_too_large", "The form is too large"),
    );
    const target = invite ? await getInviteTarget({ token }) : await getRespondentSurvey({ token });
    if (!target) throw new AppError("not_found", "This survey link does not exist");
    const body = readSurveyForm(form, target.questions);
    read = { form, target, idempotencyKey: body.idempotencyKey };
    const accept = invite ? acceptInviteSubmission : acceptSubmission;
    await accept({ token, body, client: clientAddress(request) });
    return back("sent=1");
  } catch (error) {
    if (error instanceof AppError && error.code === "validation" && read) {
      // Shown again in this response, never stored or logged: the answers exist only in the page sent back.
      // The same key, so sending the corrected form after a send that did arrive still counts once.
      const { form, target, idempotencyKey } = read;
      const keyIsValid = idempotencyKeySchema.safeParse(idempotencyKey).success;
      return respondentPageResponse(
        surveyFormPage(token, target, {
          invite,
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
}
