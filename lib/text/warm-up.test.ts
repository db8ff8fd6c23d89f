import { describe, expect, it } from "vitest";
import { clusterAnswers } from "./cluster";
import { warmUpAnswers } from "./warm-up";

describe("warmUpAnswers", () => {
  it("is the same text every time, with distinct ids", () => {
    const first = warmUpAnswers(500);
    expect(first).toEqual(warmUpAnswers(500));
    expect(new Set(first.map((a) => a.id)).size).toBe(500);
  });

  it("takes the clustering through every stage: several named themes, some with sub-themes", () => {
    const result = clusterAnswers(warmUpAnswers(1_500));
    expect(result.k).toBeGreaterThanOrEqual(4);
    expect(result.themes.every((t) => t.label.length > 0 && t.representativeIds.length > 0)).toBe(true);
    expect(result.themes.some((t) => t.subThemes.length >= 2)).toBe(true);
  });
});
