// POST /api/sign-in — the sign-in form's plain HTML post (works without JavaScript): checks the
// credentials like next-auth's credentials provider does, sets the session cookie and redirects.
// Not through route(): it reads a form, not JSON, and answers with redirects rather than JSON.
import { assertSameOrigin, errorResponse } from "@/lib/api/route";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { sessionSetCookie } from "@/lib/auth/session-cookie";
import { authorizeCredentials } from "@/lib/auth/sign-in";
import { signInAddress } from "@/lib/auth/sign-in-address";
import { AppError } from "@/lib/errors";

const MAX_FORM_BYTES = 4 * 1024;

export async function POST(request: Request) {
  let form: URLSearchParams;
  try {
    assertPostedFromOurPage(request);
    form = await readForm(request);
  } catch (error) {
    return errorResponse(error);
  }
  const callbackUrl = safeCallbackPath(form.get("callbackUrl"));
  const result = await authorizeCredentials(
    { email: form.get("email") ?? "", password: form.get("password") ?? "" },
    { address: signInAddress(request) },
  );
  if (!result.ok) {
    return seeOther(`/sign-in?${new URLSearchParams({ error: result.error, callbackUrl })}`);
  }
  return seeOther(callbackUrl, { "Set-Cookie": await sessionSetCookie(result.user) });
}

// Login CSRF: another site must not sign a visitor into an account of its choosing. Under our
// Referrer-Policy: no-referrer, browsers send `Origin: null` with a form post, so Sec-Fetch-Site
// (which every current browser sends) decides; without it, the usual Origin check applies.
function assertPostedFromOurPage(request: Request) {
  const site = request.headers.get("sec-fetch-site");
  if (site === null) return assertSameOrigin(request);
  if (site !== "same-origin") throw new AppError("forbidden", "Cross-site request refused");
}

function seeOther(location: string, headers: Record<string, string> = {}) {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", ...headers } });
}

async function readForm(request: Request): Promise<URLSearchParams> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    throw new AppError("bad_request", "Send the form as application/x-www-form-urlencoded");
  }
  if (Number(request.headers.get("content-length") ?? "0") > MAX_FORM_BYTES)
    throw new AppError("payload_too_large", "The form is too large");
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FORM_BYTES) {
      await reader.cancel().catch(() => {});
      throw new AppError("payload_too_large", "The form is too large");
    }
    chunks.push(value);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}
