// Typed errors with stable codes, mapped to HTTP in one place (lib/api/route.ts).
export type ErrorCode =
  | "bad_request"
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable";

export const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export type FieldErrors = Record<string, string[] | undefined>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status() {
    return statusByCode[this.code];
  }
}

/** A 429 that knows when the caller may try again (its Retry-After). */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message);
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02",
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08006",
]);

/** True when the database could not be reached: the request failed and nothing was acknowledged. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Postgres error code of a (possibly wrapped) driver error, e.g. 23505 for unique violations. */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * One line (plus stack frames) to log about an unexpected error. Never the message of an arbitrary
 * error: messages quote values (a JSON SyntaxError quotes the body, an Invalid URL the input, a
 * database error its parameters). A DatabaseError (lib/db/query-errors.ts) is built to be safe, so its
 * message (code, constraint, statement fingerprint) is kept.
 */
export function describeForLog(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current !== "object") {
      parts.push(typeof current);
      break;
    }
    const e = current as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    const name = typeof e.name === "string" ? e.name : (current.constructor?.name ?? "object");
    const code = typeof e.code === "string" && /^[A-Za-z0-9_]{1,40}$/.test(e.code) ? ` ${e.code}` : "";
    parts.push(name === "DatabaseError" && typeof e.message === "string" ? e.message : `${name}${code}`);
    current = e.cause;
  }
  const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
  const frames = stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8);
  return [parts.join(" ← caused by "), ...frames].join("\n");
}
