import { describe, expect, it } from "vitest";
import { isPermutationOf, moveItem } from "@/lib/ordering";

describe("moveItem", () => {
  it("moves up, down and clamps to the ends", () => {
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 9)).toEqual(["a", "c", "b"]);
  });
});

describe("isPermutationOf", () => {
  it("accepts the same ids in any order and refuses missing, extra or repeated ids", () => {
    expect(isPermutationOf(["b", "a"], ["a", "b"])).toBe(true);
    expect(isPermutationOf(["a"], ["a", "b"])).toBe(false);
    expect(isPermutationOf(["a", "a"], ["a", "b"])).toBe(false);
    expect(isPermutationOf(["a", "x"], ["a", "b"])).toBe(false);
  });
});
