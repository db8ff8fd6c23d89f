import { AppError, isDatabaseUnavailable } from "@/lib/errors";

/**
 * What a failed attempt stores as its error: a sentence an owner can act on. Never an arbitrary
 * error's message, which may quote values (a database error its parameters, a parse error its input):
 * it lands in pgboss.job and on Settings → Jobs.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (isDatabaseUnavailable(error)) return "The database could not be reached";
  const name = error instanceof Error ? error.name : typeof error;
  if (name === "DatabaseError" && error instanceof Error) return `A database statement failed (${error.message})`;
  return `Unexpected error (${name})`;
}

/** The stored output of a failed job (pg-boss serialises the error, or a reason of its own) in plain words. */
export function describeJobFailure(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const value = (output as { value?: unknown }).value;
  const message =
    typeof (output as { message?: unknown }).message === "string"
      ? (output as { message: string }).message
      : typeof value === "string"
        ? value
        : typeof (value as { message?: unknown })?.message === "string"
          ? (value as { message: string }).message
          : null;
  if (!message) return null;
  if (/handler execution exceeded/i.test(message) || /failed by timeout/i.test(message))
    return "Ran longer than its time limit and was stopped";
  if (/shut down while active/i.test(message)) return "Interrupted: the server running it shut down";
  return message;
}
