import type { RouteHandler } from "@/lib/api/route";
import { setTestUser } from "@/lib/auth/session";

/** Calls a route handler the way Next.js does, optionally as a signed-in user. */
export async function callRoute(
  handler: RouteHandler,
  opts: { method?: string; url?: string; params?: Record<string, string>; body?: unknown; rawBody?: string; headers?: Record<string, string>; userId?: string } = {},
) {
  setTestUser(opts.userId ?? null);
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  const request = new Request(opts.url ?? "http://localhost/api/test", {
    method: opts.method ?? (hasBody ? "POST" : "GET"),
    headers: { ...(hasBody ? { "content-type": "application/json" } : {}), host: "localhost", ...opts.headers },
    body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  const response = await handler(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers };
}
