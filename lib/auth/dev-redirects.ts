import "server-only";
import { devServerHostnames } from "@/lib/dev-server";
import { env, isProduction } from "@/lib/env";

// next-auth v4 builds every redirect (after sign-in, sign-out, a failed sign-in) on NEXTAUTH_URL's
// origin, or on http://localhost:3000 when it is unset. The development server also answers at
// 127.0.0.1 and the LAN address, and the session cookie belongs to the host the page was opened at:
// sent to NEXTAUTH_URL's host, the browser arrives signed out (and a form post's redirect to another
// origin is refused by our CSP's form-action 'self'). In development, redirects therefore stay on the
// request's own origin. Production keeps NEXTAUTH_URL, its one public address.

/** next-auth v4's origin when NEXTAUTH_URL is unset (next-auth/utils/parse-url.js). */
const NEXT_AUTH_FALLBACK_URL = "http://localhost:3000";

type AuthRouteHandler<C> = (request: Request, context: C) => Promise<Response>;

/** `location` moved onto `requestOrigin` if it points at `configuredOrigin`; anything else unchanged. */
export function onRequestOrigin(location: string, configuredOrigin: string, requestOrigin: string): string {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return location; // relative: the browser already resolves it against the request's origin
  }
  if (url.origin !== configuredOrigin) return location; // e.g. the SSO provider's authorization page
  return `${requestOrigin}${url.pathname}${url.search}${url.hash}`;
}

/** The origin the request was sent to, when its host is one of `hostnames`. */
function requestOriginAmong(request: Request, hostnames: readonly string[]): string | null {
  const host = request.headers.get("host");
  if (!host) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
  if (!hostnames.includes(hostname)) return null;
  return `${new URL(request.url).protocol}//${host}`;
}

export function keepRedirectsOnRequestHost<C>(
  handler: AuthRouteHandler<C>,
  { configuredUrl, hostnames }: { configuredUrl: string; hostnames: readonly string[] },
): AuthRouteHandler<C> {
  const configuredOrigin = new URL(configuredUrl).origin;
  return async (request, context) => {
    const response = await handler(request, context);
    const requestOrigin = requestOriginAmong(request, hostnames);
    if (!requestOrigin || requestOrigin === configuredOrigin) return response;

    const headers = new Headers(response.headers);
    const location = headers.get("location");
    if (location) {
      headers.set("location", onRequestOrigin(location, configuredOrigin, requestOrigin));
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }
    // next-auth/react's signIn and signOut post with json=true and get the redirect as { url }.
    if (request.method === "POST" && headers.get("content-type")?.includes("application/json")) {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => null);
      if (body && typeof body === "object" && "url" in body && typeof body.url === "string") {
        headers.delete("content-length");
        return Response.json(
          { ...body, url: onRequestOrigin(body.url, configuredOrigin, requestOrigin) },
          { status: response.status, headers },
        );
      }
    }
    return response;
  };
}

/** The next-auth route handler as served: in development, redirects stay on the host the page was opened at. */
export function forDevelopmentHosts<C>(handler: AuthRouteHandler<C>): AuthRouteHandler<C> {
  if (isProduction) return handler;
  return keepRedirectsOnRequestHost(handler, {
    configuredUrl: env.NEXTAUTH_URL ?? NEXT_AUTH_FALLBACK_URL,
    hostnames: devServerHostnames(env.NEXTAUTH_URL),
  });
}
