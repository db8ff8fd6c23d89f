import { beforeAll, describe, expect, it } from "vitest";
import { POST as changeStatus } from "@/app/api/surveys/[id]/status/route";
import { POST as createSurveyRoute } from "@/app/api/surveys/route";
import { GET as frictionPage, POST as frictionForm } from "@/app/f/[token]/route";
import { GET as surveyPage } from "@/app/s/[token]/route";
import { createUser } from "@/lib/auth/queries";
import { frictionEntries } from "@/lib/db/schema";
import { ensureFrictionLink } from "@/lib/responses/queries";
import { listSurveyLinks } from "@/lib/surveys/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";

// The public HTML pages (/s/<token>, /f/<token>) against a real database.
const db = withTestDatabase();

let editorId = "";
let openToken = "";
let draftToken = "";
let frictionToken = "";

async function createSurvey(period: string, open: boolean) {
  const created = await callRoute(createSurveyRoute, {
    body: { templateId: "devex-pulse", period, title: `Pulse <b>${period}</b>` },
    userId: editorId,
  });
  expect(created.status).toBe(201);
  const id = created.json.survey.id;
  if (open)
    expect((await callRoute(changeStatus, { params: { id }, body: { status: "open" }, userId: editorId })).status).toBe(
      200,
    );
  return { id, token: (await listSurveyLinks({ surveyId: id }))[0].token };
}

const page = (token: string, url = `http://localhost/s/${token}`) => callRoute(surveyPage, { url, params: { token } });
const friction = (text: string, ip: string) =>
  callRoute(frictionForm, {
    url: `http://localhost/f/${frictionToken}`,
    params: { token: frictionToken },
    rawBody: new URLSearchParams({ text }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    client: ip,
  });
const frictionCount = () => db.handle().db.$count(frictionEntries);

beforeAll(async () => {
  editorId = (await createUser({ name: "Pat", email: "pat@example.com", password: "long-enough-pass", role: "editor" }))
    .id;
  openToken = (await createSurvey("2026-Q3", true)).token;
  draftToken = (await createSurvey("2026-Q4", false)).token;
  frictionToken = (await ensureFrictionLink({ teamId: null })).token;
});

describe("survey page", () => {
  it("renders the open survey as HTML with a fresh idempotency key per load, never cached", async () => {
    const first = await page(openToken);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.json).toContain("<h1>Pulse &lt;b&gt;2026-Q3&lt;/b&gt;</h1>");
    expect(first.json).toContain(`action="/s/${openToken}/submit"`);
    const key = (html: string) => /name="idempotencyKey" value="([a-f0-9]{36})"/.exec(html)?.[1];
    expect(key(first.json)).toBeDefined();
    expect(key((await page(openToken)).json)).not.toBe(key(first.json));
  });

  it("answers unknown and malformed links with a 404 page", async () => {
    for (const token of ["no-such-link", "x", "bad token!"]) {
      const res = await page(token);
      expect(res.status).toBe(404);
      expect(res.json).toContain("This survey link doesn’t exist");
    }
  });

  it("says a draft is not open yet, and shows the no-JavaScript thank-you and error views", async () => {
    expect((await page(draftToken)).json).toContain("This survey is not open yet");
    expect((await page(openToken, `http://localhost/s/${openToken}?sent=1`)).json).toContain(
      "Thank you — your answers are in",
    );
    const refused = await page(openToken, `http://localhost/s/${openToken}?error=rate_limited`);
    expect(refused.json).toContain(
      `role="alert" data-send-error="">Too many answers were sent from here in the last minute.`,
    );
  });

  it("never shows text from the URL: ?error= carries a code, and anything else shows nothing", async () => {
    const phishing = "Your session expired. Sign in again at https://evil.example/login";
    for (const error of [phishing, `<script>x</script>`, "validation " + phishing]) {
      const res = await page(
        openToken,
        `http://localhost/s/${openToken}?error=${encodeURIComponent(error)}&question=0`,
      );
      expect(res.status).toBe(200);
      expect(res.json).not.toContain("evil.example");
      expect(res.json).not.toContain("session expired");
      expect(res.json).not.toContain("data-send-error");
    }
    // A known code with an out-of-range or non-numeric question names no question.
    for (const question of ["999", "-1", "1e1", "<b>"]) {
      const res = await page(
        openToken,
        `http://localhost/s/${openToken}?error=validation&question=${encodeURIComponent(question)}`,
      );
      expect(res.json).toContain("an answer is missing or not accepted");
    }
  });

  it("answers a closed survey with 410", async () => {
    const { id, token } = await createSurvey("2027-Q1", true);
    expect(
      (await callRoute(changeStatus, { params: { id }, body: { status: "closed" }, userId: editorId })).status,
    ).toBe(200);
    const res = await page(token);
    expect(res.status).toBe(410);
    expect(res.json).toContain("This survey is closed");
    expect(res.json).not.toContain("<form");
  });
});

describe("friction page", () => {
  it("renders the form without any script, and 404 for an unknown link", async () => {
    const res = await callRoute(frictionPage, {
      url: `http://localhost/f/${frictionToken}`,
      params: { token: frictionToken },
    });
    expect(res.status).toBe(200);
    expect(res.json).not.toContain("<script");
    expect((await callRoute(frictionPage, { params: { token: "nope-nope" } })).status).toBe(404);
  });

  it("files a posted report and redirects to the thank-you view", async () => {
    const before = await frictionCount();
    const res = await friction("Staging was down all afternoon", "10.9.0.1");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/f/${frictionToken}?sent=1`);
    expect(await frictionCount()).toBe(before + 1);
    const thanks = await callRoute(frictionPage, {
      url: `http://localhost/f/${frictionToken}?sent=1`,
      params: { token: frictionToken },
    });
    expect(thanks.json).toContain("Thanks — noted.");
  });

  it("shows a too-short report again with its text and the reason, storing nothing", async () => {
    const before = await frictionCount();
    const res = await friction("<b", "10.9.0.2");
    expect(res.status).toBe(422);
    expect(res.json).toContain("Describe what slowed you down in a few words");
    expect(res.json).toContain(">&lt;b</textarea>");
    expect(await frictionCount()).toBe(before);
  });
});
