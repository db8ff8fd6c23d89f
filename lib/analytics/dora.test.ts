import { describe, expect, it } from "vitest";
import { bandRank, classifyDora } from "./dora";

describe("classifyDora", () => {
  it("takes the median band across the four metrics, the worse one on a tie", () => {
    expect(classifyDora(["elite", "elite", "high", "low"])).toBe("high");
    expect(classifyDora(["elite", "high", "medium", "low"])).toBe("medium");
    expect(classifyDora(["elite", "elite", "elite", "elite"])).toBe("elite");
    expect(classifyDora(["high", "medium", "low"])).toBe("medium");
  });

  it("ignores missing metrics and returns null when none are known", () => {
    expect(classifyDora([null, "low", undefined, "low"])).toBe("low");
    expect(classifyDora([null, undefined])).toBeNull();
    expect(bandRank("elite")).toBe(0);
    expect(bandRank("low")).toBe(3);
  });
});
