import type { ReactElement, ReactNode } from "react";
import { FRICTION_TEXT_FIELD, IDEMPOTENCY_KEY_FIELD } from "@/lib/responses/survey-form-fields";
import { displaySafe } from "@/lib/text/display-safe";
import {
  AnonymousNote,
  SurveyForm,
  type RefusedForm,
  type RespondentQuestion,
  type RespondentSurveyView,
} from "./survey-form";

// The public pages (/s/<token>, /f/<token>) as whole documents, rendered to static HTML by
// lib/responses/respondent-html.tsx: no React runtime on the page every developer opens, one stylesheet
// inlined, and for the survey one small script (public/respondent.js) that enhances the form.

export type RespondentPage =
  | { kind: "not_found" }
  | { kind: "invite_not_found" }
  | { kind: "invite_used" }
  | { kind: "invite_only"; title: string; teamName: string | null }
  | { kind: "closed"; title: string }
  | { kind: "not_open"; title: string; opensOn: string | null }
  | { kind: "thanks" }
  | { kind: "unavailable" }
  | {
      kind: "form";
      token: string;
      /** The token is one person's invitation (/s/i/<token>). */
      invite?: boolean;
      idempotencyKey: string;
      survey: RespondentSurveyView;
      teamName: string | null;
      questions: RespondentQuestion[];
      sendError: string | null;
      /** A no-JavaScript send refused for its answers: shown again with them (422). */
      refused?: RefusedForm | null;
    };

export type FrictionPage =
  | { kind: "not_found" }
  | { kind: "unavailable" }
  | { kind: "form"; token: string; idempotencyKey: string; teamName: string | null; text: string; error: string | null }
  | { kind: "thanks"; token: string };

/** What a route sends: the HTTP status, and the document's title and main content. */
export type RespondentView = { status: number; title: string; main: ReactNode; script?: string };

export function RespondentDocument({
  title,
  stylesheet,
  script,
  children,
}: {
  title: string;
  stylesheet: string;
  script?: string;
  children: ReactNode;
}): ReactElement {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document, rendered outside Next's pages */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${displaySafe(title)} · DX Pulse`}</title>
        <style>{stylesheet}</style>
        {script ? <script src={script} defer /> : null}
      </head>
      <body>
        <main className="respondent" id="main">
          <div className="respondent-brand" aria-hidden="true">
            <span className="brand-mark" />
            {" DX Pulse"}
          </div>
          {children}
        </main>
      </body>
    </html>
  );
}

function Notice({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="card respondent-notice" data-testid={testId}>
      <h1>{title}</h1>
      {children}
    </section>
  );
}

export function surveyPageView(page: RespondentPage): RespondentView {
  switch (page.kind) {
    case "not_found":
      return {
        status: 404,
        title: "Survey not found",
        main: (
          <Notice title="This survey link doesn’t exist" testId="survey-not-found">
            <p>Check that the whole link was copied. If it came from a message, ask the sender for a fresh one.</p>
          </Notice>
        ),
      };
    case "invite_not_found":
      return {
        status: 404,
        title: "Invitation not found",
        main: (
          <Notice title="This invitation link doesn’t work" testId="invite-not-found">
            <p>
              Check that the whole link was copied. If you were sent more than one invitation to this survey, only the
              latest one works.
            </p>
          </Notice>
        ),
      };
    case "invite_used":
      return {
        status: 410,
        title: "Invitation already used",
        main: (
          <Notice title="This invitation has already been used" testId="invite-used">
            <p>
              Each invitation takes one set of answers, and this one’s are in. Nothing links them to you: the survey
              only knows that this invitation was used, not which answers came through it.
            </p>
          </Notice>
        ),
      };
    case "invite_only":
      return {
        status: 403,
        title: page.title,
        main: (
          <Notice title="This team answers by personal invitation" testId="survey-invite-only">
            <p>
              <strong>{displaySafe(page.title)}</strong>
              {` is sent to ${page.teamName ? `${displaySafe(page.teamName)}’s` : "this team’s"} people one by one, each with a link of their own, so this shared link no longer takes answers. Look for your invitation by email, or ask the person who runs the survey to send it again.`}
            </p>
          </Notice>
        ),
      };
    case "unavailable":
      return {
        status: 503,
        title: "Survey unavailable",
        main: (
          <Notice title="The survey is briefly unavailable" testId="survey-unavailable">
            <p>Nothing went wrong on your side. Please reload this page in a minute.</p>
          </Notice>
        ),
      };
    case "closed":
      return {
        status: 410,
        title: page.title,
        main: (
          <Notice title="This survey is closed" testId="survey-closed">
            <p>
              <strong>{displaySafe(page.title)}</strong>
              {" stopped taking answers. Thank you for your interest — the next survey will come with a new link."}
            </p>
          </Notice>
        ),
      };
    case "not_open":
      return {
        status: 200,
        title: page.title,
        main: (
          <Notice title="This survey is not open yet" testId="survey-not-open">
            <p>
              <strong>{displaySafe(page.title)}</strong>
              {` ${page.opensOn ? `opens on ${displaySafe(page.opensOn)}` : "has not been published yet"}. Come back then — the link stays the same.`}
            </p>
          </Notice>
        ),
      };
    case "thanks":
      return {
        status: 200,
        title: "Thank you",
        main: (
          <Notice title="Thank you — your answers are in" testId="survey-thanks">
            <p>Nothing that identifies you was stored with them. You can close this page now.</p>
            <p>
              <a className="text-link" href="/you-said">
                You said, we did
              </a>
              : what the platform team did with earlier answers.
            </p>
          </Notice>
        ),
      };
    case "form": {
      const { survey, teamName, questions, sendError, token, invite, idempotencyKey, refused = null } = page;
      return {
        status: refused ? 422 : 200,
        // "Error:" first, so the tab and a screen reader's page title say the send failed.
        title: refused ? `Error: ${survey.title}` : survey.title,
        script: "/respondent.js",
        main: (
          <SurveyForm
            survey={survey}
            teamName={teamName}
            questions={questions}
            sendError={sendError}
            refused={refused}
            mode={{ kind: "live", token, idempotencyKey, invite }}
          />
        ),
      };
    }
  }
}

/** The friction log: one textarea posted as a plain form, no script at all. */
export function frictionPageView(page: FrictionPage): RespondentView {
  switch (page.kind) {
    case "not_found":
      return {
        status: 404,
        title: "Link not found",
        main: (
          <Notice title="This link doesn’t exist" testId="friction-not-found">
            <p>Check that the whole link was copied, or ask the platform team for a fresh one.</p>
          </Notice>
        ),
      };
    case "unavailable":
      return {
        status: 503,
        title: "Report friction",
        main: (
          <Notice title="Reporting is briefly unavailable" testId="friction-unavailable">
            <p>Nothing went wrong on your side. Please reload this page in a minute.</p>
          </Notice>
        ),
      };
    case "thanks":
      return {
        status: 200,
        title: "Report friction",
        main: (
          <section className="card stack" aria-labelledby="friction-heading">
            <h1 id="friction-heading">Report friction</h1>
            <div className="stack" role="status">
              <p className="alert respondent-ok">Thanks — noted. The platform team reviews these every week.</p>
              <p>
                <a className="btn" href={`/f/${encodeURIComponent(page.token)}`}>
                  Report something else
                </a>
              </p>
            </div>
          </section>
        ),
      };
    case "form":
      return { status: page.error ? 422 : 200, title: "Report friction", main: <FrictionForm page={page} /> };
  }
}

function FrictionForm({ page }: { page: Extract<FrictionPage, { kind: "form" }> }) {
  return (
    <section className="card stack">
      <header>
        <h1>Report friction</h1>
        <p className="muted">
          {`Hit something that wasted your time${page.teamName ? ` (${displaySafe(page.teamName)})` : ""}? ` +
            "Tell the platform team in one sentence. Reports are grouped into themes with the quarterly survey’s comments."}
        </p>
      </header>
      <form className="stack" method="post" action={`/f/${encodeURIComponent(page.token)}`}>
        <input type="hidden" name={IDEMPOTENCY_KEY_FIELD} value={page.idempotencyKey} />
        <div className="field">
          <label htmlFor="friction-text">What slowed you down?</label>
          <textarea
            id="friction-text"
            name={FRICTION_TEXT_FIELD}
            className="input"
            rows={3}
            maxLength={500}
            placeholder="e.g. Waited 40 minutes for CI to rerun a flaky test"
            aria-required="true"
            aria-invalid={page.error ? "true" : undefined}
            aria-describedby={page.error ? "friction-error friction-hint" : "friction-hint"}
            autoFocus={Boolean(page.error)}
            defaultValue={displaySafe(page.text)}
          />
          <span className="hint" id="friction-hint">
            One sentence is enough, up to 500 characters.
          </span>
          {page.error ? (
            <span className="field-error" id="friction-error" role="alert">
              {displaySafe(page.error)}
            </span>
          ) : null}
        </div>
        <div className="row">
          <button type="submit" className="btn btn-primary">
            Report friction
          </button>
          <AnonymousNote />
        </div>
      </form>
    </section>
  );
}
