/**
 * "Saved" after a form's change has been stored. The live region stays mounted so screen readers announce
 * the word when it appears (a region inserted together with its text is often not read).
 */
export function SaveStatus({ saved, children = "Saved" }: { saved: boolean; children?: React.ReactNode }) {
  return (
    <span role="status" aria-live="polite" data-testid="save-status">
      {saved ? <span className="badge badge-good">{children}</span> : null}
    </span>
  );
}
