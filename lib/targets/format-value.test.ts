import { describe, expect, it } from "vitest";
import { formatterFor } from "@/lib/format";
import { formatTargetValue } from "./format-value";

describe("formatTargetValue", () => {
  const f = formatterFor("en-GB");
  it("reads each measure in its own unit", () => {
    expect(formatTargetValue(f, "nps", 40)).toBe("+40");
    expect(formatTargetValue(f, "nps", -12.4)).toBe("−12");
    expect(formatTargetValue(f, "dimension", 3.8)).toBe("3.80");
    expect(formatTargetValue(f, "dora", 3)).toBe("High");
    expect(formatTargetValue(f, "timing", 110)).toBe("110 min");
    expect(formatTargetValue(f, "timing", 7.5)).toBe("7.5 min");
  });
});
