"use client";
import { CopyButton } from "@/components/surveys/copy-button";

/** A secret shown this once (a new API token, a webhook signing secret), with a copy button. */
export function SecretOnce({
  label,
  secret,
  children,
  onDone,
  testId,
}: {
  label: string;
  secret: string;
  children: React.ReactNode;
  onDone: () => void;
  testId: string;
}) {
  const id = `${testId}-value`;
  return (
    <div className="alert alert-info stack" data-testid={testId}>
      <p style={{ margin: 0 }}>{children}</p>
      <div className="row">
        <label className="sr-only" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          className="input mono"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: "1 1 16rem", minWidth: 0 }}
        />
        <CopyButton text={secret} label={`Copy ${label.toLowerCase()}`} />
        <button type="button" className="btn btn-sm" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

/** A moment as the person's locale writes it, or a dash. */
export function When({ at, empty = "—" }: { at: string | null; empty?: string }) {
  return at ? <time dateTime={at}>{new Date(at).toLocaleString()}</time> : <span className="muted">{empty}</span>;
}
