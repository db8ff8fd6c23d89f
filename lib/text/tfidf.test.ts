import { describe, expect, it } from "vitest";
import { buildTfidf } from "./tfidf";
import { analyzeTerms } from "./tokenize";

const TEXTS = [
  "CI is slow and flaky",
  "flaky tests block merges",
  "docs are outdated",
  "CI is slow and flaky",
  "the docs are missing examples",
  "CI is slow and flaky",
  "flaky tests block merges",
  "deploys need three approvals",
];

describe("buildTfidf", () => {
  it("gives an analysis shared by identical answers the same row as separate analyses would", () => {
    // cluster.ts analyses each distinct text once, so identical answers share one object.
    const shared = new Map(TEXTS.map((text) => [text, analyzeTerms(text)]));
    const once = buildTfidf(
      TEXTS.map((text) => shared.get(text)!),
      { minDocFrequency: 2 },
    );
    const separate = buildTfidf(
      TEXTS.map((text) => analyzeTerms(text)),
      { minDocFrequency: 2 },
    );
    expect(once.terms).toEqual(separate.terms);
    expect(Array.from(once.docFrequency)).toEqual(Array.from(separate.docFrequency));
    expect(Array.from(once.matrix.rowStart)).toEqual(Array.from(separate.matrix.rowStart));
    expect(Array.from(once.matrix.colIndex)).toEqual(Array.from(separate.matrix.colIndex));
    expect(Array.from(once.matrix.values)).toEqual(Array.from(separate.matrix.values));
    // Repeats count towards document frequency: "slow" is in three of the eight answers.
    expect(once.docFrequency[once.terms.indexOf("slow")]).toBe(3);
  });
});
