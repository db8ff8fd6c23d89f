import { describe, expect, it } from "vitest";
import { hiddenMessage } from "./suppression";

describe("hiddenMessage", () => {
  it("says why a figure is withheld, with k", () => {
    expect(hiddenMessage("below_threshold", 5)).toBe("Hidden: fewer than 5 responses");
    expect(hiddenMessage("complement", 3)).toContain("fewer than 3");
    expect(hiddenMessage("collecting", 5)).toContain("closes");
  });
});
