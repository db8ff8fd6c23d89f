import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { AddressInfo } from "node:net";
import { SOCKET_ADDRESS_HEADER, trustSocketAddressHeaderForTests } from "@/lib/api/client-address";
import type { NodeRouteHandler } from "@/lib/api/node-route";
import type { RouteHandler } from "@/lib/api/route";
import { setTestUser } from "@/lib/auth/session";
import { assertDocumentedResponse } from "./documented-responses";

/** `client`: the caller's socket address as the server would record it (lib/api/client-address.ts). */
type CallOptions = {
  method?: string;
  url?: string;
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  userId?: string;
  sessionVersion?: number;
  client?: string;
};

trustSocketAddressHeaderForTests();

/**
 * Calls a route handler the way Next.js does, optionally as a signed-in user. An App Router handler
 * gets a Web Request; a Pages Router handler (lib/api/node-route.ts) is served over real HTTP on a
 * local port, with the route params in `req.query` as Next.js puts them. `sessionVersion` stands for the
 * version a session cookie carries (omitted: always current).
 */
/** A handler outside route() (health, the sign-in form). */
type PlainHandler = (request: Request) => Promise<Response>;

export async function callRoute(handler: RouteHandler | NodeRouteHandler | PlainHandler, opts: CallOptions = {}) {
  setTestUser(opts.userId ?? null, { sessionVersion: opts.sessionVersion });
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  const init: RequestInit = {
    method: opts.method ?? (hasBody ? "POST" : "GET"),
    headers: {
      ...(hasBody ? { "content-type": "application/json" } : {}),
      host: "localhost",
      ...(opts.client ? { [SOCKET_ADDRESS_HEADER]: opts.client } : {}),
      ...opts.headers,
    },
    body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  };
  const response =
    "methods" in handler
      ? await fetch(`${await localServer(handler)}/?${new URLSearchParams(opts.params ?? {})}`, init)
      : await handler(new Request(opts.url ?? "http://localhost/api/test", init), {
          params: Promise.resolve(opts.params ?? {}),
        });
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  await assertDocumentedResponse(handler, init.method!, {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    json,
  });
  return { status: response.status, json, headers: response.headers };
}

const servers = new WeakMap<RouteHandler | NodeRouteHandler, Promise<string>>();
/**
 * The base URL of a real local HTTP server for a handler (started once per handler). A Pages Router
 * handler gets Node's request and response with the route params in `req.query`; an App Router
 * handler gets a streamed Web Request and its Response is written back header by header, as Next.js
 * does (a `Connection: close` it sets closes the connection).
 */
export function localServer(
  handler: RouteHandler | NodeRouteHandler,
  params: Record<string, string> = {},
): Promise<string> {
  let started = servers.get(handler);
  if (!started) {
    started = new Promise((resolve) => {
      const server = createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        const query = Object.fromEntries(url.searchParams);
        if ("methods" in handler) return void handler(Object.assign(req, { query }), res);
        void serveWebHandler(handler, req, res, { ...params, ...query });
      });
      // Idle keep-alive sockets are closed by fetch's pool (after 4 s) before the server would close
      // them, so a call after a pause never races a closing socket (ECONNRESET).
      server.keepAliveTimeout = 60_000;
      server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      server.unref();
    });
    servers.set(handler, started);
  }
  return started;
}

async function serveWebHandler(
  handler: RouteHandler,
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
) {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value] as [string, string]],
    ),
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(params) });
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}
