import { describe, expect, it } from "vitest";
import { formatDeployRate, formatDuration, formatRate } from "./format";

describe("delivery formatting", () => {
  it("picks a unit a reader can compare", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(20)).toBe("1 min");
    expect(formatDuration(2700)).toBe("45 min");
    expect(formatDuration(90000)).toBe("25.0 h");
    expect(formatDuration(3 * 86400)).toBe("3.0 days");
    expect(formatDeployRate(2.5)).toBe("2.5 a day");
    expect(formatDeployRate(0.5)).toBe("3.5 a week");
    expect(formatDeployRate(0.05)).toBe("1.5 a month");
    expect(formatRate(0.6)).toBe("60%");
  });
});
