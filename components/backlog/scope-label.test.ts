import { describe, expect, it } from "vitest";
import type { BacklogScopeOptions } from "@/lib/backlog/queries";
import { CUSTOM_RANGE, scopeChoices, scopeLabel } from "./scope-label";

const options: BacklogScopeOptions = {
  surveys: [{ id: "00000000-0000-4000-8000-000000000001", title: "DX 2026-Q4", period: "2026-Q4", textCount: 12 }],
  periods: ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"],
  frictionCount: 3,
  analysed: [],
};

describe("scopeChoices", () => {
  it("offers all quarters, each quarter newest first, a custom range, each survey, the friction log and the notes", () => {
    const choices = scopeChoices(options);
    expect(choices.map((c) => c.value)).toEqual([
      "periods:2026-Q1..2026-Q4",
      "periods:2026-Q4..2026-Q4",
      "periods:2026-Q3..2026-Q3",
      "periods:2026-Q2..2026-Q2",
      "periods:2026-Q1..2026-Q1",
      CUSTOM_RANGE,
      "survey:00000000-0000-4000-8000-000000000001",
      "friction",
      "notes",
      "periods+notes:2026-Q1..2026-Q4",
    ]);
    expect(scopeLabel("periods+notes:2026-Q1..2026-Q4", options)).toBe(
      "Quarters 2026-Q1 – 2026-Q4 with feedback notes",
    );
    expect(scopeLabel("notes", options)).toBe("Feedback notes");
  });

  it("lists the custom range being shown, so the picker names it", () => {
    const choices = scopeChoices(options, "periods:2026-Q2..2026-Q3");
    expect(choices).toContainEqual({
      value: "periods:2026-Q2..2026-Q3",
      label: "Quarters 2026-Q2 – 2026-Q3",
      group: "Quarters",
    });
    expect(scopeChoices(options, "periods:2026-Q3..2026-Q2").some((c) => c.value === "periods:2026-Q3..2026-Q2")).toBe(
      false,
    );
  });

  it("offers no custom range with two quarters or fewer", () => {
    expect(scopeChoices({ ...options, periods: ["2026-Q3", "2026-Q4"] }).some((c) => c.value === CUSTOM_RANGE)).toBe(
      false,
    );
  });
});

describe("scopeLabel", () => {
  it("names quarters, surveys and the friction log", () => {
    expect(scopeLabel("periods:2026-Q2..2026-Q2", options)).toBe("Quarter 2026-Q2");
    expect(scopeLabel("survey:00000000-0000-4000-8000-000000000001", options)).toBe("DX 2026-Q4");
    expect(scopeLabel("friction", options)).toBe("Friction log");
  });
});
