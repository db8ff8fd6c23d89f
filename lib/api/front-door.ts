// What every request meets before Next.js, installed once per server process by instrumentation.ts.
// Node publishes each incoming request on the "http.server.request.start" diagnostics channel just
// before the server's request listener (Next.js) runs, with the request, the response, the socket
// and the server. Here:
// - the TCP peer's address is written into SOCKET_ADDRESS_HEADER (replacing any value a client sent),
//   because App Router handlers only get a Web Request (lib/api/client-address.ts);
// - a method the route does not answer gets 405 with an Allow header (lib/api/allowed-methods.ts).
//   Next.js answers TRACE with a 500 and a missing method with a bare 405, and a Next.js proxy
//   (middleware) cannot help: it builds a Web Request too, which TRACE cannot be.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { refusedMethod } from "./allowed-methods";
import { markSocketAddressHeaderRecorded, SOCKET_ADDRESS_HEADER } from "./client-address";

const installed = globalThis as unknown as { __dxpFrontDoor?: true };

export function installFrontDoor() {
  if (installed.__dxpFrontDoor) return;
  installed.__dxpFrontDoor = true;
  const gated = new WeakSet<Server>();
  subscribe("http.server.request.start", (message) => {
    const { request, socket, server } = message as { request: IncomingMessage; socket: Socket; server: Server };
    request.headers[SOCKET_ADDRESS_HEADER] = socket.remoteAddress ?? "";
    if (!gated.has(server)) {
      gated.add(server);
      gateMethods(server);
    }
  });
  markSocketAddressHeaderRecorded();
}

/** Puts the method check in front of the server's request listeners (Next.js's handler). */
export function gateMethods(server: Server) {
  const listeners = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const refused = refusedMethod(req.method ?? "", pathnameOf(req.url));
    if (!refused) {
      for (const listener of listeners) listener.call(server, req, res);
      return;
    }
    const isApi = pathnameOf(req.url).startsWith("/api/");
    const body = isApi
      ? JSON.stringify({ error: { code: "method_not_allowed", message: `Use ${refused.allow}` } })
      : `Method not allowed. Use ${refused.allow}.\n`;
    res.writeHead(405, {
      Allow: refused.allow,
      "Content-Type": isApi ? "application/json" : "text/plain; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      // Any body is left unread: do not keep the connection for it.
      ...(req.headers["content-length"] || req.headers["transfer-encoding"] ? { Connection: "close" } : {}),
    });
    res.end(body);
  });
}

// As Next.js routes it: not percent-decoded (an encoded "/" does not split a segment).
function pathnameOf(url: string | undefined): string {
  const target = url ?? "/";
  const path = /^https?:\/\//i.test(target) ? target.replace(/^https?:\/\/[^/?#]*/i, "") : target;
  return path.split(/[?#]/)[0] || "/";
}
