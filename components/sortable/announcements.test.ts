import type { Active, Over } from "@dnd-kit/core";
import { describe, expect, it } from "vitest";
import { sortableAnnouncements } from "./announcements";

const names: Record<string, string> = { a: "Plan", b: "Build", c: "Ship" };
const words = sortableAnnouncements({
  ids: ["a", "b", "c"],
  describe: (id) => `step “${names[id]}”`,
  where: "on the golden path",
});
// dnd-kit passes its own Active/Over objects; only the id matters to the wording.
const active = (id: string) => ({ id }) as unknown as Active;
const over = (id: string) => ({ id }) as unknown as Over;

describe("sortableAnnouncements", () => {
  it("names the row and its position when it is picked up", () => {
    expect(words.onDragStart({ active: active("b") })).toBe(
      "Picked up step “Build”. It is in position 2 of 3 on the golden path.",
    );
  });

  it("gives the position the row would take, or says it is back where it was", () => {
    words.onDragStart({ active: active("b") });
    expect(words.onDragOver({ active: active("b"), over: over("c") })).toBe(
      "Step “Build” is over position 3 of 3 on the golden path.",
    );
    expect(words.onDragOver({ active: active("b"), over: over("b") })).toBe(
      "Step “Build” is back in position 2 of 3 on the golden path.",
    );
    expect(words.onDragOver({ active: active("b"), over: null })).toMatch(/not over the list/);
  });

  it("stays quiet while the place does not change, so the pick-up message is heard", () => {
    words.onDragStart({ active: active("a") });
    // dnd-kit reports the row over itself straight after the pick-up.
    expect(words.onDragOver({ active: active("a"), over: over("a") })).toBeUndefined();
    expect(words.onDragOver({ active: active("a"), over: over("b") })).toMatch(/over position 2/);
    expect(words.onDragOver({ active: active("a"), over: over("b") })).toBeUndefined();
  });

  it("says where the row was dropped, and that a drop outside or a cancel leaves it in place", () => {
    expect(words.onDragEnd({ active: active("a"), over: over("c") })).toBe(
      "Step “Plan” dropped in position 3 of 3 on the golden path.",
    );
    expect(words.onDragEnd({ active: active("a"), over: null })).toBe(
      "Step “Plan” dropped; it stays in position 1 of 3 on the golden path.",
    );
    expect(words.onDragCancel({ active: active("c"), over: over("a") })).toBe(
      "Move cancelled. Step “Ship” is back in position 3 of 3 on the golden path.",
    );
  });

  it("leaves out the place when there is none", () => {
    const plain = sortableAnnouncements({ ids: ["a"], describe: () => "question “Why?”" });
    expect(plain.onDragStart({ active: active("a") })).toBe("Picked up question “Why?”. It is in position 1 of 1.");
  });
});
