import { describe, expect, it } from "vitest";
import {
  isPeriod,
  nextPeriod,
  periodOfDate,
  periodSchema,
  previousPeriod,
  quartersBetween,
  shiftPeriod,
} from "./period";

describe("quarters", () => {
  it("maps dates, ISO dates and timestamps to their quarter (UTC)", () => {
    expect(periodOfDate("2026-01-01")).toBe("2026-Q1");
    expect(periodOfDate("2026-03-31")).toBe("2026-Q1");
    expect(periodOfDate("2026-04-01")).toBe("2026-Q2");
    expect(periodOfDate("2026-12-31T23:59:59Z")).toBe("2026-Q4");
    expect(periodOfDate(new Date(Date.UTC(2027, 6, 15)))).toBe("2027-Q3");
    expect(periodOfDate(new Date(Date.UTC(2026, 10, 21)))).toBe("2026-Q4");
  });

  it("moves across year boundaries", () => {
    expect(nextPeriod("2026-Q4")).toBe("2027-Q1");
    expect(previousPeriod("2026-Q1")).toBe("2025-Q4");
    expect(shiftPeriod("2026-Q2", 6)).toBe("2027-Q4");
    expect(shiftPeriod("2026-Q2", -6)).toBe("2024-Q4");
    expect(shiftPeriod("2026-Q3", 0)).toBe("2026-Q3");
  });

  it("validates the format", () => {
    expect(isPeriod("2026-Q3")).toBe(true);
    expect(isPeriod("2026-Q5")).toBe(false);
    expect(isPeriod("2026-Q0")).toBe(false);
    expect(isPeriod("26-Q1")).toBe(false);
    expect(isPeriod("2026-q1")).toBe(false);
    expect(() => nextPeriod("soon")).toThrow();
  });

  it("parses quarters from input, with one message for anything else", () => {
    expect(periodSchema.parse(" 2026-Q3 ")).toBe("2026-Q3");
    for (const bad of ["2026-Q5", "", "Q3 2026", 2026, null]) {
      const result = periodSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe("Enter a quarter such as 2026-Q3");
    }
  });

  it("counts quarters between two quarters across years, negative when backwards", () => {
    expect(quartersBetween("2026-Q3", "2027-Q2")).toBe(3);
    expect(quartersBetween("2026-Q3", "2026-Q3")).toBe(0);
    expect(quartersBetween("2027-Q1", "2026-Q4")).toBe(-1);
    expect(() => quartersBetween("2026-Q5", "2026-Q1")).toThrow(/Not a quarter/);
  });
});
