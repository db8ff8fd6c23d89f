import { describe, expect, it } from "vitest";
import { isNonAnswer } from "./non-answer";
import { scoreSentiment } from "./sentiment";
import { analyzeText } from "./analyze";

describe("isNonAnswer", () => {
  it.each([
    "n/a",
    "N/A",
    "nothing",
    "-",
    "idk",
    "no comment",
    "?",
    ".",
    "none",
    "all good",
    "all good i guess",
    "can't think of anything",
    "",
    "   ",
    "Nothing really!",
  ])("flags %j", (text) => expect(isNonAnswer(text)).toBe(true));
  it.each(["nothing works", "no docs", "Helm.", "good docs", "CI", "none of the tests are stable"])(
    "keeps %j",
    (text) => expect(isNonAnswer(text)).toBe(false),
  );
});

describe("scoreSentiment", () => {
  it("scores words that name Object's own members as neutral, not NaN", () => {
    for (const text of [
      "constructor injection is painful",
      "toString everywhere",
      "{{constructor.constructor('x')()}}",
    ])
      expect(Number.isFinite(scoreSentiment(text))).toBe(true);
    expect(scoreSentiment("constructor injection is painful")).toBeLessThan(0);
  });

  it("is negative for complaints and positive for praise, within [-1, 1]", () => {
    const complaint = scoreSentiment("Flaky tests are killing us, deploys are painfully slow");
    const praise = scoreSentiment("I love the golden path, it is fast and reliable");
    expect(complaint).toBeLessThan(-0.2);
    expect(praise).toBeGreaterThan(0.2);
    for (const s of [complaint, praise]) expect(Math.abs(s)).toBeLessThanOrEqual(1);
  });
  it("flips DX polarity words under negation", () => {
    expect(scoreSentiment("builds are not slow anymore")).toBeGreaterThan(0);
  });
  it("is zero for empty text", () => expect(scoreSentiment("")).toBe(0));
});

describe("analyzeText", () => {
  it("combines tokens, non-answer flag and sentiment", () => {
    const result = analyzeText("k8s yaml is painful");
    expect(result.tokens).toEqual(["kubernetes", "yaml", "painful"]);
    expect(result.isNonAnswer).toBe(false);
    expect(result.sentiment).toBeLessThan(0);
    expect(analyzeText("n/a").isNonAnswer).toBe(true);
  });
});
