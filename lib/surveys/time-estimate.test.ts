import { describe, expect, it } from "vitest";
import { getTemplate } from "./templates";
import { estimateLabel, estimateSeconds } from "./time-estimate";

describe("time estimate", () => {
  it("keeps the quarterly template within the 2–5 minute budget", () => {
    const seconds = estimateSeconds(getTemplate("quarterly-dx")!.questions);
    expect(seconds).toBeGreaterThanOrEqual(120);
    expect(seconds).toBeLessThanOrEqual(300);
  });
  it("never says zero minutes", () => {
    expect(estimateLabel([])).toBe("About 1 minute");
    expect(estimateLabel([{ kind: "free_text" }, { kind: "free_text" }])).toBe("About 2 minutes");
  });
});
