import { describe, expect, it } from "vitest";
import { onPlatformIn } from "./platform-history";

describe("onPlatformIn", () => {
  const changes = [
    { effectivePeriod: "2026-Q2", onPlatform: true },
    { effectivePeriod: "2025-Q4", onPlatform: false },
    { effectivePeriod: "2027-Q1", onPlatform: false },
  ];
  it("uses the flag that held in each quarter", () => {
    expect(onPlatformIn(changes, "2025-Q3")).toBe(false);
    expect(onPlatformIn(changes, "2026-Q1")).toBe(false);
    expect(onPlatformIn(changes, "2026-Q2")).toBe(true);
    expect(onPlatformIn(changes, "2026-Q4")).toBe(true);
    expect(onPlatformIn(changes, "2027-Q1")).toBe(false);
  });
  it("falls back when nothing is recorded yet", () => {
    expect(onPlatformIn([], "2026-Q1", true)).toBe(true);
  });
});
