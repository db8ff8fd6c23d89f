import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath, signInPathFor } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeCallbackPath("/surveys/123?tab=links#q2")).toBe("/surveys/123?tab=links#q2");
    expect(safeCallbackPath("/dashboard")).toBe("/dashboard");
    expect(safeCallbackPath("/backlog?scope=2026-Q3%2Fall")).toBe("/backlog?scope=2026-Q3%2Fall");
  });

  it.each([
    "//evil.example/phish",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " //evil.example",
    "/%E0%A4%A",
    "",
  ])("sends %j to the dashboard", (raw) => {
    expect(safeCallbackPath(raw)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("refuses non-strings and absurd lengths", () => {
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath(["/surveys"])).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("accepts absolute URLs only on the site's own origin, given that origin", () => {
    expect(safeCallbackPath("http://localhost:3000/surveys?x=1", "http://localhost:3000")).toBe("/surveys?x=1");
    expect(safeCallbackPath("http://localhost:3000/surveys")).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath("http://localhost:3001/surveys", "http://localhost:3000")).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath("https://evil.example/dashboard", "http://localhost:3000")).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath("http://localhost:3000//evil.example", "http://localhost:3000")).toBe(
      DEFAULT_AFTER_SIGN_IN,
    );
  });
});

describe("signInPathFor", () => {
  it("returns to the page asked for, and only to a path on this site", () => {
    expect(signInPathFor("/journeys/42?tab=steps")).toBe("/sign-in?callbackUrl=%2Fjourneys%2F42%3Ftab%3Dsteps");
    expect(signInPathFor("/dashboard")).toBe("/sign-in");
    expect(signInPathFor(null)).toBe("/sign-in");
    expect(signInPathFor("//evil.example/x")).toBe("/sign-in");
    expect(signInPathFor("https://evil.example/")).toBe("/sign-in");
  });
});
