// The Pages Router twin of route() (lib/api/route.ts), for the one endpoint a quarterly burst hits:
// the public survey link, GET /api/s/[token] and POST /api/s/[token]. A Pages Router API route works
// on Node's request and response directly; an App Router route handler costs about twice the time
// per request on this path (README, "Performance and reliability"). Public access only: no session,
// so no CSRF check either. Same body cap, JSON and zod parsing and error mapping as route().
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { readCappedText } from "./capped-body";
import { clientAddress } from "./client-address";
import {
  assertJsonContentType,
  bodyTooLarge,
  errorReply,
  parseInput,
  parseJsonText,
  type HeaderReader,
  type Reply,
} from "./http";

type Method = "GET" | "POST";

/** `client` is the caller's address as lib/api/client-address.ts decides it (for rate limits only). */
type NodeHandler<B, P> = (ctx: { headers: HeaderReader; body: B; params: P; client: string }) => Promise<unknown>;

export type NodeMethod = {
  access: "public";
  /** What it parses, for the OpenAPI document (lib/api/openapi.ts). */
  config: { access: "public"; body?: z.ZodType; params?: z.ZodType; maxBodyBytes?: number };
  serve: (req: IncomingMessage & { query?: Record<string, string | string[] | undefined> }) => Promise<Reply>;
};

/** The Pages Router API handler for a set of methods, plus what the role matrix reads. */
export type NodeRouteHandler = ((req: IncomingMessage, res: ServerResponse) => Promise<void>) & {
  methods: Partial<Record<Method, NodeMethod>>;
};

const DEFAULT_MAX_BODY = 256 * 1024;

/** A reply with a status other than 200. */
export function reply(body: unknown, status = 200): Reply {
  return { status, body, headers: {} };
}

const isReply = (value: unknown): value is Reply =>
  typeof value === "object" && value !== null && "status" in value && "body" in value && "headers" in value;

export function nodeRoute<B = undefined, P = undefined>(
  config: { access: "public"; body?: z.ZodType<B>; params?: z.ZodType<P>; maxBodyBytes?: number },
  handler: NodeHandler<B, P>,
): NodeMethod {
  return {
    access: config.access,
    config: config as NodeMethod["config"],
    serve: async (req) => {
      try {
        const headers = headerReader(req);
        const params = config.params ? parseInput(config.params, req.query ?? {}, "params") : (undefined as P);
        const body = config.body
          ? parseInput(config.body, await readJson(req, headers, config.maxBodyBytes ?? DEFAULT_MAX_BODY), "body")
          : (undefined as B);
        const result = await handler({ headers, body, params, client: clientAddress(req) });
        return isReply(result) ? result : reply(result ?? { ok: true });
      } catch (error) {
        return errorReply(error);
      }
    },
  };
}

/** `export default nodeRoutes({ GET: nodeRoute(…), POST: nodeRoute(…) })` in a pages/api file. */
export function nodeRoutes(methods: Partial<Record<Method, NodeMethod>>): NodeRouteHandler {
  const allowed = Object.keys(methods).join(", ");
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = methods[req.method as Method];
    const result = method
      ? await method.serve(req)
      : {
          status: 405,
          body: { error: { code: "method_not_allowed", message: `Use ${allowed}` } },
          headers: { Allow: allowed },
        };
    const text = JSON.stringify(result.body);
    res.statusCode = result.status;
    for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
    res.setHeader("Content-Type", "application/json");
    res.setHeader("Content-Length", Buffer.byteLength(text));
    // A body left unread (refused as too large) is not drained: the connection closes after the reply.
    if (!req.complete) res.setHeader("Connection", "close");
    res.end(text);
  };
  return Object.assign(handle, { methods });
}

function headerReader(req: IncomingMessage): HeaderReader {
  return {
    get: (name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
}

/** Reads the body up to the cap, whatever Content-Length says, and parses it as JSON. */
async function readJson(req: IncomingMessage, headers: HeaderReader, maxBytes: number): Promise<unknown> {
  if (Number(headers.get("content-length") ?? "0") > maxBytes) throw bodyTooLarge(maxBytes);
  assertJsonContentType(headers);
  return parseJsonText(await readCappedText(req, maxBytes));
}
