import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { nodeRoute, nodeRoutes, reply } from "./node-route";

const received: unknown[] = [];
const handler = nodeRoutes({
  GET: nodeRoute(
    { access: "public", params: z.object({ token: z.string().regex(/^[a-z]+$/) }) },
    async ({ params }) => {
      if (params.token === "gone") throw new AppError("gone", "This survey is closed");
      return { token: params.token };
    },
  ),
  POST: nodeRoute(
    { access: "public", body: z.object({ name: z.string().min(2) }), maxBodyBytes: 1024 },
    async ({ body, headers }) => {
      received.push(body);
      return reply({ hello: body.name, via: headers.get("x-test") }, 201);
    },
  ),
});

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer(
    (req, res) =>
      void handler(Object.assign(req, { query: Object.fromEntries(new URL(req.url!, "http://x").searchParams) }), res),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(`${base}/`, { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("nodeRoute", () => {
  it("serves a method with parsed params and replies with JSON and the chosen status", async () => {
    const got = await fetch(`${base}/?token=abc`);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/json");
    expect(await got.json()).toEqual({ token: "abc" });
    const sent = await post(JSON.stringify({ name: "Ada" }), { "content-type": "application/json", "x-test": "yes" });
    expect(sent.status).toBe(201);
    expect(await sent.json()).toEqual({ hello: "Ada", via: "yes" });
  });

  it("maps bad params to 404, typed errors to their status and unknown methods to 405", async () => {
    expect((await fetch(`${base}/?token=NOPE1`)).status).toBe(404);
    const gone = await fetch(`${base}/?token=gone`);
    expect(gone.status).toBe(410);
    expect((await gone.json()).error.message).toBe("This survey is closed");
    const put = await fetch(`${base}/`, { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
  });

  it("refuses bodies that are not JSON, not valid JSON, empty or invalid, with field messages", async () => {
    expect((await post("name=x", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(400);
    expect((await post("{not json")).status).toBe(400);
    expect((await post("")).status).toBe(400);
    const invalid = await post(JSON.stringify({ name: "A" }));
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.fieldErrors.name[0]).toEqual(expect.any(String));
  });

  it("caps the body even when no Content-Length is declared, and replies before closing", async () => {
    const before = received.length;
    const chunk = new TextEncoder().encode(`{"name":"${"x".repeat(600)}`);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await post(stream as unknown as BodyInit);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect((await res.json()).error.code).toBe("payload_too_large");
    expect(received.length).toBe(before);
  });

  it("makes strings storable: NUL dropped, lone surrogates replaced", async () => {
    const res = await post('{"name":"A\\u0000da\\ud800"}');
    expect(await res.json()).toMatchObject({ hello: "Ada\uFFFD" });
  });
});
