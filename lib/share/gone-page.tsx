import "server-only";
import { RespondentDocument } from "@/components/responses/respondent-pages";
import { formatterFor } from "@/lib/format";
import { respondentStylesheet } from "@/lib/responses/respondent-stylesheet";
import type { ShareLinkView } from "./queries";

// The page a share link answers once it no longer opens anything: 410 for an expired or revoked link
// (saying who shared it and when it ended, so the reader knows whom to ask), 404 for an unknown one.
// Plain server-rendered HTML with the respondent pages' stylesheet: no sign-in, no React runtime.

export async function shareGonePage(link: ShareLinkView | null, locale: string): Promise<Response> {
  const format = formatterFor(locale);
  const status = link ? 410 : 404;
  const title = !link
    ? "Shared view not found"
    : link.state === "revoked"
      ? "This shared view was revoked"
      : "This shared view has expired";
  const ended = link ? (link.state === "revoked" ? link.revokedAt! : link.expiresAt) : null;
  const { renderToStaticMarkup } = await import(
    /* turbopackIgnore: true */ /* webpackIgnore: true */ "react-dom/server"
  );
  const markup = renderToStaticMarkup(
    <RespondentDocument title={title} stylesheet={respondentStylesheet()}>
      <section className="card respondent-notice" data-testid="share-gone">
        <h1>{title}</h1>
        {link && ended ? (
          <p>
            {link.createdByName} shared{" "}
            {link.surveyTitle ? `the results of “${link.surveyTitle}”` : "the DX Pulse dashboard"} until{" "}
            {format.date(ended)}. Ask them for a new link, or sign in to DX Pulse if you have an account.
          </p>
        ) : (
          <p>This link does not open anything. Check that it was copied in full.</p>
        )}
      </section>
    </RespondentDocument>,
  );
  return new Response(`<!doctype html>${markup}`, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
