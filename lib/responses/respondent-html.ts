import type { ChoiceOption, QuestionKind } from "@/lib/db/schema";
import { estimateLabel } from "@/lib/surveys/time-estimate";
import { displaySafe } from "@/lib/text/display-safe";

// The public pages (/s/<token>, /f/<token>) as plain server-rendered HTML: no React runtime on the
// page every developer opens. Pure string rendering; every user-authored value goes through escapeHtml,
// and every attribute is double-quoted. public/respondent.js enhances the survey form when it loads.

export type RespondentQuestion = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  helpText: string;
  required: boolean;
  options: ChoiceOption[] | null;
  maxLength: number | null;
};

export type RespondentSurveyView = { id: string; title: string; intro: string | null; period: string };

export type SurveyFormMode = { kind: "live"; token: string; idempotencyKey: string } | { kind: "preview" };

export type RespondentPage =
  | { kind: "not_found" }
  | { kind: "closed"; title: string }
  | { kind: "not_open"; title: string; opensOn: string | null }
  | { kind: "thanks" }
  | { kind: "unavailable" }
  | {
      kind: "form";
      token: string;
      idempotencyKey: string;
      survey: RespondentSurveyView;
      teamName: string | null;
      questions: RespondentQuestion[];
      sendError: string | null;
    };

export type FrictionPage =
  | { kind: "not_found" }
  | { kind: "unavailable" }
  | { kind: "form"; token: string; idempotencyKey: string; teamName: string | null; text: string; error: string | null }
  | { kind: "thanks"; token: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Safe in text and in double- or single-quoted attribute values. */
/** Escaped, and without bidirectional or zero-width characters (lib/text/display-safe.ts), stored before that rule or not. */
export function escapeHtml(value: string | number): string {
  return displaySafe(String(value)).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const SCALES: Partial<Record<QuestionKind, { values: number[]; low: string; high: string }>> = {
  likert: { values: [1, 2, 3, 4, 5], low: "1 = not at all", high: "5 = completely" },
  nps: { values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], low: "0 = not at all likely", high: "10 = extremely likely" },
};

const DEFAULT_TEXT_LIMIT = 1000;
const ANONYMOUS_NOTE = `<span class="muted small">Anonymous: no name, email or IP address is stored.</span>`;

const attrs = (pairs: Record<string, string | number | null | undefined | false>) =>
  Object.entries(pairs)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${escapeHtml(v as string | number)}"`)
    .join("");

function renderQuestion(q: RespondentQuestion, index: number, idPrefix: string): string {
  const base = `${idPrefix}q-${q.id}`;
  const name = `q_${q.id}`;
  const scale = SCALES[q.kind];
  const describedBy =
    [q.helpText ? `${base}-help` : null, scale ? `${base}-anchors` : null].filter(Boolean).join(" ") || null;
  const title =
    `<span class="q-number">${index + 1}.</span> ${escapeHtml(q.prompt)}` +
    (q.required ? `<span class="q-required"> (required)</span>` : `<span class="q-optional"> (optional)</span>`);
  const help = q.helpText ? `<p class="q-help" id="${escapeHtml(base)}-help">${escapeHtml(q.helpText)}</p>` : "";
  // The script reads the question's rules from these data attributes.
  const data = { "data-question": q.id, "data-kind": q.kind, "data-required": q.required ? "1" : null };

  if (q.kind === "free_text") {
    const limit = q.maxLength ?? DEFAULT_TEXT_LIMIT;
    return (
      `<div class="card q"${attrs({ ...data, "data-max": limit })}>` +
      `<label class="q-title" for="${escapeHtml(base)}">${title}</label>${help}` +
      `<textarea class="input" rows="3"${attrs({
        id: base,
        name,
        maxlength: limit,
        "aria-required": q.required ? "true" : null,
        "aria-describedby": [describedBy, `${base}-count`].filter(Boolean).join(" "),
      })}></textarea>` +
      `<p class="q-help right" id="${escapeHtml(base)}-count" data-count>Up to ${limit} characters</p></div>`
    );
  }

  let control: string;
  if (scale) {
    const options = scale.values
      .map(
        (n) => `<label class="scale-option"><input type="radio"${attrs({ name, value: n })}><span>${n}</span></label>`,
      )
      .join("");
    control =
      `<div class="scale scale-${scale.values.length}">${options}</div>` +
      `<p class="scale-anchors" id="${escapeHtml(base)}-anchors"><span>${scale.low}</span><span>${scale.high}</span></p>`;
  } else {
    const type = q.kind === "multiple_choice" ? "checkbox" : "radio";
    const options = (q.options ?? [])
      .map(
        (o) =>
          `<label class="choice"><input type="${type}"${attrs({ name, value: o.id })}><span>${escapeHtml(o.label)}</span></label>`,
      )
      .join("");
    control = `<div class="choices">${options}</div>`;
  }
  return `<fieldset class="card q"${attrs({ ...data, "aria-describedby": describedBy })}><legend class="q-title">${title}</legend>${help}${control}</fieldset>`;
}

/**
 * The survey header and form. "live" posts to /s/<token>/submit without JavaScript (and to the JSON
 * API with it); "preview" is the same markup for the editor's Preview tab, inert and with no form element.
 */
export function renderSurveyForm({
  survey,
  teamName,
  questions,
  mode,
  headingLevel = 1,
  sendError = null,
}: {
  survey: RespondentSurveyView;
  teamName: string | null;
  questions: RespondentQuestion[];
  mode: SurveyFormMode;
  headingLevel?: 1 | 2;
  /** Why the last no-JavaScript send was refused: a fixed message for the redirect's code (send-errors.ts). */
  sendError?: string | null;
}): string {
  const live = mode.kind === "live";
  const estimate = estimateLabel(questions);
  const count = questions.length === 1 ? "1 question" : `${questions.length} questions`;
  const h = `h${headingLevel}`;
  const header =
    `<header class="respondent-header"><p class="muted small">${escapeHtml(survey.period)}${teamName ? ` · ${escapeHtml(teamName)}` : ""}</p>` +
    `<${h}>${escapeHtml(survey.title)}</${h}>${survey.intro ? `<p>${escapeHtml(survey.intro)}</p>` : ""}` +
    `<p class="muted small">${count} · ${estimate} · questions marked “required” need an answer</p></header>`;
  const error = sendError
    ? `<div class="alert alert-error" role="alert" data-send-error>${escapeHtml(sendError)}</div>`
    : "";
  const progress =
    `<div class="respondent-progress" data-testid="progress"><div class="row-between small">` +
    `<span data-progress-text>${count}</span><span class="muted">${estimate}</span></div>` +
    `<progress${attrs({ max: questions.length || 1, value: 0 })} aria-label="Questions answered" hidden></progress></div>`;
  const body = questions.map((q, i) => renderQuestion(q, i, live ? "" : "preview-")).join("");

  if (!live) {
    return (
      `${header}<div class="respondent-form">${progress}${body}` +
      `<div class="row"><button type="button" class="btn btn-primary respondent-submit" disabled>Send my answers</button>` +
      `<span class="muted small">Preview: nothing is sent from here.</span></div></div>`
    );
  }
  return (
    `${header}${error}<form class="respondent-form" method="post" novalidate${attrs({
      action: `/s/${encodeURIComponent(mode.token)}/submit`,
      "data-token": mode.token,
      "data-survey": survey.id,
    })}>` +
    `<input type="hidden" name="idempotencyKey"${attrs({ value: mode.idempotencyKey })}>` +
    `<div class="alert alert-info" role="status" data-answered hidden>This browser already sent answers to this survey. ` +
    `If someone else is using this device they can still answer below. <button type="button" class="btn btn-sm btn-ghost" data-dismiss>Dismiss</button></div>` +
    `${progress}${body}` +
    `<div class="row"><button type="submit" class="btn btn-primary respondent-submit">Send my answers</button>${ANONYMOUS_NOTE}</div></form>`
  );
}

function notice(title: string, testId: string, bodyHtml: string): string {
  return `<section class="card respondent-notice" data-testid="${testId}"><h1>${escapeHtml(title)}</h1>${bodyHtml}</section>`;
}

/** A whole respondent page: HTTP status, document title and the HTML document. */
export function renderRespondentPage(page: RespondentPage): { status: number; html: string } {
  switch (page.kind) {
    case "not_found":
      return htmlDocument(
        404,
        "Survey not found",
        notice(
          "This survey link doesn’t exist",
          "survey-not-found",
          `<p>Check that the whole link was copied. If it came from a message, ask the sender for a fresh one.</p>`,
        ),
      );
    case "unavailable":
      return htmlDocument(
        503,
        "Survey unavailable",
        notice(
          "The survey is briefly unavailable",
          "survey-unavailable",
          `<p>Nothing went wrong on your side. Please reload this page in a minute.</p>`,
        ),
      );
    case "closed":
      return htmlDocument(
        410,
        page.title,
        notice(
          "This survey is closed",
          "survey-closed",
          `<p><strong>${escapeHtml(page.title)}</strong> stopped taking answers. Thank you for your interest — the next survey will come with a new link.</p>`,
        ),
      );
    case "not_open":
      return htmlDocument(
        200,
        page.title,
        notice(
          "This survey is not open yet",
          "survey-not-open",
          `<p><strong>${escapeHtml(page.title)}</strong> ${page.opensOn ? `opens on ${escapeHtml(page.opensOn)}` : "has not been published yet"}. Come back then — the link stays the same.</p>`,
        ),
      );
    case "thanks":
      return htmlDocument(
        200,
        "Thank you",
        notice(
          "Thank you — your answers are in",
          "survey-thanks",
          `<p>Nothing that identifies you was stored with them. You can close this page now.</p>`,
        ),
      );
    case "form": {
      const { survey, teamName, questions, sendError, token, idempotencyKey } = page;
      const form = renderSurveyForm({
        survey,
        teamName,
        questions,
        sendError,
        mode: { kind: "live", token, idempotencyKey },
      });
      return htmlDocument(200, survey.title, form, "/respondent.js");
    }
  }
}

/** The friction log: one textarea posted as a plain form, no script at all. */
export function renderFrictionPage(page: FrictionPage): { status: number; html: string } {
  if (page.kind === "not_found") {
    return htmlDocument(
      404,
      "Link not found",
      notice(
        "This link doesn’t exist",
        "friction-not-found",
        `<p>Check that the whole link was copied, or ask the platform team for a fresh one.</p>`,
      ),
    );
  }
  if (page.kind === "unavailable") {
    return htmlDocument(
      503,
      "Report friction",
      notice(
        "Reporting is briefly unavailable",
        "friction-unavailable",
        `<p>Nothing went wrong on your side. Please reload this page in a minute.</p>`,
      ),
    );
  }
  if (page.kind === "thanks") {
    return htmlDocument(
      200,
      "Report friction",
      `<section class="card stack" aria-labelledby="friction-heading"><h1 id="friction-heading">Report friction</h1>` +
        `<div class="stack" role="status"><p class="alert respondent-ok">Thanks — noted. The platform team reviews these every week.</p>` +
        `<p><a class="btn" href="/f/${encodeURIComponent(page.token)}">Report something else</a></p></div></section>`,
    );
  }
  const describedBy = page.error ? "friction-error friction-hint" : "friction-hint";
  return htmlDocument(
    page.error ? 422 : 200,
    "Report friction",
    `<section class="card stack"><header><h1>Report friction</h1><p class="muted">Hit something that wasted your time${page.teamName ? ` (${escapeHtml(page.teamName)})` : ""}? ` +
      `Tell the platform team in one sentence. Reports are grouped into themes with the quarterly survey’s comments.</p></header>` +
      `<form class="stack" method="post"${attrs({ action: `/f/${encodeURIComponent(page.token)}` })}>` +
      `<input type="hidden" name="idempotencyKey"${attrs({ value: page.idempotencyKey })}><div class="field">` +
      `<label for="friction-text">What slowed you down?</label>` +
      `<textarea id="friction-text" name="text" class="input" rows="3" maxlength="500" placeholder="e.g. Waited 40 minutes for CI to rerun a flaky test" aria-required="true"${attrs(
        {
          "aria-invalid": page.error ? "true" : null,
          "aria-describedby": describedBy,
          autofocus: page.error ? "" : null,
        },
      )}>${escapeHtml(page.text)}</textarea>` +
      `<span class="hint" id="friction-hint">One sentence is enough, up to 500 characters.</span>` +
      (page.error
        ? `<span class="field-error" id="friction-error" role="alert">${escapeHtml(page.error)}</span>`
        : "") +
      `</div><div class="row"><button type="submit" class="btn btn-primary">Report friction</button>${ANONYMOUS_NOTE}</div></form></section>`,
  );
}

function htmlDocument(status: number, title: string, main: string, script?: string): { status: number; html: string } {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} · DX Pulse</title>` +
    `<style>${RESPONDENT_CSS}</style>${script ? `<script src="${escapeHtml(script)}" defer></script>` : ""}</head>` +
    `<body><main class="respondent" id="main"><div class="respondent-brand" aria-hidden="true"><span class="brand-mark"></span> DX Pulse</div>${main}</main></body></html>`;
  return { status, html };
}

// The subset of app/globals.css these pages use (variables, base, card/btn/alert/input, the respondent
// block), kept in step with it by hand. Dark mode follows the system setting.
const RESPONDENT_CSS = `
:root{--bg:#f7f7f9;--surface:#fff;--surface-2:#f1f2f5;--border:#e2e4ea;--text:#161a23;--muted:#5b6475;--accent:#4f46e5;--accent-contrast:#fff;--accent-soft:#eef0ff;--good:#166534;--good-soft:#e7f6ec;--bad:#b91c1c;--bad-soft:#fdecec;--focus:#6366f1;--radius:10px;--shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.08);color-scheme:light}
@media (prefers-color-scheme:dark){:root{--bg:#0f1117;--surface:#171a22;--surface-2:#1f232d;--border:#2b303c;--text:#e8eaf0;--muted:#9aa3b5;--accent:#8b8cf8;--accent-contrast:#0f1117;--accent-soft:#23254a;--good:#4ade80;--good-soft:#14301f;--bad:#f87171;--bad-soft:#3a1717;--shadow:none;color-scheme:dark}}
*{box-sizing:border-box}html,body{margin:0;padding:0}
body{background:var(--bg);color:var(--text);font:15px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
h1,h2{line-height:1.25;margin:0 0 .5rem}h1{font-size:1.5rem}h2{font-size:1.15rem}p{margin:0 0 .75rem}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}[hidden]{display:none!important}
.muted{color:var(--muted)}.small{font-size:.85rem}.right{text-align:right}
.stack{display:grid;gap:1rem}.row,.row-between{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}.row-between{justify-content:space-between}
.card{background:var(--surface);border:1px solid var(--border);border-radius:var(--radius);box-shadow:var(--shadow);padding:1.1rem 1.2rem}
.btn{display:inline-flex;align-items:center;justify-content:center;gap:.4rem;border:1px solid var(--border);background:var(--surface);color:var(--text);padding:.5rem .9rem;border-radius:8px;font:inherit;font-weight:500;cursor:pointer;text-decoration:none;min-height:38px}
.btn:hover{background:var(--surface-2)}.btn:disabled{opacity:.55;cursor:not-allowed}
.btn-primary,.btn-primary:hover{background:var(--accent);border-color:var(--accent);color:var(--accent-contrast)}.btn-primary:hover{filter:brightness(1.08)}
.btn-ghost{border-color:transparent;background:transparent}.btn-sm{padding:.25rem .6rem;min-height:30px;font-size:.85rem}
.field{display:grid;gap:.3rem;align-content:start}.field label{font-weight:600;font-size:.9rem}.hint{color:var(--muted);font-size:.82rem}
.field-error{color:var(--bad);font-size:.85rem}
.input{width:100%;font:inherit;color:var(--text);background:var(--surface);border:1px solid var(--border);border-radius:8px;padding:.5rem .65rem;min-height:90px;resize:vertical}
.input[aria-invalid="true"]{border-color:var(--bad)}
.alert{border-radius:8px;padding:.7rem .9rem;border:1px solid var(--border);background:var(--surface-2)}
.alert-error{background:var(--bad-soft);border-color:transparent;color:var(--bad)}.alert-info{background:var(--accent-soft);border-color:transparent}
.respondent-ok{background:var(--good-soft);color:var(--text);border-left:3px solid var(--good)}
.respondent{max-width:720px;margin:0 auto;padding:1.25rem 1rem 4rem;display:grid;gap:1rem}
.respondent-brand{display:flex;align-items:center;gap:.5rem;font-weight:700;color:var(--muted)}
.brand-mark{width:20px;height:20px;border-radius:7px;background:linear-gradient(135deg,var(--accent),#06b6d4);display:inline-block}
.respondent-header h1{font-size:1.6rem}.respondent-form{display:grid;gap:1rem}
.respondent-progress{position:sticky;top:0;z-index:2;background:var(--bg);padding:.5rem 0;display:grid;gap:.3rem}
.respondent-progress progress{width:100%;height:8px;appearance:none;border:0;border-radius:999px;background:var(--surface-2);overflow:hidden}
.respondent-progress progress::-webkit-progress-bar{background:var(--surface-2);border-radius:999px}
.respondent-progress progress::-webkit-progress-value{background:var(--accent);border-radius:999px;transition:width .2s}
.respondent-progress progress::-moz-progress-bar{background:var(--accent);border-radius:999px}
.respondent-notice{text-align:center;padding:2rem 1.25rem}.respondent-thanks h2{font-size:1.3rem}.respondent-thanks h2:focus{outline:none}
.respondent-submit{min-width:180px;min-height:44px}
fieldset.q{margin:0;min-width:0}.q{display:grid;gap:.6rem}.q-title{font-weight:600;font-size:1rem;padding:0;line-height:1.4}
legend.q-title{float:left;width:100%;margin-bottom:.6rem}legend.q-title+*{clear:both}
.q-number{color:var(--muted);margin-right:.15rem}.q-required,.q-optional{color:var(--muted);font-weight:400;font-size:.85rem}
.q-help{color:var(--muted);font-size:.88rem;margin:0}.q-invalid{border-color:var(--bad)}.q .field-error{margin:0;font-weight:600}
.scale{display:grid;gap:.4rem}.scale-5{grid-template-columns:repeat(5,minmax(0,1fr))}.scale-11{grid-template-columns:repeat(11,minmax(0,1fr))}
@media (max-width:520px){.scale-11{grid-template-columns:repeat(6,minmax(0,1fr))}}
.scale-option{position:relative;display:block}
.scale-option input{position:absolute;inset:0;opacity:0;margin:0;width:100%;height:100%;cursor:pointer}
.scale-option span{display:flex;align-items:center;justify-content:center;min-height:44px;border:1px solid var(--border);border-radius:8px;background:var(--surface);font-weight:600;transition:background .1s}
.scale-option:hover span{background:var(--surface-2)}
.scale-option input:checked+span{background:var(--accent);border-color:var(--accent);color:var(--accent-contrast)}
.scale-option input:focus-visible+span{outline:2px solid var(--focus);outline-offset:2px}
.scale-anchors{display:flex;justify-content:space-between;gap:1rem;color:var(--muted);font-size:.82rem;margin:0}
.choices{display:grid;gap:.4rem}
.choice{display:flex;align-items:center;gap:.6rem;padding:.55rem .75rem;min-height:44px;border:1px solid var(--border);border-radius:8px;cursor:pointer;background:var(--surface)}
.choice:hover{background:var(--surface-2)}.choice:has(input:checked){border-color:var(--accent);background:var(--accent-soft)}
.choice input{width:18px;height:18px;accent-color:var(--accent);margin:0}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`.replace(/\n/g, "");
