// A form's fields as a JSON body. The API's schemas take numbers as JSON numbers only (a string, null,
// true or [] is refused, never coerced), so number inputs are converted here, where the form knows
// which fields are numbers.

/** "" (left empty) and anything that is not a number become null, which the schema refuses with the field's own message. */
export function formNumber(value: FormDataEntryValue | string | null | undefined): number | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Every field of the form as a string, except `numberFields`, which become numbers (see formNumber). */
export function formValues(form: HTMLFormElement, numberFields: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = Object.fromEntries(new FormData(form));
  for (const name of numberFields) if (name in values) values[name] = formNumber(values[name] as FormDataEntryValue);
  return values;
}
