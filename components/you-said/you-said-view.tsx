import type { ReactNode } from "react";
import type { Formatter } from "@/lib/format";
import { youSaidStatusLabels, type YouSaidStatus } from "@/lib/you-said/constants";
import { mentionChangeLabels, type PublicRate } from "@/lib/you-said/mention-change";
import type { YouSaidPage, YouSaidTheme } from "@/lib/you-said/page";

// The "You said, we did" page's content: the public page renders it on the server (no script needed),
// the editors' preview renders it with their drafts. No hooks, so both can use it.

const statusBadge: Record<YouSaidStatus, string> = {
  looking_into_it: "badge",
  planned: "badge badge-accent",
  in_progress: "badge badge-warn",
  shipped: "badge badge-good",
};

type Level = 1 | 2;

/** A heading `step` levels under the view's top one. */
function Heading({ base, step, id, children }: { base: Level; step: 0 | 1 | 2; id?: string; children: ReactNode }) {
  switch (base + step) {
    case 1:
      return <h1 id={id}>{children}</h1>;
    case 2:
      return <h2 id={id}>{children}</h2>;
    case 3:
      return <h3 id={id}>{children}</h3>;
    default:
      return <h4 id={id}>{children}</h4>;
  }
}

function rateText(format: Formatter, rate: PublicRate) {
  return `${format.percent(rate.rate)} of those who answered in ${rate.period} (95% interval ${format.percent(rate.low)} to ${format.percent(rate.high)})`;
}

function ThemeCard({
  theme,
  format,
  level,
  testId,
}: {
  theme: YouSaidTheme;
  format: Formatter;
  level: Level;
  testId: string;
}) {
  return (
    <li className="you-said-theme" data-testid={testId}>
      <div className="row-between you-said-theme-head">
        <Heading base={level} step={2}>
          {theme.title}
        </Heading>
        <span className={statusBadge[theme.status]}>{youSaidStatusLabels[theme.status]}</span>
      </div>
      {theme.note ? <p>{theme.note}</p> : null}
      {theme.status === "shipped" ? (
        <p className="small" data-testid="you-said-change">
          <strong>{mentionChangeLabels[theme.change ?? "no_data"]}.</strong>{" "}
          {theme.previous && theme.latest
            ? `Mentioned by ${rateText(format, theme.previous)}, then by ${rateText(format, theme.latest)}.`
            : "Too few people mentioned it in one of the quarters to show a share."}
        </p>
      ) : theme.latest ? (
        <p className="small muted">{`Mentioned by ${rateText(format, theme.latest)}.`}</p>
      ) : (
        <p className="small muted">Mentioned by too few people to show a share.</p>
      )}
    </li>
  );
}

export function YouSaidView({
  page,
  format,
  level = 1,
  preview = false,
}: {
  page: YouSaidPage;
  format: Formatter;
  /** 1 on the public page; 2 inside the editors' page, under its own h1. */
  level?: Level;
  preview?: boolean;
}) {
  const quarters = page.previous && page.latest ? `${page.previous} and ${page.latest}` : (page.latest ?? null);
  const answered = page.respondents
    .filter((r) => r.respondents !== null)
    .map((r) => `${format.number(r.respondents!)} in ${r.period}`);
  const empty = page.themes.length === 0 && page.shipped.length === 0;
  return (
    <div className="stack you-said" data-testid={preview ? "you-said-preview" : "you-said-page"}>
      <header className="card stack you-said-header">
        <p className="small muted">{preview ? "Preview · not live until published" : "DX Pulse · for developers"}</p>
        <Heading base={level} step={0}>
          You said, we did
        </Heading>
        <p>
          {quarters
            ? `What you told the platform team in the surveys of ${quarters}, what we are doing about it, and what shipped.`
            : "What you told the platform team in its surveys, what we are doing about it, and what shipped."}
        </p>
        <p className="small muted">
          {answered.length ? `Developers who answered: ${answered.join(", ")}. ` : ""}
          {`Nothing here quotes an answer, and a theme mentioned by fewer than ${page.anonymityThreshold} people shows no share.`}
          {page.publishedAt && !preview ? ` Updated ${format.date(page.publishedAt)}.` : ""}
        </p>
      </header>
      {empty ? (
        <section className="card" data-testid="you-said-empty">
          <p>
            Nothing published yet. The platform team shares what it is doing about your answers here after each survey
            closes.
          </p>
        </section>
      ) : null}
      {page.themes.length ? (
        <section className="card stack" aria-labelledby={`${preview ? "preview-" : ""}you-said-doing`}>
          <Heading base={level} step={1} id={`${preview ? "preview-" : ""}you-said-doing`}>
            What you told us, and what we are doing
          </Heading>
          <ol className="you-said-list">
            {page.themes.map((t, i) => (
              <ThemeCard key={i} theme={t} format={format} level={level} testId="you-said-theme" />
            ))}
          </ol>
        </section>
      ) : null}
      {page.shipped.length ? (
        <section className="card stack" aria-labelledby={`${preview ? "preview-" : ""}you-said-shipped`}>
          <Heading base={level} step={1} id={`${preview ? "preview-" : ""}you-said-shipped`}>
            What shipped
          </Heading>
          <ol className="you-said-list">
            {page.shipped.map((t, i) => (
              <ThemeCard key={i} theme={t} format={format} level={level} testId="you-said-shipped" />
            ))}
          </ol>
          {page.previous && page.latest ? (
            <p className="small muted">
              {`How often each shipped theme came up in ${page.previous} and in ${page.latest}: a change inside the 95% interval is not counted as a change yet.`}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
