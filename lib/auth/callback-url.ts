// Where to send someone after signing in. Only a path on this site is accepted: anything that a
// browser could resolve to another origin ("//evil.example", "/\evil.example", "https://evil.example",
// or the same hidden behind percent-encoding) falls back to the dashboard. Used by the sign-in page,
// the form post (app/api/sign-in) and next-auth's redirect callback.
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

/** Set by proxy.ts on page requests: the path and query asked for, so sign-in can return there. */
export const REQUESTED_PATH_HEADER = "x-dxpulse-requested-path";

/** The sign-in page, returning to `requested` afterwards when that is a path on this site. */
export function signInPathFor(requested: string | null | undefined): string {
  const callbackUrl = safeCallbackPath(requested);
  return callbackUrl === DEFAULT_AFTER_SIGN_IN ? "/sign-in" : `/sign-in?${new URLSearchParams({ callbackUrl })}`;
}

// Resolving against a placeholder origin tells us whether a browser would leave the site.
const PROBE_ORIGIN = "https://dxpulse.invalid";

export function safeCallbackPath(raw: unknown, siteOrigin?: string): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return DEFAULT_AFTER_SIGN_IN;
  let candidate = raw;
  // next-auth hands the redirect callback absolute URLs of our own origin; keep only their path.
  if (siteOrigin && !candidate.startsWith("/")) {
    try {
      const url = new URL(candidate);
      if (url.origin !== new URL(siteOrigin).origin) return DEFAULT_AFTER_SIGN_IN;
      candidate = url.pathname + url.search + url.hash;
    } catch {
      return DEFAULT_AFTER_SIGN_IN;
    }
  }
  if (!isLocalPath(candidate)) return DEFAULT_AFTER_SIGN_IN;
  // A proxy or a later decode could turn %2F%2F or %5C into the real thing: judge every decoding.
  let decoded = candidate;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return DEFAULT_AFTER_SIGN_IN;
    }
    if (next === decoded) break;
    if (!isLocalPath(next)) return DEFAULT_AFTER_SIGN_IN;
    decoded = next;
  }
  const url = new URL(candidate, PROBE_ORIGIN);
  if (url.origin !== PROBE_ORIGIN) return DEFAULT_AFTER_SIGN_IN;
  return url.pathname + url.search + url.hash;
}

function isLocalPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  // Browsers treat "\" as "/" and drop tabs and newlines inside URLs.
  if (path.includes("\\")) return false;
  if (/[\u0000-\u001f\u007f\s]/.test(path)) return false;
  return true;
}
