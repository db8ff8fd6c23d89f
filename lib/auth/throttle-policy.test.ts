import { describe, expect, it } from "vitest";
import { accountPolicy, addressPolicy, blockSecondsAfter } from "./throttle-policy";

describe("blockSecondsAfter", () => {
  it("lets the first few mistakes pass, then doubles the wait", () => {
    expect([1, 2, 3, 4].map((n) => blockSecondsAfter(n, accountPolicy))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => blockSecondsAfter(n, accountPolicy))).toEqual([1, 2, 4, 8]);
  });

  it("never makes the rightful owner of an account wait more than a minute", () => {
    for (const n of [11, 12, 50, 10_000]) expect(blockSecondsAfter(n, accountPolicy)).toBe(60);
  });

  it("slows a failing address harder, capped at 15 minutes", () => {
    expect(blockSecondsAfter(19, addressPolicy)).toBe(0);
    expect(blockSecondsAfter(20, addressPolicy)).toBe(1);
    expect(blockSecondsAfter(29, addressPolicy)).toBe(512);
    expect(blockSecondsAfter(30, addressPolicy)).toBe(900);
    expect(blockSecondsAfter(1e6, addressPolicy)).toBe(900);
  });
});
