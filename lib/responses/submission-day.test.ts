import { describe, expect, it } from "vitest";
import { todayIsoDate } from "./submission-day";

describe("todayIsoDate", () => {
  it("keeps only the day of a timestamp", () => {
    expect(todayIsoDate(new Date("2026-05-06T22:13:14.123Z"))).toBe("2026-05-06");
  });
});
