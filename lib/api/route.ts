import "server-only";
import { z } from "zod";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import type { PublicUser } from "@/lib/auth/queries";
import type { Role } from "@/lib/db/schema";
import { AppError, isDatabaseUnavailable, pgErrorCode, type FieldErrors } from "@/lib/errors";

export type Access = Role | "public";

type Handler<B, Q, P, A extends Access> = (ctx: {
  request: Request;
  body: B;
  query: Q;
  params: P;
  user: A extends "public" ? PublicUser | null : PublicUser;
}) => Promise<unknown>;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type RouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { access: Access };

const DEFAULT_MAX_BODY = 256 * 1024;

/**
 * Every API route goes through here: session and role check, CSRF origin check, body size cap,
 * zod parsing of params/query/body, and one mapping of errors to HTTP statuses.
 */
export function route<A extends Access, B = undefined, Q = undefined, P = undefined>(
  config: { access: A; body?: z.ZodType<B>; query?: z.ZodType<Q>; params?: z.ZodType<P>; maxBodyBytes?: number },
  handler: Handler<B, Q, P, A>,
): RouteHandler {
  const wrapped = async (request: Request, context: RouteContext) => {
    try {
      let user: PublicUser | null = null;
      if (config.access !== "public") {
        user = await getCurrentUser();
        if (!user) throw new AppError("unauthorized", "Sign in to continue");
        if (!hasRole(user.role, config.access)) throw new AppError("forbidden", "Your role does not allow this action");
        assertSameOrigin(request);
      }
      const params = config.params ? parse(config.params, await context.params, "params") : (undefined as P);
      const query = config.query
        ? parse(config.query, Object.fromEntries([...new URL(request.url).searchParams].map(([k, v]) => [k, storableText(v)])), "query")
        : (undefined as Q);
      const body = config.body ? parse(config.body, await readJson(request, config.maxBodyBytes ?? DEFAULT_MAX_BODY), "body") : (undefined as B);
      const result = await handler({ request, body, query, params, user: user as never });
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(wrapped, { access: config.access });
}

export function json(data: unknown, status = 200, headers?: HeadersInit) {
  return Response.json(data, { status, headers });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: HeadersInit = error.code === "rate_limited" ? { "Retry-After": "60" } : {};
    return json({ error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } }, error.status, headers);
  }
  if (isDatabaseUnavailable(error)) {
    console.error("[api] database unavailable:", (error as Error).message);
    return json(
      { error: { code: "unavailable", message: "The service is temporarily unavailable. Nothing was saved; please try again shortly." } },
      503,
      { "Retry-After": "5" },
    );
  }
  // SQLSTATE class 22 (data exception) means a value the schemas let through cannot be stored, e.g.
  // 5e-324 in a real column: the statement failed, so it is the caller's input, not our outage.
  if (pgErrorCode(error)?.startsWith("22")) {
    console.warn("[api] value refused by the database:", (error as Error).message);
    return json({ error: { code: "validation", message: "A value in the request is out of the range that can be stored. Nothing was saved." } }, 422);
  }
  console.error("[api] unexpected error:", error);
  return json({ error: { code: "internal", message: "Something went wrong on our side. Nothing was saved." } }, 500);
}

/** Zod issues as `{ "answers.3.value": ["…"] }` so forms and API clients can point at the field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function parse<T>(schema: z.ZodType<T>, input: unknown, where: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  if (where === "params") throw new AppError("not_found", "Not found");
  const fieldErrors = fieldErrorsOf(result.error);
  const first = result.error.issues[0];
  const message = first ? `${first.path.length ? first.path.join(".") + ": " : ""}${first.message}` : "Invalid input";
  throw new AppError("validation", message, fieldErrors);
}

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `Request body is larger than ${Math.round(maxBytes / 1024)} KB`);
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new AppError("bad_request", "Send the body as JSON (Content-Type: application/json)");
  // Read the stream ourselves so a missing or lying Content-Length cannot bypass the cap.
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new AppError("payload_too_large", `Request body is larger than ${Math.round(maxBytes / 1024)} KB`);
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError("bad_request", "The request body is empty");
  try {
    return JSON.parse(text, (_key, value) => (typeof value === "string" ? storableText(value) : value));
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}

// PostgreSQL cannot store NUL in text or jsonb, and a lone UTF-16 surrogate reaches it as invalid
// UTF-8 (PGlite): either fails the whole statement with a 500. No field has a use for them, so NUL is
// dropped at the door (as answers already lose control characters) and a lone surrogate becomes U+FFFD,
// which is what any UTF-8 encoder makes of it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storableText = (value: string) => value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// CSRF: a cookie-authenticated change must come from our own pages. Non-browser clients send no
// Origin and carry no victim's cookies, so they pass.
function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError("forbidden", "Cross-site request refused");
    }
    if (originHost !== host) throw new AppError("forbidden", "Cross-site request refused");
  } else if (site && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "Cross-site request refused");
  }
}
