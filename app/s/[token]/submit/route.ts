// POST /s/[token]/submit — the survey form posted without JavaScript; redirects to the thank-you or error view
import { clientAddress } from "@/lib/api/client-address";
import { errorResponse, readBodyText, route } from "@/lib/api/route";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { sendErrorQuery } from "@/lib/responses/send-errors";
import { acceptSubmission, SUBMISSION_MAX_BODY_BYTES } from "@/lib/responses/submit";
import { getRespondentSurvey } from "@/lib/surveys/queries";
import { tokenParams } from "@/lib/surveys/schemas";

async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded"))
    throw new AppError("bad_request", "Send the form as application/x-www-form-urlencoded");
  return new URLSearchParams(
    await readBodyText(
      request,
      SUBMISSION_MAX_BODY_BYTES,
      () => new AppError("payload_too_large", "The form is too large"),
    ),
  );
}

export const POST = route({ access: "public", params: tokenParams }, async ({ params, request }) => {
  const back = (query: string, headers: Record<string, string> = {}) =>
    new Response(null, { status: 303, headers: { Location: `/s/${params.token}?${query}`, ...headers } });
  try {
    const form = await readForm(request);
    const target = await getRespondentSurvey({ token: params.token });
    if (!target) throw new AppError("not_found", "This survey link does not exist");
    const answers = target.questions.map((q) => {
      const name = `q_${q.id}`;
      if (q.kind === "multiple_choice") return { questionId: q.id, value: form.getAll(name) };
      const raw = form.get(name);
      if (raw === null || raw === "") return { questionId: q.id, value: null };
      return { questionId: q.id, value: q.kind === "likert" || q.kind === "nps" ? Number(raw) : raw };
    });
    await acceptSubmission({
      token: params.token,
      body: { idempotencyKey: form.get("idempotencyKey") ?? "", answers },
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
