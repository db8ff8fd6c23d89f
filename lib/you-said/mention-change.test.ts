import { describe, expect, it } from "vitest";
import { readMentionChange } from "./mention-change";

const rate = (period: string, rate: number, low: number, high: number) => ({ period, rate, low, high });

describe("readMentionChange", () => {
  it("says fewer only when the earlier rate is outside the latest interval", () => {
    expect(readMentionChange(rate("2026-Q2", 0.4, 0.3, 0.5), rate("2026-Q3", 0.15, 0.08, 0.25))).toBe("fewer");
    expect(readMentionChange(rate("2026-Q2", 0.1, 0.05, 0.2), rate("2026-Q3", 0.3, 0.22, 0.4))).toBe("more");
  });

  it("calls a drop inside the latest interval no clear change yet (within noise is not progress)", () => {
    expect(readMentionChange(rate("2026-Q2", 0.3, 0.2, 0.4), rate("2026-Q3", 0.24, 0.14, 0.37))).toBe(
      "no_clear_change",
    );
  });

  it("has nothing to compare when either quarter has no published rate", () => {
    expect(readMentionChange(null, rate("2026-Q3", 0.2, 0.1, 0.3))).toBe("no_data");
    expect(readMentionChange(rate("2026-Q2", 0.2, 0.1, 0.3), null)).toBe("no_data");
  });
});
