// POST /api/sign-in — the sign-in form's plain HTML post (works without JavaScript): checks the
// credentials like next-auth's credentials provider does, sets the session cookie and redirects.
// Not through route(): it reads a form, not JSON, and answers with redirects rather than JSON.
import { readUrlEncodedForm } from "@/lib/api/capped-body";
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
    form = await readUrlEncodedForm(
      request,
      MAX_FORM_BYTES,
      () => new AppError("payload_too_large", "The form is too large"),
    );
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
