// What every API endpoint shares, whichever router serves it (lib/api/route.ts for the App Router,
// lib/api/node-route.ts for the public submission endpoint): input parsing and the one mapping of
// errors to HTTP statuses and bodies. No session or request objects here. Errors are logged through
// describeForLog (lib/errors.ts): never a request's values.
import { z } from "zod";
import {
  AppError,
  describeForLog,
  isDatabaseUnavailable,
  pgErrorCode,
  RateLimitedError,
  type FieldErrors,
} from "@/lib/errors";

/** Headers as both routers can offer them (a Web `Headers` object fits). */
export type HeaderReader = { get(name: string): string | null };

export type Reply = { status: number; body: unknown; headers: Record<string, string> };

/** The body of every error answer, whichever router serves it; the OpenAPI document's Error schema. */
export const errorEnvelope = z
  .object({
    error: z.object({
      code: z.string().meta({ examples: ["validation", "not_found", "gone", "rate_limited"] }),
      message: z.string(),
      fieldErrors: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ examples: [{ "answers.3.value": ["Pick a whole number from 1 to 5"] }] }),
    }),
  })
  .meta({ id: "Error" });

export function errorReply(error: unknown): Reply {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } },
      headers: headersFor(error),
    };
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[api] database unavailable: ${describeForLog(error)}`);
    return {
      status: 503,
      body: {
        error: {
          code: "unavailable",
          message: "The service is temporarily unavailable. Nothing was saved; please try again shortly.",
        },
      },
      headers: { "Retry-After": "5" },
    };
  }
  // SQLSTATE class 22 (data exception) means a value the schemas let through cannot be stored, e.g.
  // 5e-324 in a real column: the statement failed, so it is the caller's input, not our outage.
  if (pgErrorCode(error)?.startsWith("22")) {
    console.warn(`[api] value refused by the database: ${describeForLog(error)}`);
    return {
      status: 422,
      body: {
        error: {
          code: "validation",
          message: "A value in the request is out of the range that can be stored. Nothing was saved.",
        },
      },
      headers: {},
    };
  }
  console.error(`[api] unexpected error: ${describeForLog(error)}`);
  return {
    status: 500,
    body: { error: { code: "internal", message: "Something went wrong on our side. Nothing was saved." } },
    headers: {},
  };
}

function headersFor(error: AppError): Record<string, string> {
  if (error.code === "rate_limited")
    return { "Retry-After": String(error instanceof RateLimitedError ? error.retryAfterSeconds : 60) };
  // The rest of an over-cap body is never read: close the connection rather than keep it for the
  // client to finish sending (Node would otherwise read and discard it before the next request).
  if (error.code === "payload_too_large") return { Connection: "close" };
  return {};
}

/** Zod issues as `{ "answers.3.value": ["…"] }` so forms and API clients can point at the field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses params, query or body; bad params are a 404 (no such resource), the rest a 422 with field messages. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, where: "params" | "query" | "body"): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  if (where === "params") throw new AppError("not_found", "Not found");
  const fieldErrors = fieldErrorsOf(result.error);
  const first = result.error.issues[0];
  const message = first ? `${first.path.length ? first.path.join(".") + ": " : ""}${first.message}` : "Invalid input";
  throw new AppError("validation", message, fieldErrors);
}

export const bodyTooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `Request body is larger than ${Math.round(maxBytes / 1024)} KB`);

export function assertJsonContentType(headers: HeaderReader) {
  if (!(headers.get("content-type") ?? "").includes("application/json")) {
    throw new AppError("bad_request", "Send the body as JSON (Content-Type: application/json)");
  }
}

/** A request body as JSON, with every string made storable (see storableText). */
export function parseJsonText(text: string): unknown {
  if (!text.trim()) throw new AppError("bad_request", "The request body is empty");
  try {
    // NUL and lone surrogates can only arrive as \u escapes (raw, JSON refuses NUL and UTF-8 decoding
    // has already replaced broken sequences), so a body without any skips the per-string pass.
    if (!text.includes("\\u")) return JSON.parse(text);
    return JSON.parse(text, (_key, value) => (typeof value === "string" ? storableText(value) : value));
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}

// PostgreSQL cannot store NUL in text or jsonb, and a lone UTF-16 surrogate reaches it as invalid
// UTF-8 (PGlite): either fails the whole statement with a 500. No field has a use for them, so NUL is
// dropped at the door (as answers already lose control characters) and a lone surrogate becomes U+FFFD,
// which is what any UTF-8 encoder makes of it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const storableText = (value: string) => value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
