"use client";
import type { SuggestionView, ThemeEvidence, StepThemeLink } from "@/lib/journeys/types";

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

/** What developers said about the themes linked to one step; k-suppressed themes say so and nothing more. */
export function StepEvidence({
  links,
  evidence,
  k,
  canEdit,
  onUnlink,
}: {
  links: StepThemeLink[];
  evidence: Map<string, ThemeEvidence>;
  k: number | null;
  canEdit: boolean;
  onUnlink?: (themeId: string) => void;
}) {
  const accepted = links.filter((l) => l.status === "accepted");
  if (!accepted.length) return null;
  return (
    <ul className="journey-evidence" aria-label="Evidence from surveys">
      {accepted.map((link) => {
        const e = evidence.get(link.backlogItemId);
        return (
          <li key={link.backlogItemId} className="journey-evidence-item" data-testid="step-evidence">
            <div className="row-between">
              <span className="badge badge-accent">Theme: {link.label}</span>
              {canEdit && onUnlink ? (
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  onClick={() => onUnlink(link.backlogItemId)}
                  aria-label={`Unlink theme ${link.label}`}
                >
                  Unlink
                </button>
              ) : null}
            </div>
            {!e ? (
              <p className="muted small">Loading evidence…</p>
            ) : e.hidden ? (
              <p className="muted small">
                Fewer than {k ?? 5} people raised this theme, so its numbers and quotes stay hidden to protect their
                anonymity.
              </p>
            ) : (
              <>
                <p className="small">
                  <strong>{percent(e.share)}</strong> of respondents ({e.respondents} of {e.population ?? "?"})
                  {e.trend.length > 1 ? (
                    <span className="muted">
                      {" "}
                      · trend:{" "}
                      {e.trend.map((t, i) => (
                        <span key={t.period}>
                          {i ? " → " : ""}
                          {t.period} {t.hidden ? "hidden" : percent(t.share)}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </p>
                {e.quotes.length ? (
                  <div className="journey-quotes">
                    {e.quotes.map((q, i) => (
                      <blockquote key={i}>“{q}”</blockquote>
                    ))}
                  </div>
                ) : null}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function StepSuggestions({
  suggestions,
  onAccept,
  onDismiss,
  pending,
}: {
  suggestions: SuggestionView[];
  onAccept: (themeId: string) => void;
  onDismiss: (themeId: string) => void;
  pending: boolean;
}) {
  if (!suggestions.length) return null;
  return (
    <div className="journey-suggestions">
      <span className="small muted">Suggested themes:</span>
      <ul aria-label="Suggested themes">
        {suggestions.map((s) => (
          <li key={s.themeId} className="journey-chip" title={`Shares: ${s.matchedTerms.join(", ")}`}>
            <span className="small">{s.label}</span>
            <span className="sr-only"> (shares {s.matchedTerms.join(", ")})</span>
            <button
              type="button"
              className="journey-chip-btn"
              disabled={pending}
              onClick={() => onAccept(s.themeId)}
              aria-label={`Accept theme ${s.label}`}
            >
              ✓
            </button>
            <button
              type="button"
              className="journey-chip-btn"
              disabled={pending}
              onClick={() => onDismiss(s.themeId)}
              aria-label={`Dismiss theme ${s.label}`}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
