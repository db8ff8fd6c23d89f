import { describe, expect, it } from "vitest";
import { quarterToDraftAfter } from "./next-quarter";

describe("quarterToDraftAfter", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  it("is the next quarter while it is still ahead", () => {
    expect(quarterToDraftAfter("2026-Q4", now)).toBe("2027-Q1");
    expect(quarterToDraftAfter("2027-Q2", now)).toBe("2027-Q3");
  });
  it("skips quarters already started: the first one still ahead", () => {
    expect(quarterToDraftAfter("2026-Q3", now)).toBe("2027-Q1");
    expect(quarterToDraftAfter("2019-Q1", now)).toBe("2027-Q1");
  });
  it("counts a quarter that starts this very moment as started", () => {
    expect(quarterToDraftAfter("2026-Q3", new Date("2026-10-01T00:00:00Z"))).toBe("2027-Q1");
  });
});
