import { describe, expect, it } from "vitest";
import { FRICTION_SCOPE, formatScope, parseScope, quartersScope, scopeHasNotes, surveyScope } from "./scope";

describe("backlog scopes", () => {
  it("round-trips the three kinds", () => {
    for (const s of [
      "friction",
      "notes",
      "periods+notes:2026-Q1..2026-Q2",
      "periods:2026-Q1..2026-Q4",
      "survey:0b3c5d1e-2f4a-4b6c-8d9e-0f1a2b3c4d5e",
    ]) {
      expect(formatScope(parseScope(s)!)).toBe(s);
    }
  });
  it("refuses malformed scopes and backwards ranges", () => {
    for (const s of [
      "",
      "survey:x",
      "periods:2026-Q4..2026-Q1",
      "periods:2026-Q5..2026-Q6",
      "periods:2026-Q1",
      "frictions",
      "note",
      "periods+notes:2026-Q3..2026-Q1",
      "periods+notes:2026-Q1",
    ]) {
      expect(parseScope(s)).toBeNull();
    }
  });
  it("builds each kind through the same codec that parses it", () => {
    expect(parseScope(quartersScope("2026-Q2", "2026-Q3"))).toEqual({
      kind: "periods",
      from: "2026-Q2",
      to: "2026-Q3",
    });
    const id = "0b3c5d1e-2f4a-4b6c-8d9e-0f1a2b3c4d5e";
    expect(parseScope(surveyScope(id))).toEqual({ kind: "survey", surveyId: id });
    expect(parseScope(FRICTION_SCOPE)).toEqual({ kind: "friction" });
  });
  it("knows which scopes hold feedback notes (signed-in pages only)", () => {
    expect(["notes", "periods+notes:2026-Q1..2026-Q2"].map(scopeHasNotes)).toEqual([true, true]);
    expect(["friction", "periods:2026-Q1..2026-Q2", "bogus"].map(scopeHasNotes)).toEqual([false, false, false]);
  });
});
