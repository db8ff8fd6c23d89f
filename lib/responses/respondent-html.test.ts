import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  renderFrictionPage,
  renderRespondentPage,
  renderSurveyForm,
  type RespondentQuestion,
} from "./respondent-html";

const q = (over: Partial<RespondentQuestion>): RespondentQuestion => ({
  id: "q1",
  kind: "likert",
  prompt: "How easy is it to deploy?",
  helpText: "",
  required: true,
  options: null,
  maxLength: null,
  ...over,
});

const survey = { id: "s1", title: "DX 2026-Q4", intro: "Five minutes.", period: "2026-Q4" };
const formPage = (over: Partial<Extract<Parameters<typeof renderRespondentPage>[0], { kind: "form" }>> = {}) =>
  renderRespondentPage({
    kind: "form",
    token: "demo-q4",
    idempotencyKey: "a".repeat(36),
    survey,
    teamName: null,
    questions: [q({})],
    sendError: null,
    ...over,
  });

/** Attribute names as a browser would tokenize them (double-quoted values consumed whole). */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(/<[a-z][a-z0-9]*((?:\s+[^\s=>"]+(?:="[^"]*")?)*)\s*>/g)) {
    for (const attr of tag[1].matchAll(/\s+([^\s=>"]+)(?:="[^"]*")?/g)) names.push(attr[1]);
  }
  return names;
}

const HOSTILE = `"><script>alert('x')</script><img src=x onerror=alert(1)>`;

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and quoted attributes", () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
    );
  });
  it("leaves ordinary text alone and stringifies numbers", () => {
    expect(escapeHtml("Deploys take 45 minutes — every day")).toBe("Deploys take 45 minutes — every day");
    expect(escapeHtml(10)).toBe("10");
  });
  it("escapes an already-escaped entity again instead of trusting it", () => {
    expect(escapeHtml("&lt;b&gt;")).toBe("&amp;lt;b&amp;gt;");
  });
});

describe("survey page", () => {
  it("escapes every user-authored value: title, intro, period, team, prompt, help, option labels and ids", () => {
    const { html } = formPage({
      survey: { id: HOSTILE, title: HOSTILE, intro: HOSTILE, period: HOSTILE },
      teamName: HOSTILE,
      sendError: HOSTILE,
      questions: [
        q({ id: HOSTILE, prompt: HOSTILE, helpText: HOSTILE }),
        q({ id: "q2", kind: "single_choice", options: [{ id: HOSTILE, label: HOSTILE }] }),
        q({ id: "q3", kind: "free_text", prompt: HOSTILE }),
      ],
    });
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/"><script/);
    expect(attributeNames(html)).not.toContain("onerror");
    expect(attributeNames(html)).toContain("data-question");
    // Exactly one script element: ours.
    expect(html.match(/<script/g)).toEqual(["<script"]);
    expect(html).toContain(`<script src="/respondent.js" defer></script>`);
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  });

  it("keeps attribute values inside their quotes", () => {
    const { html } = formPage({
      questions: [
        q({
          id: `x" onfocus="alert(1)`,
          kind: "single_choice",
          options: [{ id: `o" autofocus onfocus="alert(2)`, label: "A" }],
        }),
      ],
    });
    expect(attributeNames(html)).not.toContain("onfocus");
    expect(attributeNames(html)).not.toContain("autofocus");
    expect(html).toContain(`data-question="x&quot; onfocus=&quot;alert(1)"`);
    expect(html).toContain(`value="o&quot; autofocus onfocus=&quot;alert(2)"`);
  });

  it("renders a complete document that posts to the no-JavaScript route with a hidden idempotency key", () => {
    const { status, html } = formPage();
    expect(status).toBe(200);
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain("<title>DX 2026-Q4 · DX Pulse</title>");
    expect(html).toContain(`action="/s/demo-q4/submit"`);
    expect(html).toContain(`<input type="hidden" name="idempotencyKey" value="${"a".repeat(36)}">`);
    expect(html).toContain("<style>");
    expect(html).toContain("prefers-color-scheme:dark");
  });

  it("uses fieldset/legend radio groups with visible labels, markers and described-by help", () => {
    const html = renderSurveyForm({
      survey,
      teamName: "Payments",
      mode: { kind: "live", token: "t0k3n", idempotencyKey: "k".repeat(20) },
      questions: [
        q({ helpText: "Think of last week." }),
        q({ id: "n", kind: "nps", required: false }),
        q({ id: "m", kind: "multiple_choice", options: [{ id: "a", label: "Kubernetes" }] }),
      ],
    });
    expect(html).toContain(
      `<fieldset class="card q" data-question="q1" data-kind="likert" data-required="1" aria-describedby="q-q1-help q-q1-anchors"><legend class="q-title">`,
    );
    expect(html).toContain(`<span class="q-required"> (required)</span>`);
    expect(html).toContain(`<span class="q-optional"> (optional)</span>`);
    expect(html).toContain(`<p class="q-help" id="q-q1-help">Think of last week.</p>`);
    expect(html).toContain(
      `<label class="scale-option"><input type="radio" name="q_q1" value="5"><span>5</span></label>`,
    );
    expect(html.match(/name="q_n"/g)).toHaveLength(11);
    expect(html).toContain(
      `<label class="choice"><input type="checkbox" name="q_m" value="a"><span>Kubernetes</span></label>`,
    );
    expect(html).toContain("2026-Q4 · Payments");
    expect(html).toContain("3 questions · About 1 minute");
    expect(html).toContain(`data-testid="progress"`);
  });

  it("labels free text and wires its help and character count", () => {
    const html = renderSurveyForm({
      survey,
      teamName: null,
      mode: { kind: "live", token: "t0k3n", idempotencyKey: "k".repeat(20) },
      questions: [q({ id: "t", kind: "free_text", helpText: "One thing.", maxLength: 300, required: false })],
    });
    expect(html).toContain(`<label class="q-title" for="q-t">`);
    expect(html).toContain(
      `<textarea class="input" rows="3" id="q-t" name="q_t" maxlength="300" aria-describedby="q-t-help q-t-count"></textarea>`,
    );
    expect(html).toContain(`data-max="300"`);
  });

  it("shows a refused no-JavaScript send as an alert above the form", () => {
    const { html } = formPage({ sendError: "Your answers were not sent" });
    expect(html).toMatch(
      /<\/header><div class="alert alert-error" role="alert" data-send-error>Your answers were not sent<\/div><form/,
    );
  });

  it("renders an inert preview: no form, no key, no script, distinct ids", () => {
    const html = renderSurveyForm({
      survey,
      teamName: null,
      questions: [q({ kind: "free_text" })],
      mode: { kind: "preview" },
      headingLevel: 2,
    });
    expect(html).not.toContain("<form");
    expect(html).not.toContain("idempotencyKey");
    expect(html).not.toContain("<script");
    expect(html).toContain(`id="preview-q-q1"`);
    expect(html).toContain(`<h2>DX 2026-Q4</h2>`);
    expect(html).toContain("disabled>Send my answers");
  });
});

describe("respondent notices", () => {
  it("answers an unknown link with 404 and a closed survey with 410", () => {
    const missing = renderRespondentPage({ kind: "not_found" });
    expect(missing.status).toBe(404);
    expect(missing.html).toContain("This survey link doesn’t exist");
    const closed = renderRespondentPage({ kind: "closed", title: HOSTILE });
    expect(closed.status).toBe(410);
    expect(closed.html).toContain("This survey is closed");
    expect(closed.html).not.toContain("<script");
    expect(closed.html).not.toContain("<img");
  });

  it("tells when a survey opens, or that it is not published", () => {
    expect(renderRespondentPage({ kind: "not_open", title: "Q1", opensOn: "2027-01-05" }).html).toContain(
      "opens on 2027-01-05",
    );
    expect(renderRespondentPage({ kind: "not_open", title: "Q1", opensOn: null }).html).toContain(
      "has not been published yet",
    );
    expect(renderRespondentPage({ kind: "thanks" }).html).toContain("Thank you — your answers are in");
  });
});

describe("friction page", () => {
  it("is a plain form with no script, posting to its own link", () => {
    const { status, html } = renderFrictionPage({
      kind: "form",
      token: "demo-friction",
      idempotencyKey: "k".repeat(36),
      teamName: "Payments",
      text: "",
      error: null,
    });
    expect(status).toBe(200);
    expect(html).toContain(`<input type="hidden" name="idempotencyKey" value="${"k".repeat(36)}">`);
    expect(html).not.toContain("<script");
    expect(html).toContain(`action="/f/demo-friction"`);
    expect(html).toContain(`<label for="friction-text">What slowed you down?</label>`);
    expect(html).toContain("(Payments)");
  });

  it("shows a refused report with the text kept, escaped, and the error described-by the field", () => {
    const { status, html } = renderFrictionPage({
      kind: "form",
      token: "demo-friction",
      idempotencyKey: "k".repeat(36),
      teamName: HOSTILE,
      text: `</textarea>${HOSTILE}`,
      error: "Describe what slowed you down in a few words",
    });
    expect(status).toBe(422);
    expect(html).not.toContain("<script>alert");
    expect(html.match(/<\/textarea>/g)).toHaveLength(1);
    expect(html).toContain(`aria-invalid="true" aria-describedby="friction-error friction-hint"`);
    expect(html).toContain(`id="friction-error" role="alert">Describe what slowed you down in a few words</span>`);
  });

  it("thanks the reporter and offers another report", () => {
    const { html } = renderFrictionPage({ kind: "thanks", token: "demo-friction" });
    expect(html).toContain("Thanks — noted.");
    expect(html).toContain(`href="/f/demo-friction"`);
    expect(renderFrictionPage({ kind: "not_found" }).status).toBe(404);
  });
});
