// How a failed form submission reads: the server's field messages beside their fields, or one
// general message when the error is not about any field (a conflict, a lost connection).
import { ApiError, plainErrorMessage } from "./client";

export type FormErrors = {
  /** Messages per field path ("title", "options.0.label"), from the handler's zod error. */
  fieldErrors: Record<string, string[] | undefined>;
  /** The first message for a field, for `<Field error={…}>` and aria-invalid. */
  errorFor: (name: string) => string[] | undefined;
  /** The error's message when no field explains it; null when there is no error or a field does. */
  generalError: string | null;
};

export function formErrors(error: unknown): FormErrors {
  const fieldErrors = error instanceof ApiError ? (error.fieldErrors ?? {}) : {};
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return {
    fieldErrors,
    errorFor: (name) => fieldErrors[name],
    generalError: error && !hasFieldErrors ? plainErrorMessage(error) : null,
  };
}
