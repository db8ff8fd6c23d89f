"use client";
import { useId, useRef, type ReactNode } from "react";

/**
 * A button whose action runs only after the person confirms it in a modal dialog that says what will
 * happen. For destructive or irreversible actions. The native <dialog> gives the focus trap, Escape to
 * cancel and the inert page behind; focus starts on Cancel (the safe choice) and returns to the button.
 */
export function ConfirmButton({
  children,
  className = "btn",
  label,
  disabled,
  title,
  consequence,
  confirmLabel,
  onConfirm,
}: {
  /** The button's visible text. */
  children: ReactNode;
  className?: string;
  /** The button's accessible name when its text alone is ambiguous (e.g. "Delete" in a list). */
  label?: string;
  disabled?: boolean;
  /** The dialog's heading, a question: "Delete this draft?" */
  title: string;
  /** One or two plain sentences saying what cannot be undone. */
  consequence: ReactNode;
  /** The confirming button's text, naming the action: "Delete draft". */
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={className}
        aria-label={label}
        aria-haspopup="dialog"
        disabled={disabled}
        onClick={() => {
          dialog.current?.showModal();
          cancel.current?.focus();
        }}
      >
        {children}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-consequence`}
        onClose={() => trigger.current?.focus()}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-consequence`}>{consequence}</p>
        <div className="row confirm-actions">
          <button ref={cancel} type="button" className="btn" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger-solid"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
