// Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson & Tropp
// 2011): latent semantic analysis maps answers that use different words for one problem close
// together. Dense work is only (rows × rank) and (rank × rank), so it scales to 100k answers.
import { createRandom, gaussian } from "./prng";
import type { SparseMatrix } from "./tfidf";

export interface LsaModel {
  /** Term loadings, cols × rank, row-major: a document's embedding is x · projection. */
  projection: Float64Array;
  rank: number;
  singularValues: Float64Array;
}

export function fitLsa(
  matrix: SparseMatrix,
  rank: number,
  options: { seed?: number; powerIterations?: number } = {},
): LsaModel {
  const { seed = 1, powerIterations = 2 } = options;
  const random = createRandom(seed);
  const m = matrix.cols;
  const width = Math.min(rank + 10, m, matrix.rows);
  const omega = new Float64Array(m * width);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(random);

  let y = orthonormalColumns(multiply(matrix, omega, width), matrix.rows, width);
  for (let i = 0; i < powerIterations; i++) {
    // Only the row side is re-orthonormalised: in float64 a couple of power steps without the
    // term-side step lose nothing measurable, and that step (terms × width²) was half the SVD's time.
    const z = multiplyTransposed(matrix, y.data, y.cols);
    y = orthonormalColumns(multiply(matrix, z, y.cols), matrix.rows, y.cols);
  }
  // B = Qᵀ X; we hold Bᵀ = Xᵀ Q (m × l) and diagonalise B Bᵀ = (Bᵀ)ᵀ Bᵀ.
  const bt = multiplyTransposed(matrix, y.data, y.cols);
  const l = y.cols;
  const { values, vectors } = symmetricEigen(gram(bt, m, l), l);
  const r = Math.min(rank, l);
  const projection = new Float64Array(m * r);
  const singularValues = new Float64Array(r);
  for (let c = 0; c < r; c++) {
    const sigma = Math.sqrt(Math.max(values[c], 0));
    singularValues[c] = sigma;
    if (sigma < 1e-10) continue;
    // V = Bᵀ W Σ⁻¹: right singular vectors, the term loadings.
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let k = 0; k < l; k++) sum += bt[j * l + k] * vectors[k * l + c];
      projection[j * r + c] = sum / sigma;
    }
  }
  return { projection, rank: r, singularValues };
}

/** Embeds rows of `matrix` (x · V), L2-normalised for cosine geometry. Zero rows stay zero. */
export function embedRows(matrix: SparseMatrix, model: LsaModel): Float32Array {
  const r = model.rank;
  const out = new Float32Array(matrix.rows * r);
  const row = new Float64Array(r);
  for (let i = 0; i < matrix.rows; i++) {
    row.fill(0);
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) {
      const v = matrix.values[p];
      const base = matrix.colIndex[p] * r;
      for (let c = 0; c < r; c++) row[c] += v * model.projection[base + c];
    }
    let norm = 0;
    for (let c = 0; c < r; c++) norm += row[c] * row[c];
    norm = Math.sqrt(norm);
    if (norm > 1e-12) for (let c = 0; c < r; c++) out[i * r + c] = row[c] / norm;
  }
  return out;
}

/** X (rows × cols, sparse) · D (cols × width, row-major). */
function multiply(x: SparseMatrix, d: Float64Array, width: number): Float64Array {
  const out = new Float64Array(x.rows * width);
  for (let i = 0; i < x.rows; i++) {
    const o = i * width;
    for (let p = x.rowStart[i]; p < x.rowStart[i + 1]; p++) {
      const v = x.values[p];
      const base = x.colIndex[p] * width;
      for (let c = 0; c < width; c++) out[o + c] += v * d[base + c];
    }
  }
  return out;
}

/** Xᵀ (cols × rows) · D (rows × width, row-major). */
function multiplyTransposed(x: SparseMatrix, d: Float64Array, width: number): Float64Array {
  const out = new Float64Array(x.cols * width);
  for (let i = 0; i < x.rows; i++) {
    const o = i * width;
    for (let p = x.rowStart[i]; p < x.rowStart[i + 1]; p++) {
      const v = x.values[p];
      const base = x.colIndex[p] * width;
      for (let c = 0; c < width; c++) out[base + c] += v * d[o + c];
    }
  }
  return out;
}

function gram(a: Float64Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let p = 0; p < cols; p++) {
      const v = a[o + p];
      if (v === 0) continue;
      for (let q = p; q < cols; q++) g[p * cols + q] += v * a[o + q];
    }
  }
  for (let p = 0; p < cols; p++) for (let q = 0; q < p; q++) g[p * cols + q] = g[q * cols + p];
  return g;
}

/** Orthonormal basis of A's column space via its Gram matrix; near-null directions are dropped. */
function orthonormalColumns(a: Float64Array, rows: number, cols: number): { data: Float64Array; cols: number } {
  const { values, vectors } = symmetricEigen(gram(a, rows, cols), cols);
  const keep: number[] = [];
  for (let c = 0; c < cols; c++) if (values[c] > values[0] * 1e-12 && values[c] > 0) keep.push(c);
  const k = keep.length;
  const out = new Float64Array(rows * k);
  const t = new Float64Array(cols * k);
  keep.forEach((c, j) => {
    const s = 1 / Math.sqrt(values[c]);
    for (let p = 0; p < cols; p++) t[p * k + j] = vectors[p * cols + c] * s;
  });
  for (let i = 0; i < rows; i++) {
    for (let p = 0; p < cols; p++) {
      const v = a[i * cols + p];
      if (v === 0) continue;
      for (let j = 0; j < k; j++) out[i * k + j] += v * t[p * k + j];
    }
  }
  return { data: out, cols: k };
}

/**
 * Cyclic Jacobi eigen-decomposition of a small symmetric matrix. Returns eigenvalues in
 * descending order and eigenvectors as columns (row-major n × n).
 */
export function symmetricEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y * n + y] - a[x * n + x]);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src];
  });
  return { values, vectors };
}
