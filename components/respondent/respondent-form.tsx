"use client";
// The form every developer opens: plain React and fetch only (no query library, no zod) so the
// page stays small. Without JavaScript it still posts to /s/<token>/submit.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ChoiceOption, QuestionKind } from "@/lib/db/schema";

export type RespondentQuestion = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  helpText: string;
  required: boolean;
  options: ChoiceOption[] | null;
  maxLength: number | null;
};

type Value = number | string | string[] | undefined;
type Props = {
  /** null renders a preview: everything works except sending. */
  token: string | null;
  surveyId: string;
  questions: RespondentQuestion[];
  idempotencyKey: string;
  estimate: string;
};

const SCALES: Partial<Record<QuestionKind, { values: number[]; low: string; high: string }>> = {
  likert: { values: [1, 2, 3, 4, 5], low: "1 = not at all", high: "5 = completely" },
  nps: { values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], low: "0 = not at all likely", high: "10 = extremely likely" },
};

const markerKey = (surveyId: string) => `dxp-answered:${surveyId}`;
const subscribeNever = () => () => {};
function readMarker(surveyId: string | null): boolean {
  try {
    return Boolean(surveyId && localStorage.getItem(markerKey(surveyId)));
  } catch {
    return false;
  }
}

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function isAnswered(value: Value): boolean {
  if (value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function checkAnswer(q: RespondentQuestion, value: Value): string | null {
  if (!isAnswered(value)) return q.required ? "This question needs an answer" : null;
  const limit = q.maxLength ?? 1000;
  if (q.kind === "free_text" && typeof value === "string" && value.trim().length > limit) return `Keep the answer under ${limit} characters`;
  return null;
}

export function RespondentForm({ token, surveyId, questions, idempotencyKey, estimate }: Props) {
  const [values, setValues] = useState<Record<string, Value>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "sending" | "done">("idle");
  const [dismissed, setDismissed] = useState(false);
  const [submissionKey, setSubmissionKey] = useState(idempotencyKey);
  // A local marker only: it tells this browser it already answered and is never sent anywhere.
  const answeredBefore = useSyncExternalStore(subscribeNever, () => readMarker(token ? surveyId : null), () => false) && !dismissed;
  const formRef = useRef<HTMLFormElement>(null);
  const thanksRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state === "done") thanksRef.current?.focus();
  }, [state]);

  const answeredCount = questions.filter((q) => isAnswered(values[q.id])).length;

  function setValue(q: RespondentQuestion, value: Value) {
    setValues((v) => ({ ...v, [q.id]: value }));
    if (errors[q.id]) {
      const message = checkAnswer(q, value);
      setErrors((e) => {
        const next = { ...e };
        if (message) next[q.id] = message;
        else delete next[q.id];
        return next;
      });
    }
  }

  function focusQuestion(id: string) {
    const el = formRef.current?.querySelector<HTMLElement>(`[data-question="${id}"] input, [data-question="${id}"] textarea`);
    el?.focus();
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state === "sending") return;
    const found: Record<string, string> = {};
    for (const q of questions) {
      const message = checkAnswer(q, values[q.id]);
      if (message) found[q.id] = message;
    }
    setErrors(found);
    const invalid = questions.filter((q) => found[q.id]);
    if (invalid.length) {
      setFormError(invalid.length === 1 ? "One question needs your attention." : `${invalid.length} questions need your attention.`);
      focusQuestion(invalid[0].id);
      return;
    }
    if (!token) {
      setFormError(null);
      setState("done");
      return;
    }
    const answers = questions.filter((q) => isAnswered(values[q.id])).map((q) => ({ questionId: q.id, value: values[q.id] }));
    setState("sending");
    setFormError(null);
    try {
      const response = await fetch(`/api/s/${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ idempotencyKey: submissionKey, answers }),
      });
      if (response.ok) {
        try {
          localStorage.setItem(markerKey(surveyId), "1");
        } catch {}
        setState("done");
        return;
      }
      const data = await response.json().catch(() => null);
      const serverErrors: Record<string, string> = {};
      for (const [path, messages] of Object.entries<string[]>(data?.error?.fieldErrors ?? {})) {
        const match = /^answers\.(\d+)\./.exec(path);
        const q = match ? answers[Number(match[1])] : undefined;
        if (q && messages?.[0]) serverErrors[q.questionId] = messages[0];
      }
      setErrors(serverErrors);
      setFormError(data?.error?.message && !Object.keys(serverErrors).length ? data.error.message : "Some answers need your attention.");
      const first = questions.find((q) => serverErrors[q.id]);
      if (first) focusQuestion(first.id);
      setState("idle");
    } catch {
      // Same idempotency key on the next try, so a request that did arrive is not counted twice.
      setFormError("We couldn’t reach the server. Your answers are still here — please try again.");
      setState("idle");
    }
  }

  if (state === "done") {
    return (
      <section className="card respondent-thanks" aria-labelledby="thanks-heading">
        <h2 id="thanks-heading" tabIndex={-1} ref={thanksRef}>
          {token ? "Thank you — your answers are in" : "Preview: this is the thank-you page"}
        </h2>
        <p>Nothing that identifies you was stored with them. The platform team reads every comment and shares what it will fix next.</p>
        <p className="muted small">You can close this page now.</p>
        {token ? null : (
          <button type="button" className="btn" onClick={() => setState("idle")}>
            Back to the questions
          </button>
        )}
      </section>
    );
  }

  return (
    <form ref={formRef} className="respondent-form" noValidate onSubmit={onSubmit} action={token ? `/s/${token}/submit` : undefined} method="post">
      <input type="hidden" name="idempotencyKey" value={submissionKey} />
      {answeredBefore ? (
        <div className="alert alert-info" role="status">
          This browser already sent answers to this survey. If someone else is using this device they can still answer below.
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onClick={() => {
              setSubmissionKey(randomKey());
              setDismissed(true);
            }}
          >
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="respondent-progress" data-testid="progress">
        <div className="row-between small">
          <span>
            {answeredCount} of {questions.length} answered
          </span>
          <span className="muted">{estimate}</span>
        </div>
        <progress max={questions.length || 1} value={answeredCount} aria-label="Questions answered" />
      </div>
      {questions.map((q, index) => (
        <QuestionField key={q.id} q={q} index={index} value={values[q.id]} error={errors[q.id]} onChange={(v) => setValue(q, v)} />
      ))}
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn-primary respondent-submit" disabled={state === "sending"}>
          {state === "sending" ? "Sending…" : token ? "Send my answers" : "Try sending (preview)"}
        </button>
        <span className="muted small">Anonymous: no name, email or IP address is stored.</span>
      </div>
    </form>
  );
}

function QuestionField({ q, index, value, error, onChange }: { q: RespondentQuestion; index: number; value: Value; error?: string; onChange: (v: Value) => void }) {
  const base = `q-${q.id}`;
  const describedBy = [q.helpText ? `${base}-help` : null, SCALES[q.kind] ? `${base}-anchors` : null, error ? `${base}-error` : null].filter(Boolean).join(" ") || undefined;
  const title = (
    <>
      <span className="q-number">{index + 1}.</span> {q.prompt}
      {q.required ? <span className="q-required"> (required)</span> : <span className="q-optional"> (optional)</span>}
    </>
  );
  const help = q.helpText ? (
    <p className="q-help" id={`${base}-help`}>
      {q.helpText}
    </p>
  ) : null;
  const errorLine = error ? (
    <p className="field-error" id={`${base}-error`}>
      {error}
    </p>
  ) : null;
  const name = `q_${q.id}`;

  if (q.kind === "free_text") {
    const text = typeof value === "string" ? value : "";
    const limit = q.maxLength ?? 1000;
    return (
      <div className={`card q${error ? " q-invalid" : ""}`} data-question={q.id}>
        <label className="q-title" htmlFor={base}>
          {title}
        </label>
        {help}
        <textarea
          id={base}
          name={name}
          className="input"
          rows={3}
          maxLength={limit}
          value={text}
          aria-describedby={[describedBy, `${base}-count`].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <p className="q-help right" id={`${base}-count`}>
          {text.length} / {limit} characters
        </p>
        {errorLine}
      </div>
    );
  }

  const scale = SCALES[q.kind];
  return (
    <fieldset className={`card q${error ? " q-invalid" : ""}`} data-question={q.id} aria-describedby={describedBy}>
      <legend className="q-title">{title}</legend>
      {help}
      {scale ? (
        <>
          <div className={`scale scale-${scale.values.length}`}>
            {scale.values.map((n) => (
              <label key={n} className="scale-option">
                <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
                <span>{n}</span>
              </label>
            ))}
          </div>
          <p className="scale-anchors" id={`${base}-anchors`}>
            <span>{scale.low}</span>
            <span>{scale.high}</span>
          </p>
        </>
      ) : (
        <div className="choices">
          {(q.options ?? []).map((o) => {
            const multiple = q.kind === "multiple_choice";
            const chosen = multiple ? Array.isArray(value) && value.includes(o.id) : value === o.id;
            return (
              <label key={o.id} className="choice">
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={o.id}
                  checked={chosen}
                  onChange={(e) => {
                    if (!multiple) return onChange(o.id);
                    const current = Array.isArray(value) ? value : [];
                    onChange(e.target.checked ? [...current, o.id] : current.filter((id) => id !== o.id));
                  }}
                />
                <span>{o.label}</span>
              </label>
            );
          })}
        </div>
      )}
      {errorLine}
    </fieldset>
  );
}
