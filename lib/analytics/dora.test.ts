import { describe, expect, it } from "vitest";
import { bandRank, classifyDora, medianBand } from "./dora";

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

describe("medianBand", () => {
  it("is the first band reaching half of the answers, like percentile_disc(0.5)", () => {
    expect(medianBand({ elite: 5, high: 5, medium: 0, low: 0 })).toBe("elite");
    expect(medianBand({ elite: 4, high: 5, medium: 0, low: 0 })).toBe("high");
    expect(medianBand({ elite: 1, high: 1, medium: 1, low: 7 })).toBe("low");
    expect(medianBand({ elite: 0, high: 0, medium: 1, low: 0 })).toBe("medium");
    expect(medianBand({ elite: 0, high: 0, medium: 0, low: 0 })).toBeNull();
  });
});
