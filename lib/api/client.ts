// Browser-side fetch for our JSON API: throws ApiError carrying the server's field messages, and is the one
// place where a failure becomes words a person can act on (never a bare "Failed to fetch").
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fieldErrors: Record<string, string[] | undefined> = {},
  ) {
    super(message);
  }
}

export const NETWORK_ERROR_MESSAGE = "Could not reach DX Pulse. Check your connection and try again.";
const SERVER_ERROR_MESSAGE = "DX Pulse could not finish this just now. Try again in a moment.";
const UNKNOWN_ERROR_MESSAGE = "Something went wrong. Try again.";

/** What a person reads for any error a request can end in. */
export function plainErrorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  // fetch rejects with a TypeError ("Failed to fetch", "Load failed", "NetworkError…") when nothing answered.
  if (error instanceof TypeError) return NETWORK_ERROR_MESSAGE;
  return UNKNOWN_ERROR_MESSAGE;
}

/**
 * Whether trying the same request again can help: nothing answered, the server failed, or it asked us to
 * slow down. A refused request (bad filter, no access, not found) fails the same way every time.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429;
}

export async function apiFetch<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      headers: { ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch (error) {
    // An aborted query (TanStack cancels on unmount) is not a failure to describe.
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(NETWORK_ERROR_MESSAGE, 0, "network");
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const err = data?.error ?? {};
    throw new ApiError(
      err.message ?? (response.status >= 500 ? SERVER_ERROR_MESSAGE : `Request failed (${response.status})`),
      response.status,
      err.code ?? "unknown",
      err.fieldErrors,
    );
  }
  return data as T;
}
