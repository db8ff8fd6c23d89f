import "server-only";
import { z } from "zod";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import type { PublicUser } from "@/lib/auth/queries";
import { AppError } from "@/lib/errors";
import { bearerTokenOf } from "@/lib/integrations/token-secret";
import { readCappedText } from "./capped-body";
import { assertJsonContentType, bodyTooLarge, errorReply, parseInput, parseJsonText, storableText } from "./http";
import type { Role } from "@/lib/auth/constants";
import { authenticateApiToken } from "./token-auth";

export type Access = Role | "public";

type Handler<B, Q, P, A extends Access> = (ctx: {
  request: Request;
  body: B;
  query: Q;
  params: P;
  user: A extends "public" ? PublicUser | null : PublicUser;
}) => Promise<unknown>;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** What a route parses, kept on the handler so the OpenAPI document (lib/api/openapi.ts) is built from it. */
export type RouteConfig = {
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  maxBodyBytes?: number;
  /** Refuses API tokens (lib/integrations/token-policy.ts): only a signed-in person may call it. */
  sessionOnly?: boolean;
};

export type RouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & {
  access: Access;
  config?: RouteConfig;
};

const DEFAULT_MAX_BODY = 256 * 1024;

/**
 * Every App Router API route goes through here (the public submission endpoint has a Pages Router
 * twin, lib/api/node-route.ts, sharing lib/api/http.ts): session or API token (Authorization: Bearer)
 * and role check, CSRF origin check for sessions, body size cap,
 * zod parsing of params/query/body, and one mapping of errors to HTTP statuses.
 */
export function route<A extends Access, B = undefined, Q = undefined, P = undefined>(
  config: {
    access: A;
    body?: z.ZodType<B>;
    query?: z.ZodType<Q>;
    params?: z.ZodType<P>;
    maxBodyBytes?: number;
    sessionOnly?: boolean;
  },
  handler: Handler<B, Q, P, A>,
): RouteHandler {
  const wrapped = async (request: Request, context: RouteContext) => {
    try {
      let user: PublicUser | null = null;
      const bearer = config.access === "public" ? null : bearerTokenOf(request.headers.get("authorization"));
      if (bearer !== null) {
        // An API token carries no cookie a forged page could ride on, so no same-origin check.
        user = await authenticateApiToken(bearer, request.method, { ...config, access: config.access as Role });
      } else if (config.access !== "public") {
        user = await getCurrentUser();
        if (!user) throw new AppError("unauthorized", "Sign in to continue");
        if (!hasRole(user.role, config.access)) throw new AppError("forbidden", "Your role does not allow this action");
        assertSameOrigin(request);
      }
      const params = config.params ? parseInput(config.params, await context.params, "params") : (undefined as P);
      const query = config.query
        ? parseInput(
            config.query,
            Object.fromEntries([...new URL(request.url).searchParams].map(([k, v]) => [k, storableText(v)])),
            "query",
          )
        : (undefined as Q);
      const body = config.body
        ? parseInput(config.body, await readJson(request, config.maxBodyBytes ?? DEFAULT_MAX_BODY), "body")
        : (undefined as B);
      const result = await handler({ request, body, query, params, user: user as never });
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true });
    } catch (error) {
      const response = errorResponse(error);
      // Refused before its body was read (401, 403, 404, 429…): Node would read and discard the rest
      // before the next request on this connection, for as long as the client cares to send it.
      if (hasUnreadBody(request)) response.headers.set("Connection", "close");
      return response;
    }
  };
  return Object.assign(wrapped, { access: config.access, config: config as RouteConfig });
}

export function json(data: unknown, status = 200, headers?: HeadersInit) {
  return Response.json(data, { status, headers });
}

export function errorResponse(error: unknown): Response {
  const reply = errorReply(error);
  return json(reply.body, reply.status, reply.headers);
}

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw bodyTooLarge(maxBytes);
  assertJsonContentType(request.headers);
  return parseJsonText(await readCappedText(request, maxBytes));
}

function hasUnreadBody(request: Request): boolean {
  const announced =
    request.headers.has("transfer-encoding") || Number(request.headers.get("content-length") ?? "0") > 0;
  return announced && request.body !== null && !request.bodyUsed;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// CSRF: a cookie-authenticated change must come from our own pages. Non-browser clients send no
// Origin and carry no victim's cookies, so they pass.
export function assertSameOrigin(request: Request) {
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
