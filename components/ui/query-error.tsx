"use client";
import { isRetryable, plainErrorMessage } from "@/lib/api/client";

/**
 * What a failed load says: which thing did not load, why in plain words, and a Retry button when trying
 * again can help (a refused filter fails the same way every time, so it gets none).
 */
export function QueryError({
  what,
  error,
  onRetry,
  retrying = false,
}: {
  /** What failed to load, as it ends "Could not load …": "the backlog", "this theme". */
  what: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}) {
  return (
    <div className="alert alert-error row-between" role="alert" data-testid="query-error">
      <span>
        Could not load {what}. {plainErrorMessage(error)}
      </span>
      {isRetryable(error) ? (
        <button type="button" className="btn btn-sm" onClick={onRetry} disabled={retrying}>
          {retrying ? "Retrying…" : "Retry"}
        </button>
      ) : null}
    </div>
  );
}
