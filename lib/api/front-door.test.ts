import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "./client-address";
import { installFrontDoor } from "./front-door";

// A plain Node server stands in for Next.js: the front door sits in front of whatever listener it has.
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ reached: true, method: req.method, socketAddress: req.headers[SOCKET_ADDRESS_HEADER] }));
  });
  installFrontDoor();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

// node:http, not fetch: fetch refuses to send TRACE at all.
function send(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("front door", () => {
  it("answers TRACE on an App Router route with 405 and Allow, before Next.js", async () => {
    const res = await send("TRACE", "/api/surveys");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, POST, HEAD, OPTIONS");
    expect(JSON.parse(res.body).error.code).toBe("method_not_allowed");
    expect((await send("TRACE", "/s/some-token")).status).toBe(405);
  });

  it("answers a method a GET-only route does not export with 405 and Allow", async () => {
    for (const method of ["PATCH", "DELETE", "PUT", "POST"]) {
      const res = await send(method, "/api/health?x=1");
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD, OPTIONS");
    }
    const page = await send("PATCH", "/dashboard");
    expect(page.status).toBe(405);
    expect(page.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("passes supported methods on, with the socket address recorded over any client-sent value", async () => {
    const res = await send("GET", "/api/health", { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ reached: true, method: "GET", socketAddress: "127.0.0.1" });
  });
});
