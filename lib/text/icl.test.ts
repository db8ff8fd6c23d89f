import { describe, expect, it } from "vitest";
import { applyMerges, bestK, iclMergePath, integratedCompletedLikelihood, logGamma } from "./icl";
import type { SparseMatrix } from "./tfidf";

/** Binary document–term matrix from lists of column ids. */
function matrixOf(rows: number[][], cols: number): SparseMatrix {
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (rowStart[i + 1] = rowStart[i] + r.length));
  return {
    rows: rows.length,
    cols,
    rowStart,
    colIndex: Int32Array.from(rows.flat()),
    values: new Float32Array(rowStart[rows.length]).fill(1),
  };
}

// Two vocabularies (words 0–3 and 4–7), twelve answers each.
const groupA = Array.from({ length: 12 }, (_, i) => [i % 4, (i + 1) % 4]);
const groupB = Array.from({ length: 12 }, (_, i) => [4 + (i % 4), 4 + ((i + 2) % 4)].sort((a, b) => a - b));
const matrix = matrixOf([...groupA, ...groupB], 8);

describe("logGamma", () => {
  it("matches factorials and known values", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(2)).toBeCloseTo(0, 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 10);
    expect(logGamma(1000.5)).toBeCloseTo(5908.674175848678, 6);
  });
  it("rejects non-positive arguments", () => {
    expect(() => logGamma(0)).toThrow();
    expect(() => logGamma(-1)).toThrow();
  });
});

describe("integratedCompletedLikelihood", () => {
  it("prefers the true partition to lumping or to a random split", () => {
    const truth = Int32Array.from({ length: 24 }, (_, i) => (i < 12 ? 0 : 1));
    const lumped = new Int32Array(24);
    const mixed = Int32Array.from({ length: 24 }, (_, i) => i % 2);
    const icl = (labels: Int32Array, k: number) => integratedCompletedLikelihood(matrix, labels, k);
    expect(icl(truth, 2)).toBeGreaterThan(icl(lumped, 1));
    expect(icl(truth, 2)).toBeGreaterThan(icl(mixed, 2));
  });
  it("ignores left-out rows and empty labels", () => {
    const truth = Int32Array.from({ length: 24 }, (_, i) => (i < 12 ? 0 : 2));
    const withGap = Int32Array.from(truth);
    withGap[0] = -1;
    const compact = Int32Array.from({ length: 23 }, (_, i) => (i < 11 ? 0 : 1));
    const rows = [...groupA.slice(1), ...groupB];
    expect(integratedCompletedLikelihood(matrix, withGap, 3)).toBeCloseTo(
      integratedCompletedLikelihood(matrixOf(rows, 8), compact, 2),
      9,
    );
    expect(integratedCompletedLikelihood(matrix, truth, 3)).toBeCloseTo(
      integratedCompletedLikelihood(
        matrix,
        Int32Array.from(truth, (c) => c / 2),
        2,
      ),
      9,
    );
  });
});

describe("iclMergePath", () => {
  // Over-segmented: each vocabulary split across three labels.
  const overSegmented = Int32Array.from({ length: 24 }, (_, i) => (i < 12 ? i % 3 : 3 + (i % 3)));

  it("merges down to one theme, one step at a time, and peaks at the true k", () => {
    const path = iclMergePath(matrix, overSegmented, 6);
    expect(path.steps.map((s) => s.k)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(path.merges).toHaveLength(5);
    expect(bestK(path, 24)).toBe(2);
    const merged = applyMerges(overSegmented, 6, path.merges, 4);
    expect(new Set(merged.slice(0, 12)).size).toBe(1);
    expect(new Set(merged.slice(12)).size).toBe(1);
    expect(merged[0]).not.toBe(merged[12]);
  });

  it("reports the same ICL as the direct computation at every step", () => {
    const path = iclMergePath(matrix, overSegmented, 6);
    path.steps.forEach((step, s) => {
      expect(step.icl).toBeCloseTo(
        integratedCompletedLikelihood(matrix, applyMerges(overSegmented, 6, path.merges, s), 6),
        8,
      );
    });
  });

  it("stops early and is deterministic", () => {
    const a = iclMergePath(matrix, overSegmented, 6, { stopAt: 3 });
    expect(a.steps.at(-1)!.k).toBe(3);
    expect(iclMergePath(matrix, overSegmented, 6, { stopAt: 3 })).toEqual(a);
  });
});

describe("bestK", () => {
  const path = {
    steps: [
      { k: 5, icl: -100.4 },
      { k: 4, icl: -100 },
      { k: 3, icl: -101 },
    ],
    merges: [] as [number, number][],
  };
  it("takes the best ICL, or the finest k within the tolerance", () => {
    expect(bestK(path, 10)).toBe(4);
    expect(bestK(path, 10, 0.05)).toBe(5);
  });
});
