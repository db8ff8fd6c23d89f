import { describe, expect, it } from "vitest";
import { canTransition, surveyAvailability } from "./lifecycle";

describe("survey lifecycle", () => {
  it("allows draft → open → closed → open only", () => {
    expect(canTransition("draft", "open")).toBe(true);
    expect(canTransition("open", "closed")).toBe(true);
    expect(canTransition("closed", "open")).toBe(true);
    expect(canTransition("open", "draft")).toBe(false);
    expect(canTransition("draft", "closed")).toBe(false);
  });

  it("respects open and close dates inclusively", () => {
    const open = { status: "open" as const, opensOn: "2026-07-01", closesOn: "2026-07-31" };
    expect(surveyAvailability(open, "2026-06-30")).toBe("not_yet_open");
    expect(surveyAvailability(open, "2026-07-01")).toBe("open");
    expect(surveyAvailability(open, "2026-07-31")).toBe("open");
    expect(surveyAvailability(open, "2026-08-01")).toBe("closed");
    expect(surveyAvailability({ ...open, status: "closed" }, "2026-07-10")).toBe("closed");
    expect(surveyAvailability({ ...open, status: "draft" }, "2026-07-10")).toBe("draft");
    expect(surveyAvailability({ status: "open", opensOn: null, closesOn: null }, "2030-01-01")).toBe("open");
  });
});
