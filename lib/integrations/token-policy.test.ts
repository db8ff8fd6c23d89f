import { describe, expect, it } from "vitest";
import { decideTokenAccess, rateWindow } from "./token-policy";

const decide = (over: Partial<Parameters<typeof decideTokenAccess>[0]>) =>
  decideTokenAccess({ scope: "read_write", holderRole: "owner", required: "viewer", method: "GET", ...over });

describe("what an API token may do", () => {
  it("lets a read token read as a viewer and nothing else", () => {
    expect(decide({ scope: "read" })).toEqual({ allowed: true, role: "viewer" });
    expect(decide({ scope: "read", method: "POST", required: "editor" }).allowed).toBe(false);
    expect(decide({ scope: "read", method: "DELETE", required: "viewer" }).allowed).toBe(false);
  });

  it("lets a read-write token do what an editor does, never owner-only or session-only work", () => {
    expect(decide({ method: "POST", required: "editor" })).toEqual({ allowed: true, role: "editor" });
    expect(decide({ method: "GET", required: "owner" }).allowed).toBe(false);
    expect(decide({ method: "POST", required: "viewer", sessionOnly: true }).allowed).toBe(false);
  });

  it("never gives more than the holder's current role", () => {
    expect(decide({ holderRole: "viewer", method: "POST", required: "editor" }).allowed).toBe(false);
    expect(decide({ holderRole: "viewer" })).toEqual({ allowed: true, role: "viewer" });
  });

  it("counts in fixed one-minute windows and says how long until the next", () => {
    const w = rateWindow(new Date("2026-11-28T10:00:45.500Z"));
    expect(w.start.toISOString()).toBe("2026-11-28T10:00:00.000Z");
    expect(w.retryAfterSeconds).toBe(15);
    expect(rateWindow(new Date("2026-11-28T10:00:59.999Z")).retryAfterSeconds).toBe(1);
  });
});
