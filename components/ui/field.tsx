import { useId } from "react";

/** A labelled form control with its hint and error wired up for screen readers. */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string[] | string;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = useId();
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy =
    [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {message ? (
        <span className="field-error" id={`${id}-error`} role="alert">
          {message}
        </span>
      ) : null}
    </div>
  );
}

/** A labelled `<input>`: Field with the input's own attributes passed through (class "input" unless given). */
export function InputField({
  label,
  hint,
  error,
  className = "input",
  ...input
}: { label: string; hint?: string; error?: string[] | string } & Omit<React.ComponentProps<"input">, "id">) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => <input {...p} className={className} {...input} />}
    </Field>
  );
}
