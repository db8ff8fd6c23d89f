"use client";
import { useState } from "react";
import { Field, InputField } from "@/components/ui/field";
import { ApiError } from "@/lib/api/client";
import { formErrors } from "@/lib/api/form-errors";
import { suggestQuestionKey } from "@/lib/surveys/survey-copy";
import type { DimensionOption, EditorQuestion } from "./types";
import { QUESTION_KINDS, questionKindLabels, type QuestionKind } from "@/lib/surveys/constants";
import { ErrorAlert } from "@/components/ui/form-status";
import { Options } from "@/components/ui/options";
import type { QuestionFields } from "@/lib/surveys/survey-copy";

export type QuestionPayload = QuestionFields;

const isChoice = (k: QuestionKind) => k === "single_choice" || k === "multiple_choice";

function optionId(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 30) || "option";
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

/** Add or edit one question. Once a survey is published only wording and help text stay editable. */
export function QuestionForm({
  initial,
  locked,
  dimensions,
  takenKeys,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  initial?: EditorQuestion;
  locked: boolean;
  dimensions: DimensionOption[];
  takenKeys: string[];
  onSubmit: (payload: QuestionPayload) => Promise<unknown>;
  onCancel?: () => void;
  submitLabel: string;
}) {
  const [kind, setKind] = useState<QuestionKind>(initial?.kind ?? "likert");
  const [prompt, setPrompt] = useState(initial?.prompt ?? "");
  const [helpText, setHelpText] = useState(initial?.helpText ?? "");
  const [key, setKey] = useState(initial?.key ?? "");
  const [keyTouched, setKeyTouched] = useState(Boolean(initial));
  const [required, setRequired] = useState(initial?.required ?? false);
  const [dimension, setDimension] = useState(initial?.dimension ?? "");
  const [options, setOptions] = useState<{ id?: string; label: string }[]>(
    initial?.options ?? [{ label: "" }, { label: "" }],
  );
  const [maxLength, setMaxLength] = useState(String(initial?.maxLength ?? 1000));
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const effectiveKey = keyTouched
    ? key
    : suggestQuestionKey(
        prompt,
        takenKeys.filter((k) => k !== initial?.key),
      );
  const frameworks = [...new Set(dimensions.map((d) => d.framework))];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const taken = new Set(options.map((o) => o.id).filter((id): id is string => Boolean(id)));
    const payload: QuestionPayload = {
      key: effectiveKey,
      kind,
      prompt,
      helpText,
      required,
      dimension: dimension || null,
      options: isChoice(kind)
        ? options.filter((o) => o.label.trim()).map((o) => ({ id: o.id ?? optionId(o.label, taken), label: o.label }))
        : null,
      maxLength: kind === "free_text" ? Number(maxLength) : null,
    };
    setPending(true);
    setMessage(null);
    try {
      await onSubmit(payload);
      setErrors({});
    } catch (error) {
      const { fieldErrors, generalError } = formErrors(error);
      setErrors(fieldErrors);
      setMessage(error instanceof ApiError ? generalError : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  const optionError = (i: number) => errors[`options.${i}.label`] ?? errors[`options.${i}.id`];

  return (
    <form
      className="stack question-form"
      onSubmit={submit}
      noValidate
      aria-label={initial ? `Edit question ${initial.key}` : "New question"}
    >
      <div className="grid-2">
        <Field label="Question type" error={errors.kind}>
          {(p) => (
            <select
              {...p}
              className="input"
              value={kind}
              disabled={locked}
              onChange={(e) => setKind(e.target.value as QuestionKind)}
            >
              <Options values={QUESTION_KINDS} labels={questionKindLabels} />
            </select>
          )}
        </Field>
        <Field label="Dimension" hint="Scores roll up by dimension on the dashboard." error={errors.dimension}>
          {(p) => (
            <select
              {...p}
              className="input"
              value={dimension}
              disabled={locked}
              onChange={(e) => setDimension(e.target.value)}
            >
              <option value="">No dimension</option>
              {frameworks.map((f) => (
                <optgroup key={f} label={f}>
                  {dimensions
                    .filter((d) => d.framework === f)
                    .map((d) => (
                      <option key={d.key} value={d.key}>
                        {d.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Question" error={errors.prompt}>
        {(p) => (
          <input {...p} className="input" value={prompt} onChange={(e) => setPrompt(e.target.value)} maxLength={300} />
        )}
      </Field>
      <InputField
        label="Help text (optional)"
        error={errors.helpText}
        value={helpText}
        onChange={(e) => setHelpText(e.target.value)}
        maxLength={500}
      />
      {isChoice(kind) ? (
        <fieldset className="stack option-editor" disabled={locked}>
          <legend className="label">Options, in order</legend>
          {options.map((o, i) => (
            <div className="row" key={i}>
              <label className="sr-only" htmlFor={`opt-${initial?.id ?? "new"}-${i}`}>
                Option {i + 1}
              </label>
              <input
                id={`opt-${initial?.id ?? "new"}-${i}`}
                className="input"
                style={{ flex: 1 }}
                value={o.label}
                aria-invalid={optionError(i) ? true : undefined}
                onChange={(e) => setOptions(options.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
              />
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                aria-label={`Remove option ${i + 1}`}
                onClick={() => setOptions(options.filter((_, j) => j !== i))}
              >
                Remove
              </button>
              {optionError(i) ? <span className="field-error">{optionError(i)![0]}</span> : null}
            </div>
          ))}
          <div>
            <button type="button" className="btn btn-sm" onClick={() => setOptions([...options, { label: "" }])}>
              Add option
            </button>
          </div>
          {errors.options ? <span className="field-error">{errors.options[0]}</span> : null}
        </fieldset>
      ) : null}
      <div className="grid-3">
        <InputField
          label="Question key"
          hint="Stays the same across quarters so trends line up."
          error={errors.key}
          className="input mono"
          value={effectiveKey}
          disabled={locked}
          onChange={(e) => {
            setKeyTouched(true);
            setKey(e.target.value);
          }}
        />
        {kind === "free_text" ? (
          <InputField
            label="Character limit"
            error={errors.maxLength}
            type="number"
            min={20}
            max={5000}
            value={maxLength}
            disabled={locked}
            onChange={(e) => setMaxLength(e.target.value)}
          />
        ) : (
          <div />
        )}
        <label className="row checkbox-row">
          <input type="checkbox" checked={required} disabled={locked} onChange={(e) => setRequired(e.target.checked)} />{" "}
          Answer required
        </label>
      </div>
      <ErrorAlert message={message} />
      <div className="row">
        <button className="btn btn-primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
