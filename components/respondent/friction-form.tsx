"use client";
import { useState } from "react";

/** One sentence about what slowed you down; anonymous, like the survey. */
export function FrictionForm({ token }: { token: string }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "sending" | "done">("idle");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim().length < 3) return setError("Describe what slowed you down in a few words");
    setState("sending");
    setError(null);
    try {
      const response = await fetch(`/api/friction/${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text }),
      });
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        setError(data?.error?.fieldErrors?.text?.[0] ?? data?.error?.message ?? "Something went wrong; please try again.");
        setState("idle");
        return;
      }
      setState("done");
    } catch {
      setError("We couldn’t reach the server. Please try again.");
      setState("idle");
    }
  }

  if (state === "done") {
    return (
      <div className="stack" role="status">
        <p className="alert respondent-ok">Thanks — noted. The platform team reviews these every week.</p>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setText("");
            setState("idle");
          }}
        >
          Report something else
        </button>
      </div>
    );
  }
  return (
    <form className="stack" noValidate onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="friction-text">What slowed you down?</label>
        <textarea
          id="friction-text"
          className="input"
          rows={3}
          maxLength={500}
          value={text}
          placeholder="e.g. Waited 40 minutes for CI to rerun a flaky test"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "friction-error friction-hint" : "friction-hint"}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="hint" id="friction-hint">
          One sentence is enough. {text.length} / 500 characters.
        </span>
        {error ? (
          <span className="field-error" id="friction-error">
            {error}
          </span>
        ) : null}
      </div>
      <div className="row">
        <button className="btn btn-primary" disabled={state === "sending"}>
          {state === "sending" ? "Sending…" : "Report friction"}
        </button>
        <span className="muted small">Anonymous: no name, email or IP address is stored.</span>
      </div>
    </form>
  );
}
