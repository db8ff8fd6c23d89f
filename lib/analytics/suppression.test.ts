import { describe, expect, it } from "vitest";
import { hiddenMessage } from "./suppression";

describe("hiddenMessage", () => {
  it("says why a figure is withheld, with k", () => {
    expect(hiddenMessage("below_threshold", 5)).toBe("Hidden: fewer than 5 responses");
    expect(hiddenMessage("complement", 3)).toContain("fewer than 3");
    expect(hiddenMessage("collecting", 5)).toContain("closes");
  });

  it("names the group a complement cell protects, and puts 'fewer than k' on that group, not on the cell", () => {
    expect(hiddenMessage("complement", 5, ["Identity"])).toBe(
      "Hidden to protect Identity (fewer than 5), who could otherwise be worked out by subtraction",
    );
    expect(hiddenMessage("complement", 5)).toMatch(/^Hidden to protect a smaller group \(fewer than 5\)/);
  });
});
