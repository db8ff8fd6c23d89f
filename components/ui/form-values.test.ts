import { describe, expect, it } from "vitest";
import { formNumber } from "./form-values";

describe("formNumber", () => {
  it("turns typed numbers into numbers and everything else into null", () => {
    expect(formNumber("7")).toBe(7);
    expect(formNumber(" 2.5 ")).toBe(2.5);
    expect(formNumber("")).toBeNull();
    expect(formNumber("  ")).toBeNull();
    expect(formNumber("abc")).toBeNull();
    expect(formNumber("Infinity")).toBeNull();
    expect(formNumber(null)).toBeNull();
  });
});
