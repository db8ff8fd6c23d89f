import { beforeAll, describe, expect, it } from "vitest";
import { POST as addQuestionRoute } from "@/app/api/surveys/[id]/questions/route";
import { POST as changeStatus } from "@/app/api/surveys/[id]/status/route";
import { POST as createSurveyRoute } from "@/app/api/surveys/route";
import { GET as frictionPage, POST as frictionForm } from "@/app/f/[token]/route";
import { GET as surveyPage } from "@/app/s/[token]/route";
import { POST as submitForm } from "@/app/s/[token]/submit/route";
import { createUser } from "@/lib/auth/queries";
import { frictionEntries, responses } from "@/lib/db/schema";
import { ensureFrictionLink } from "@/lib/responses/queries";
import { answerFieldName } from "@/lib/responses/survey-form-fields";
import { getRespondentSurvey, listSurveyLinks } from "@/lib/surveys/queries";
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

describe("the survey form posted without JavaScript", () => {
  it("names every missing answer, keeps every given one and the key, stores nothing, then stores once", async () => {
    // The DevEx pulse (three required 1–5 scales, one optional text) and a required multiple choice: five questions.
    const { id, token } = await createSurvey("2027-Q2", false);
    const added = await callRoute(addQuestionRoute, {
      params: { id },
      userId: editorId,
      body: {
        key: "tools",
        kind: "multiple_choice",
        prompt: "Which tools do you use?",
        required: true,
        options: [
          { id: "k8s", label: "Kubernetes" },
          { id: "tf", label: "Terraform" },
          { id: "gha", label: "GitHub Actions" },
        ],
      },
    });
    expect(added.status).toBe(201);
    expect((await callRoute(changeStatus, { params: { id }, body: { status: "open" }, userId: editorId })).status).toBe(
      200,
    );
    const questions = (await getRespondentSurvey({ token }))!.questions;
    expect(questions.map((q) => q.kind)).toEqual(["likert", "likert", "likert", "free_text", "multiple_choice"]);
    const [deploys, load, focus, text, tools] = questions;

    const key = /name="idempotencyKey" value="([a-f0-9]{36})"/.exec((await page(token)).json)![1];
    const submit = (fields: [string, string][]) =>
      callRoute(submitForm, {
        method: "POST",
        url: `http://localhost/s/${token}/submit`,
        params: { token },
        rawBody: new URLSearchParams(fields).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
        client: "10.8.0.1",
      });
    const given: [string, string][] = [
      ["idempotencyKey", key],
      [answerFieldName(load.id), "4"],
      [answerFieldName(text.id), "Flaky CI </textarea><b>again</b>"],
      [answerFieldName(tools.id), "k8s"],
      [answerFieldName(tools.id), "gha"],
    ];
    const before = await db.handle().db.$count(responses);

    const refused = await submit(given);
    expect(refused.status).toBe(422);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const html: string = refused.json;
    // Both missing answers named in the summary, linked to their first input, and marked at the question.
    expect(html).toContain("Your answers were not sent: 2 questions need your attention");
    expect(html).toContain(`<a href="#q-${deploys.id}">1. ${deploys.prompt}: This question needs an answer</a>`);
    expect(html).toContain(`<a href="#q-${focus.id}">3. ${focus.prompt}: This question needs an answer</a>`);
    expect(html.match(/<li><a href="#q-/g)).toHaveLength(2);
    for (const q of [deploys, focus]) {
      expect(html).toContain(`id="q-${q.id}-error">This question needs an answer</p>`);
      expect(html).toContain(`class="card q q-invalid" data-question="${q.id}"`);
    }
    // Every given answer back in place, the text escaped, and the page's own key kept.
    expect(html).toContain(`<input type="radio" name="${answerFieldName(load.id)}" checked="" value="4"/>`);
    expect(html).toContain(`checked="" value="k8s"/>`);
    expect(html).toContain(`checked="" value="gha"/>`);
    expect(html).not.toContain(`checked="" value="tf"/>`);
    expect(html.match(/checked=""/g)).toHaveLength(3);
    expect(html).toContain(">Flaky CI &lt;/textarea&gt;&lt;b&gt;again&lt;/b&gt;</textarea>");
    expect(html).toContain(`<input type="hidden" name="idempotencyKey" value="${key}"/>`);
    expect(await db.handle().db.$count(responses)).toBe(before);

    // Corrected and sent twice (a double click): stored once under the same key.
    const complete: [string, string][] = [
      ...given,
      [answerFieldName(deploys.id), "2"],
      [answerFieldName(focus.id), "5"],
    ];
    const sends = [await submit(complete), await submit(complete)];
    expect(sends.map((r) => [r.status, r.headers.get("location")])).toEqual([
      [303, `/s/${token}?sent=1`],
      [303, `/s/${token}?sent=1`],
    ]);
    expect(await db.handle().db.$count(responses)).toBe(before + 1);
  });

  it("shows a form with a tampered key again under a fresh key", async () => {
    const res = await callRoute(submitForm, {
      method: "POST",
      params: { token: openToken },
      rawBody: new URLSearchParams({ idempotencyKey: `"><script>x</script>` }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      client: "10.8.0.2",
    });
    expect(res.status).toBe(422);
    expect(res.json).not.toContain("<script>x");
    expect(res.json).toMatch(/name="idempotencyKey" value="[a-f0-9]{36}"/);
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
