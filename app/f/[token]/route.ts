// GET /f/[token] — the friction log page (plain HTML, no script) · POST /f/[token] — the form posted; redirects to thanks
import { z } from "zod";
import { clientAddress } from "@/lib/api/client-address";
import { fieldErrorsOf } from "@/lib/api/http";
import { readUrlEncodedForm } from "@/lib/api/capped-body";
import { route } from "@/lib/api/route";
import { AppError, describeForLog } from "@/lib/errors";
import { renderFrictionPage, type FrictionPage } from "@/lib/responses/respondent-html";
import { addFrictionEntry, getFrictionLink, newPageKey } from "@/lib/responses/queries";
import { takeSubmissionSlot } from "@/lib/responses/submit";
import { frictionSchema, idempotencyKeySchema } from "@/lib/responses/submission-schema";
import { readFrictionForm } from "@/lib/responses/survey-form-fields";
import { tokenParams } from "@/lib/surveys/schemas";

export const dynamic = "force-dynamic";

const MAX_FORM_BYTES = 8 * 1024;
const anyToken = z.object({ token: z.string() });

async function html(page: FrictionPage) {
  const { status, html } = await renderFrictionPage(page);
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

async function findLink(token: string) {
  return tokenParams.safeParse({ token }).success ? getFrictionLink({ token }) : null;
}

export const GET = route({ access: "public", params: anyToken }, async ({ params, request }) => {
  try {
    const link = await findLink(params.token);
    if (!link) return html({ kind: "not_found" });
    if (new URL(request.url).searchParams.get("sent") === "1") return html({ kind: "thanks", token: params.token });
    return html({
      kind: "form",
      token: params.token,
      idempotencyKey: newPageKey(),
      teamName: link.teamName,
      text: "",
      error: null,
    });
  } catch (error) {
    console.error(`[f] friction page failed: ${describeForLog(error)}`);
    return html({ kind: "unavailable" });
  }
});

export const POST = route({ access: "public", params: anyToken }, async ({ params, request }) => {
  let text = "";
  let idempotencyKey = newPageKey();
  try {
    const link = await findLink(params.token);
    if (!link) return html({ kind: "not_found" });
    try {
      const form = readFrictionForm(
        await readUrlEncodedForm(
          request,
          MAX_FORM_BYTES,
          () => new AppError("payload_too_large", "Keep it to one or two sentences (under 500 characters)"),
        ),
      );
      text = form.text;
      idempotencyKey = form.idempotencyKey ?? idempotencyKey;
      const parsed = frictionSchema.safeParse({ text, idempotencyKey });
      if (!parsed.success)
        throw new AppError(
          "validation",
          parsed.error.issues[0]?.message ?? "Describe what slowed you down",
          fieldErrorsOf(parsed.error),
        );
      takeSubmissionSlot(`friction:${params.token}`, clientAddress(request));
      await addFrictionEntry({
        teamId: link.teamId,
        text: parsed.data.text,
        idempotencyKey: parsed.data.idempotencyKey,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Shown again with the text and its key kept, and the reason next to the field.
      const safeKey = idempotencyKeySchema.safeParse(idempotencyKey).success ? idempotencyKey : newPageKey();
      const page = await html({
        kind: "form",
        token: params.token,
        idempotencyKey: safeKey,
        teamName: link.teamName,
        text: text.slice(0, 500),
        error: error.fieldErrors?.text?.[0] ?? error.message,
      });
      if (error.code === "validation") return page;
      const headers = new Headers(page.headers);
      // The rest of an over-cap body is never read: close the connection instead of waiting for it.
      if (error.code === "payload_too_large") headers.set("Connection", "close");
      return new Response(page.body, { status: error.status, headers });
    }
  } catch (error) {
    console.error(`[f] friction report failed: ${describeForLog(error)}`);
    return html({ kind: "unavailable" });
  }
  // Post/redirect/get: reloading the thank-you page does not file the report twice.
  return new Response(null, { status: 303, headers: { Location: `/f/${encodeURIComponent(params.token)}?sent=1` } });
});
