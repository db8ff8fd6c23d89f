import { describe, expect, it } from "vitest";
import {
  isPeriod,
  nextPeriod,
  periodOfDate,
  periodOfIsoDate,
  previousPeriod,
  shiftPeriod,
  todayIsoDate,
} from "./period";

describe("quarters", () => {
  it("maps dates to their quarter", () => {
    expect(periodOfIsoDate("2026-01-01")).toBe("2026-Q1");
    expect(periodOfIsoDate("2026-03-31")).toBe("2026-Q1");
    expect(periodOfIsoDate("2026-04-01")).toBe("2026-Q2");
    expect(periodOfIsoDate("2026-12-31T23:59:59Z")).toBe("2026-Q4");
    expect(periodOfDate(new Date(Date.UTC(2027, 6, 15)))).toBe("2027-Q3");
  });

  it("moves across year boundaries", () => {
    expect(nextPeriod("2026-Q4")).toBe("2027-Q1");
    expect(previousPeriod("2026-Q1")).toBe("2025-Q4");
    expect(shiftPeriod("2026-Q2", 6)).toBe("2027-Q4");
    expect(shiftPeriod("2026-Q2", -6)).toBe("2024-Q4");
  });

  it("validates the format", () => {
    expect(isPeriod("2026-Q3")).toBe(true);
    expect(isPeriod("2026-Q5")).toBe(false);
    expect(isPeriod("26-Q1")).toBe(false);
    expect(() => nextPeriod("soon")).toThrow();
  });

  it("keeps only the day of a timestamp", () => {
    expect(todayIsoDate(new Date("2026-05-06T22:13:14.123Z"))).toBe("2026-05-06");
  });
});
