import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SurveyForm, type RespondentQuestion } from "@/components/responses/survey-form";
import { renderFrictionPage, renderRespondentPage } from "./respondent-html";
import { compactCss, respondentStylesheet } from "./respondent-stylesheet";

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
/** The survey form alone, as the server renders it (the editor's preview renders the same component). */
const renderSurveyForm = (props: ComponentProps<typeof SurveyForm>) =>
  renderToStaticMarkup(createElement(SurveyForm, props));

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

describe("escaping", () => {
  it("escapes markup in text and attributes, and drops bidirectional and zero-width characters", async () => {
    const { html } = await renderRespondentPage({ kind: "closed", title: `<b>"Q4" & 'pulse'</b>\u202Eexe.pdf` });
    expect(html).toContain(
      "<title>&lt;b&gt;&quot;Q4&quot; &amp; &#x27;pulse&#x27;&lt;/b&gt;exe.pdf · DX Pulse</title>",
    );
    expect(html).toContain("<strong>&lt;b&gt;&quot;Q4&quot; &amp; &#x27;pulse&#x27;&lt;/b&gt;exe.pdf</strong>");
    expect(html).not.toContain("\u202E");
  });
  it("escapes an already-escaped entity again instead of trusting it", async () => {
    const { html } = await renderRespondentPage({ kind: "closed", title: "&lt;b&gt;" });
    expect(html).toContain("<strong>&amp;lt;b&amp;gt;</strong>");
  });
});

describe("survey page", () => {
  it("escapes every user-authored value: title, intro, period, team, prompt, help, option labels and ids", async () => {
    const { html } = await formPage({
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
    expect(html).toContain(`<script src="/respondent.js" defer=""></script>`);
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
  });

  it("keeps attribute values inside their quotes", async () => {
    const { html } = await formPage({
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

  it("renders a complete document that posts to the no-JavaScript route with a hidden idempotency key", async () => {
    const { status, html } = await formPage();
    expect(status).toBe(200);
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain("<title>DX 2026-Q4 · DX Pulse</title>");
    expect(html).toContain(`action="/s/demo-q4/submit"`);
    expect(html).toContain(`<input type="hidden" name="idempotencyKey" value="${"a".repeat(36)}"/>`);
    expect(html).toContain(`<style>${respondentStylesheet()}</style>`);
  });

  it("gives the script the survey's last day and a hidden notice for answers it restores", async () => {
    const { html } = await formPage({ survey: { ...survey, closesOn: "2026-12-31" } });
    expect(html).toContain(`data-survey="s1" data-closes="2026-12-31"`);
    expect(html).toMatch(/role="status" data-restored="" hidden="">We restored the answers you had started/);
    expect(html).toContain(`data-restart="">Start again</button>`);
    expect((await formPage()).html).not.toContain("data-closes");
  });

  it("uses fieldset/legend radio groups with visible labels, markers and described-by help", async () => {
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
      `<label class="scale-option"><input type="radio" name="q_q1" value="5"/><span>5</span></label>`,
    );
    expect(html.match(/name="q_n"/g)).toHaveLength(11);
    expect(html).toContain(
      `<label class="choice"><input type="checkbox" id="q-m" name="q_m" value="a"/><span>Kubernetes</span></label>`,
    );
    expect(html).toContain("2026-Q4 · Payments");
    expect(html).toContain("3 questions · About 1 minute");
    expect(html).toContain(`data-testid="progress"`);
  });

  it("labels free text and wires its help and character count", async () => {
    const html = renderSurveyForm({
      survey,
      teamName: null,
      mode: { kind: "live", token: "t0k3n", idempotencyKey: "k".repeat(20) },
      questions: [q({ id: "t", kind: "free_text", helpText: "One thing.", maxLength: 300, required: false })],
    });
    expect(html).toContain(`<label class="q-title" for="q-t">`);
    expect(html).toContain(
      `<textarea class="input" rows="3" id="q-t" name="q_t" maxLength="300" aria-describedby="q-t-help q-t-count"></textarea>`,
    );
    expect(html).toContain(`data-max="300"`);
  });

  it("shows a refused no-JavaScript send as an alert above the form", async () => {
    const { html } = await formPage({ sendError: "Your answers were not sent" });
    expect(html).toMatch(
      /<\/header><div class="alert alert-error" role="alert" data-send-error="">Your answers were not sent<\/div><form/,
    );
  });

  it("shows a refused form again with every answer kept and every refused question named and linked", async () => {
    const questions = [
      q({ id: "l", prompt: "Deploys <fast>?" }),
      q({ id: "n", kind: "nps" }),
      q({
        id: "s",
        kind: "single_choice",
        options: [
          { id: "a", label: "A" },
          { id: "b", label: "B" },
        ],
      }),
      q({
        id: "m",
        kind: "multiple_choice",
        options: [
          { id: "x", label: "X" },
          { id: "y", label: "Y" },
        ],
      }),
      q({ id: "t", kind: "free_text" }),
    ];
    const { status, html } = await formPage({
      questions,
      sendError: "Your answers were not sent",
      refused: {
        values: { n: ["7"], s: ["b"], m: ["x", "y"], t: ["Flaky </textarea><b>CI</b>"] },
        errors: { l: "This question needs an answer", s: "Pick one of the listed options" },
      },
    });
    expect(status).toBe(422);
    expect(html).toContain("<title>Error: DX 2026-Q4 · DX Pulse</title>");
    // The summary replaces the one-line alert, takes focus and links to each refused question's first input.
    expect(html).not.toContain(">Your answers were not sent</div>");
    expect(html).toMatch(
      /<\/header><div class="alert alert-error error-summary" role="alert" tabindex="-1" autofocus=""/,
    );
    expect(html).toContain("2 questions need your attention");
    expect(html).toContain(`<a href="#q-l">1. Deploys &lt;fast&gt;?: This question needs an answer</a>`);
    expect(html).toContain(`<a href="#q-s">3. How easy is it to deploy?: Pick one of the listed options</a>`);
    expect(html).toContain(`<input type="radio" id="q-l" name="q_l" value="1"/>`);
    // Per question: the error line, described-by and marked invalid; answers checked or filled back in.
    expect(html).toContain(
      `<fieldset class="card q q-invalid" data-question="l" data-kind="likert" data-required="1" aria-describedby="q-l-anchors q-l-error">`,
    );
    expect(html).toContain(`<p class="field-error" id="q-l-error">This question needs an answer</p>`);
    expect(html).toContain(`<input type="radio" name="q_n" checked="" value="7"/>`);
    expect(html.match(/checked=""/g)).toHaveLength(4);
    expect(html).toContain(`<input type="radio" name="q_s" checked="" value="b"/>`);
    expect(html).toContain(`<input type="checkbox" id="q-m" name="q_m" checked="" value="x"/>`);
    expect(html).toContain(`<input type="checkbox" name="q_m" checked="" value="y"/>`);
    expect(html).toContain(`Flaky &lt;/textarea&gt;&lt;b&gt;CI&lt;/b&gt;</textarea>`);
    expect(html).not.toContain(`class="card q q-invalid" data-question="t"`);
  });

  it("renders an inert preview: no form, no key, no script, distinct ids", async () => {
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
    expect(html).toContain(`disabled="">Send my answers`);
  });
});

describe("the one script", () => {
  it("stays within the respondent page's budget of 3.5 KB gzip", () => {
    expect(gzipSync(readFileSync("public/respondent.js")).length).toBeLessThanOrEqual(3584);
  });
});

describe("the one stylesheet", () => {
  const read = (file: string) => readFileSync(file, "utf8");

  it("is the two files globals.css imports for the app and the editor's preview, compacted", () => {
    expect(read("app/globals.css")).toMatch(/^@import "\.\/base\.css";\n@import "\.\/respondent\.css";$/m);
    const css = respondentStylesheet();
    expect(css).toBe(compactCss(`${read("app/base.css")}\n${read("app/respondent.css")}`));
    // Tokens with their dark values, the shared components, the respondent block.
    expect(css).toContain("--bg:light-dark(#f7f7f9,#0f1117)");
    expect(css).toContain(".card{");
    expect(css).toContain(".respondent-progress progress{");
    expect(css).not.toContain("/*");
  });

  it("compacts without touching what whitespace means", () => {
    const css = `/* why */\n.a .b,\n.c:hover > d {\n  font: 15px/1.5 "Segoe UI", Arial;\n  margin: 0 auto;\n}\n@media (max-width: 520px) {\n  .e { color: red; }\n}\n`;
    expect(compactCss(css)).toBe(
      '.a .b,.c:hover > d{font:15px/1.5 "Segoe UI",Arial;margin:0 auto}@media (max-width:520px){.e{color:red}}',
    );
  });
});

describe("respondent notices", () => {
  it("answers an unknown link with 404 and a closed survey with 410", async () => {
    const missing = await renderRespondentPage({ kind: "not_found" });
    expect(missing.status).toBe(404);
    expect(missing.html).toContain("This survey link doesn’t exist");
    const closed = await renderRespondentPage({ kind: "closed", title: HOSTILE });
    expect(closed.status).toBe(410);
    expect(closed.html).toContain("This survey is closed");
    expect(closed.html).not.toContain("<script");
    expect(closed.html).not.toContain("<img");
  });

  it("tells when a survey opens, or that it is not published", async () => {
    expect((await renderRespondentPage({ kind: "not_open", title: "Q1", opensOn: "2027-01-05" })).html).toContain(
      "opens on 2027-01-05",
    );
    expect((await renderRespondentPage({ kind: "not_open", title: "Q1", opensOn: null })).html).toContain(
      "has not been published yet",
    );
    expect((await renderRespondentPage({ kind: "thanks" })).html).toContain("Thank you — your answers are in");
  });

  it("links to “You said, we did” from the thank-you page, and from the introduction once something is published", async () => {
    const thanks = (await renderRespondentPage({ kind: "thanks" })).html;
    expect(thanks).toContain(`<a class="text-link" href="/you-said">You said, we did</a>`);
    expect(thanks).not.toContain("<script");
    expect(readFileSync("public/respondent.js", "utf8")).toContain(
      `<a class="text-link" href="/you-said">You said, we did</a>`,
    );
    expect((await formPage()).html).not.toContain(`href="/you-said"`);
    const linked = (await formPage({ survey: { ...survey, youSaid: true } })).html;
    expect(linked).toContain(
      `<a class="text-link" href="/you-said">You said, we did</a>: what changed after the last survey.`,
    );
    expect(linked.match(/<script/g)).toHaveLength(1); // still only respondent.js
  });
});

describe("friction page", () => {
  it("is a plain form with no script, posting to its own link", async () => {
    const { status, html } = await renderFrictionPage({
      kind: "form",
      token: "demo-friction",
      idempotencyKey: "k".repeat(36),
      teamName: "Payments",
      text: "",
      error: null,
    });
    expect(status).toBe(200);
    expect(html).toContain(`<input type="hidden" name="idempotencyKey" value="${"k".repeat(36)}"/>`);
    expect(html).not.toContain("<script");
    expect(html).toContain(`action="/f/demo-friction"`);
    expect(html).toContain(`<label for="friction-text">What slowed you down?</label>`);
    expect(html).toContain("(Payments)");
  });

  it("shows a refused report with the text kept, escaped, and the error described-by the field", async () => {
    const { status, html } = await renderFrictionPage({
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

  it("thanks the reporter and offers another report", async () => {
    const { html } = await renderFrictionPage({ kind: "thanks", token: "demo-friction" });
    expect(html).toContain("Thanks — noted.");
    expect(html).toContain(`href="/f/demo-friction"`);
    expect((await renderFrictionPage({ kind: "not_found" })).status).toBe(404);
  });
});
