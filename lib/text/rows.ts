// Row selection on the clustering's matrices: sparse rows, dense embedded points, features.
import { sampleIndices, type Random } from "./prng";
import type { SparseMatrix } from "./tfidf";

/** The matrix restricted to the features at least two of its rows use (renumbered). */
export function ownVocabulary(matrix: SparseMatrix): SparseMatrix {
  const df = new Int32Array(matrix.cols);
  for (let p = 0; p < matrix.rowStart[matrix.rows]; p++) df[matrix.colIndex[p]]++;
  const column = new Int32Array(matrix.cols).fill(-1);
  let cols = 0;
  for (let c = 0; c < matrix.cols; c++) if (df[c] >= 2) column[c] = cols++;
  const rowStart = new Int32Array(matrix.rows + 1);
  const colIndex: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < matrix.rows; i++) {
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) {
      const c = column[matrix.colIndex[p]];
      if (c < 0) continue;
      colIndex.push(c);
      values.push(matrix.values[p]);
    }
    rowStart[i + 1] = colIndex.length;
  }
  return { rows: matrix.rows, cols, rowStart, colIndex: Int32Array.from(colIndex), values: Float32Array.from(values) };
}

export function sampleRows(matrix: SparseMatrix, rows: Int32Array): SparseMatrix {
  const rowStart = new Int32Array(rows.length + 1);
  let nnz = 0;
  rows.forEach((r, i) => (rowStart[i + 1] = nnz += matrix.rowStart[r + 1] - matrix.rowStart[r]));
  const colIndex = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  rows.forEach((r, i) => {
    colIndex.set(matrix.colIndex.subarray(matrix.rowStart[r], matrix.rowStart[r + 1]), rowStart[i]);
    values.set(matrix.values.subarray(matrix.rowStart[r], matrix.rowStart[r + 1]), rowStart[i]);
  });
  return { rows: rows.length, cols: matrix.cols, rowStart, colIndex, values };
}

export function gather(points: Float32Array, dim: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * dim);
  for (let i = 0; i < rows.length; i++) out.set(points.subarray(rows[i] * dim, rows[i] * dim + dim), i * dim);
  return out;
}

export function pick<T>(values: T[], indices: Int32Array): T[] {
  return Array.from(indices, (i) => values[i]);
}

/**
 * Row indices keeping at most `cap` rows of each group (a seeded sample of the larger groups),
 * in ascending order; rows labelled below 0 are left out.
 */
export function capPerGroup(labels: ArrayLike<number>, k: number, cap: number, random: Random): number[] {
  const groups = Array.from({ length: k }, () => [] as number[]);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) groups[labels[i]].push(i);
  return groups
    .flatMap((rows) => (rows.length <= cap ? rows : pick(rows, sampleIndices(rows.length, cap, random))))
    .sort((a, b) => a - b);
}
