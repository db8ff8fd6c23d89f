import type { ReactNode } from "react";

/*
 * What a form says after it is sent: a short error beside the button, an error block above or below the
 * form, a "Saved" badge. One markup for each so screen readers hear every form the same way (errors are
 * alerts, confirmations are status messages) and the e2e specs can find them by role.
 */

/** A short error beside a button; renders nothing when there is no message. */
export function InlineError({ message }: { message: ReactNode }) {
  return message ? (
    <span className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}

/** An error block for a whole form or list; renders nothing when there is no message. */
export function ErrorAlert({ message }: { message: ReactNode }) {
  return message ? (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  ) : null;
}

/**
 * A confirmation badge ("Saved", "Added") shown while `show` holds. The live region stays mounted so screen
 * readers announce the word when it appears (a region inserted together with its text is often not read).
 */
export function DoneBadge({ show, children }: { show: boolean | undefined; children: ReactNode }) {
  return (
    <span role="status" aria-live="polite">
      {show ? <span className="badge badge-good">{children}</span> : null}
    </span>
  );
}

/** What SubmitRow reads from a form mutation (see lib/api/form-errors.ts for `generalError`). */
type SubmitState = { isPending: boolean; isSuccess: boolean; generalError: string | null };

/**
 * A form's submit button with its pending label, then anything else for the row (a Cancel button), the
 * confirmation badge and the error from the server. The badge shows `doneLabel` once the mutation succeeds,
 * or while `done` holds where the form decides itself how long "Saved" stays.
 */
export function SubmitRow({
  mutation,
  label,
  pendingLabel,
  doneLabel,
  done = mutation.isSuccess,
  error = mutation.generalError,
  buttonClass = "btn btn-primary",
  children,
}: {
  mutation: SubmitState;
  label: string;
  /** Shown instead of `label` while the request runs; without it the label stays. */
  pendingLabel?: string;
  doneLabel?: string;
  done?: boolean;
  /** `null` where the form shows the error elsewhere. */
  error?: ReactNode;
  buttonClass?: string;
  children?: ReactNode;
}) {
  return (
    <div className="row">
      <button className={buttonClass} disabled={mutation.isPending}>
        {mutation.isPending && pendingLabel ? pendingLabel : label}
      </button>
      {children}
      {doneLabel !== undefined ? <DoneBadge show={done}>{doneLabel}</DoneBadge> : null}
      <InlineError message={error} />
    </div>
  );
}
