import "server-only";
import {
  frictionPageView,
  RespondentDocument,
  surveyPageView,
  type FrictionPage,
  type RespondentPage,
  type RespondentView,
} from "@/components/responses/respondent-pages";
import type { RespondentSurvey } from "@/lib/surveys/queries";
import { respondentStylesheet } from "./respondent-stylesheet";

export type { FrictionPage, RespondentPage } from "@/components/responses/respondent-pages";

/** The survey form behind a link, as the page first shows it or as a refused no-JavaScript send shows it again. */
export function surveyFormPage(
  token: string,
  { survey, questions, teamName }: Pick<RespondentSurvey, "survey" | "questions" | "teamName">,
  form: Pick<Extract<RespondentPage, { kind: "form" }>, "idempotencyKey" | "sendError" | "refused" | "invite">,
  /** Whether "You said, we did" has anything published, for the introduction's link. */
  youSaid = false,
): RespondentPage {
  return {
    kind: "form",
    token,
    survey: {
      id: survey.id,
      title: survey.title,
      intro: survey.intro,
      period: survey.period,
      closesOn: survey.closesOn,
      youSaid,
    },
    teamName,
    questions,
    ...form,
  };
}

/** A survey page as the HTTP response; never cached, as a form carries its own idempotency key. */
export async function respondentPageResponse(page: RespondentPage): Promise<Response> {
  const { status, html } = await renderRespondentPage(page);
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

// The public pages as HTML documents, rendered by React's server renderer (every value escaped): no
// React runtime goes to the browser, only what the components put on the page.

/** A whole survey page (/s/<token>): HTTP status and the HTML document. */
export function renderRespondentPage(page: RespondentPage): Promise<{ status: number; html: string }> {
  return renderDocument(surveyPageView(page));
}

/** A whole friction-log page (/f/<token>). */
export function renderFrictionPage(page: FrictionPage): Promise<{ status: number; html: string }> {
  return renderDocument(frictionPageView(page));
}

async function renderDocument({ status, title, main, script }: RespondentView) {
  const { renderToStaticMarkup } = await staticRenderer();
  const markup = renderToStaticMarkup(
    <RespondentDocument title={title} stylesheet={respondentStylesheet()} script={script}>
      {main}
    </RespondentDocument>,
  );
  return { status, html: `<!doctype html>${markup}` };
}

// Next.js builds route handlers for the React Server Components environment, where importing
// react-dom/server is refused at build time (it resolves to a stub that throws). Loaded at run time,
// outside the bundle, it is Node's ordinary build; the elements are plain objects any React 19
// renderer reads, and these components use no hooks.
let renderer: Promise<typeof import("react-dom/server")> | undefined;

function staticRenderer() {
  renderer ??= import(/* turbopackIgnore: true */ /* webpackIgnore: true */ "react-dom/server");
  return renderer;
}
