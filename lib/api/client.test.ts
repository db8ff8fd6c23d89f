import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiFetch, isRetryable, NETWORK_ERROR_MESSAGE, plainErrorMessage } from "./client";

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: string) =>
  vi.stubGlobal("fetch", async () => new Response(body, { status, headers: { "content-type": "application/json" } }));

describe("apiFetch", () => {
  it("turns a request that reached nothing into a plain sentence, never 'Failed to fetch'", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const error = (await apiFetch("/api/x").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
    expect(isRetryable(error)).toBe(true);
  });

  it("keeps the server's own message and field errors", async () => {
    answer(
      422,
      JSON.stringify({ error: { code: "validation", message: "Check the fields", fieldErrors: { a: ["No"] } } }),
    );
    const error = (await apiFetch("/api/x").catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe("Check the fields");
    expect(error.fieldErrors).toEqual({ a: ["No"] });
    expect(isRetryable(error)).toBe(false);
  });

  it("says the server failed in words when a 5xx has no JSON body", async () => {
    answer(502, "<html>Bad gateway</html>");
    const error = (await apiFetch("/api/x").catch((e: unknown) => e)) as ApiError;
    expect(error.message).toMatch(/could not finish this just now/);
    expect(isRetryable(error)).toBe(true);
  });

  it("lets an aborted request stay an abort", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new DOMException("aborted", "AbortError");
    });
    await expect(apiFetch("/api/x")).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("plainErrorMessage", () => {
  it("maps any error to words", () => {
    expect(plainErrorMessage(new ApiError("Survey not found", 404, "not_found"))).toBe("Survey not found");
    expect(plainErrorMessage(new TypeError("Load failed"))).toBe(NETWORK_ERROR_MESSAGE);
    expect(plainErrorMessage("boom")).toBe("Something went wrong. Try again.");
  });
});
