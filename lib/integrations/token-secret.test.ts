import { describe, expect, it } from "vitest";
import { bearerTokenOf, generateApiToken, hashApiToken } from "./token-secret";

describe("API token secrets", () => {
  it("are random, prefixed, and stored only as a SHA-256 that matches the token", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).toMatch(/^dxp_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.token.startsWith(a.prefix)).toBe(true);
    expect(a.prefix).toHaveLength(10);
  });

  it("reads the bearer token, tells a missing header from a malformed one", () => {
    expect(bearerTokenOf(null)).toBeNull();
    expect(bearerTokenOf("Bearer dxp_abc-DEF_1")).toBe("dxp_abc-DEF_1");
    expect(bearerTokenOf("bearer dxp_x")).toBe("dxp_x");
    expect(bearerTokenOf("Basic dXNlcjpwYXNz")).toBe("");
    expect(bearerTokenOf("Bearer ")).toBe("");
    expect(bearerTokenOf("Bearer a b")).toBe("");
  });
});
