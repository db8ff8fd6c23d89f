import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseJsonText } from "./http";

describe("parseJsonText", () => {
  it("drops NUL and replaces lone surrogates sent as escapes, in any string value", () => {
    expect(parseJsonText('{"a":"x\\u0000y","b":["\\ud800z"],"c":{"k":"\\ud83d\\ude00"}}')).toEqual({
      a: "xy",
      b: ["\uFFFDz"],
      c: { k: "\u{1F600}" },
    });
  });

  it("keeps ordinary text, escaped or not, as it is", () => {
    expect(parseJsonText('{"a":"caf\\u00e9","b":"café ✓","n":[1,2.5,null,true]}')).toEqual({
      a: "café",
      b: "café ✓",
      n: [1, 2.5, null, true],
    });
  });

  it("refuses empty and malformed bodies with a readable 400", () => {
    for (const text of ["", "  ", "{", "[1,]", '{"a":"\u0000"}']) {
      expect(() => parseJsonText(text)).toThrow(AppError);
    }
  });
});
