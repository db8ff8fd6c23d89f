import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import surveyLink from "@/pages/api/s/[token]";
import { POST as frictionRoute } from "@/app/api/friction/[token]/route";
import { POST as createSurveyRoute } from "@/app/api/surveys/route";
import { POST as frictionForm } from "@/app/f/[token]/route";
import { POST as surveyForm } from "@/app/s/[token]/submit/route";
import { setTestUser } from "@/lib/auth/session";
import { ensureFrictionLink } from "@/lib/responses/queries";
import { localServer } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";

// A body over the cap is refused with 413 and the connection is closed by the server at once,
// instead of being held open while the client goes on sending (or never finishes) a chunked body.
withTestDatabase();

type Exchange = { socket: Socket; response: Promise<string>; closed: Promise<number> };

function openExchange(port: number, head: string, chunks: string[]): Exchange {
  const socket = connect(port, "127.0.0.1");
  const started = Date.now();
  let received = "";
  const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now() - started)));
  const response = new Promise<string>((resolve) => {
    socket.on("data", (data) => {
      received += data.toString("latin1");
      if (received.includes("\r\n\r\n")) resolve(received);
    });
    socket.on("close", () => resolve(received));
  });
  socket.on("error", () => {});
  socket.write(head);
  for (const chunk of chunks) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
  return { socket, response, closed };
}

async function expectClosedPromptly(
  handler: Parameters<typeof localServer>[0],
  contentType: string,
  bodyKb: number,
  token = "some-link-token",
) {
  const base = new URL(await localServer(handler));
  const head = [
    `POST /?token=${token} HTTP/1.1`,
    "Host: localhost",
    `Content-Type: ${contentType}`,
    "Transfer-Encoding: chunked",
    "Connection: keep-alive",
    "",
    "",
  ].join("\r\n");
  // Over the cap, and the body is never finished (no last chunk): only the server can end this.
  const exchange = openExchange(
    Number(base.port),
    head,
    Array.from({ length: bodyKb / 8 }, () => "x".repeat(8 * 1024)),
  );
  const response = await exchange.response;
  const closedAfter = await Promise.race([
    exchange.closed,
    new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 4000)),
  ]);
  exchange.socket.destroy();
  expect(response).toMatch(/^HTTP\/1\.1 (413|303|401) /);
  expect(response.toLowerCase()).toContain("connection: close");
  expect(closedAfter).toBeLessThan(2000);
  return { base, response };
}

describe("body cap on a real HTTP server", () => {
  it("the survey link (Pages Router): 413, Connection: close, the socket ended promptly, the next request answered", async () => {
    const { base, response } = await expectClosedPromptly(surveyLink, "application/json", 80);
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    const started = Date.now();
    const next = await fetch(`${base.origin}/?token=no-such-link`);
    expect(next.status).toBe(404);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("App Router JSON routes (the friction endpoint): 413 and the connection closed", async () => {
    const { response } = await expectClosedPromptly(frictionRoute, "application/json", 16);
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("a body refused unread for another reason (401) closes the connection too", async () => {
    setTestUser(null);
    const { response } = await expectClosedPromptly(createSurveyRoute, "application/json", 16);
    expect(response).toMatch(/^HTTP\/1\.1 401 /);
  });

  it("the no-JavaScript forms: the friction page answers 413, the survey form redirects with a code; both close", async () => {
    const { token } = await ensureFrictionLink({ teamId: null });
    expect((await expectClosedPromptly(frictionForm, "application/x-www-form-urlencoded", 16, token)).response).toMatch(
      /^HTTP\/1\.1 413 /,
    );
    const survey = await expectClosedPromptly(surveyForm, "application/x-www-form-urlencoded", 80);
    expect(survey.response).toMatch(/^HTTP\/1\.1 303 /);
    expect(survey.response).toMatch(/location: \/s\/some-link-token\?error=payload_too_large/i);
  });
});
