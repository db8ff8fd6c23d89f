import { describe, expect, it } from "vitest";
import { createRandom } from "./prng";
import { fitLsa, symmetricEigen } from "./svd";
import type { SparseMatrix } from "./tfidf";

/** A sparse rows × cols matrix of rank ≤ `rank` plus a little noise, in CSR. */
function lowRank(
  rows: number,
  cols: number,
  rank: number,
  seed: number,
): { sparse: SparseMatrix; dense: Float64Array } {
  const random = createRandom(seed);
  const dense = new Float64Array(rows * cols);
  const basis = Array.from({ length: rank }, () =>
    Float64Array.from({ length: cols }, () => (random() < 0.3 ? random() : 0)),
  );
  for (let i = 0; i < rows; i++)
    for (let f = 0; f < rank; f++) {
      const w = random() < 0.5 ? random() * (rank - f) : 0;
      for (let j = 0; j < cols; j++) dense[i * cols + j] += w * basis[f][j];
    }
  for (let i = 0; i < dense.length; i++) if (random() < 0.02) dense[i] += 0.01 * random();
  const rowStart = new Int32Array(rows + 1);
  const colIndex: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++)
      if (dense[i * cols + j] !== 0) {
        colIndex.push(j);
        values.push(dense[i * cols + j]);
      }
    rowStart[i + 1] = colIndex.length;
  }
  // The CSR holds float32 values; the exact reference uses the same rounded numbers.
  const sparse = { rows, cols, rowStart, colIndex: Int32Array.from(colIndex), values: Float32Array.from(values) };
  const rounded = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) rounded[i * cols + sparse.colIndex[p]] = sparse.values[p];
  return { sparse, dense: rounded };
}

function exactSingularValues(dense: Float64Array, rows: number, cols: number): number[] {
  const g = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++)
    for (let p = 0; p < cols; p++)
      for (let q = 0; q < cols; q++) g[p * cols + q] += dense[i * cols + p] * dense[i * cols + q];
  return Array.from(symmetricEigen(g, cols).values, (v) => Math.sqrt(Math.max(v, 0)));
}

describe("fitLsa", () => {
  // More rows than terms iterates on the term side; more terms than rows on the answer side.
  for (const [rows, cols] of [
    [300, 40],
    [40, 300],
  ]) {
    it(`finds the leading singular values and orthonormal term loadings (${rows} × ${cols})`, () => {
      const { sparse, dense } = lowRank(rows, cols, 6, rows + cols);
      const model = fitLsa(sparse, 6, { seed: 3 });
      const exact = exactSingularValues(dense, rows, Math.min(cols, 300));
      expect(model.rank).toBe(6);
      for (let c = 0; c < 6; c++) expect(model.singularValues[c]).toBeCloseTo(exact[c], 4);
      for (let a = 0; a < 6; a++)
        for (let b = 0; b < 6; b++) {
          let s = 0;
          for (let j = 0; j < cols; j++) s += model.projection[j * 6 + a] * model.projection[j * 6 + b];
          expect(s).toBeCloseTo(a === b ? 1 : 0, 6);
        }
    });
  }

  it("drops directions a rank-deficient matrix does not have", () => {
    // Three distinct rows repeated: rank 3, however many components are asked for.
    const base = [
      [1, 0, 1, 0, 0],
      [0, 1, 0, 0, 1],
      [1, 1, 0, 1, 0],
    ];
    const rows = Array.from({ length: 30 }, (_, i) => base[i % 3]);
    const colIndex: number[] = [];
    const values: number[] = [];
    const rowStart = [0];
    for (const row of rows) {
      row.forEach((v, j) => v && (colIndex.push(j), values.push(v)));
      rowStart.push(colIndex.length);
    }
    const model = fitLsa(
      {
        rows: 30,
        cols: 5,
        rowStart: Int32Array.from(rowStart),
        colIndex: Int32Array.from(colIndex),
        values: Float32Array.from(values),
      },
      4,
    );
    expect(Array.from(model.singularValues).filter((s) => s > 1e-6)).toHaveLength(3);
    expect(model.projection.every(Number.isFinite)).toBe(true);
  });
});
