// POST /s/[token]/submit — the survey form posted without JavaScript; redirects to the thank-you or error view
import { clientAddress } from "@/lib/api/client-address";
import { errorResponse, route } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { acceptSubmission, SUBMISSION_MAX_BODY_BYTES } from "@/lib/responses/submit";
import { getRespondentSurvey } from "@/lib/surveys/queries";
import { tokenParams } from "@/lib/surveys/schemas";

async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded")) throw new AppError("bad_request", "Send the form as application/x-www-form-urlencoded");
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > SUBMISSION_MAX_BODY_BYTES) throw new AppError("payload_too_large", "The form is too large");
    chunks.push(chunk.value);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export const POST = route({ access: "public", params: tokenParams }, async ({ params, request }) => {
  const back = (query: string) => new Response(null, { status: 303, headers: { Location: `/s/${params.token}?${query}` } });
  let prompts: string[] = [];
  try {
    const form = await readForm(request);
    const target = await getRespondentSurvey({ token: params.token });
    if (!target) throw new AppError("not_found", "This survey link does not exist");
    prompts = target.questions.map((q) => q.prompt);
    const answers = target.questions.map((q) => {
      const name = `q_${q.id}`;
      if (q.kind === "multiple_choice") return { questionId: q.id, value: form.getAll(name) };
      const raw = form.get(name);
      if (raw === null || raw === "") return { questionId: q.id, value: null };
      return { questionId: q.id, value: q.kind === "likert" || q.kind === "nps" ? Number(raw) : raw };
    });
    await acceptSubmission({ token: params.token, body: { idempotencyKey: form.get("idempotencyKey") ?? "", answers }, client: clientAddress(request) });
    return back("sent=1");
  } catch (error) {
    if (error instanceof AppError && error.code !== "not_found") {
      // Answers were sent in question order, so "answers.3.value" names the fourth question.
      const [path, messages] = Object.entries(error.fieldErrors ?? {})[0] ?? [];
      const index = /^answers\.(\d+)\./.exec(path ?? "")?.[1];
      const where = index !== undefined && prompts[Number(index)] ? ` (“${prompts[Number(index)]}”)` : "";
      const detail = messages?.[0] ? `Your answers were not sent: ${messages[0]}${where}. Please answer again.` : error.message;
      return back(`error=${encodeURIComponent(error.code === "validation" ? detail : error.message)}`);
    }
    return errorResponse(error);
  }
});
