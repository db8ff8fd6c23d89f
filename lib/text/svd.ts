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
  const width = Math.min(rank + 10, matrix.cols, matrix.rows);
  // The subspace is iterated on the smaller side of X: orthonormalising costs (side × width²),
  // and short answers usually have fewer distinct terms than a 5,000-answer sample has rows.
  const { projection, values, r } =
    matrix.cols <= matrix.rows
      ? termSide(matrix, width, rank, powerIterations, random)
      : answerSide(matrix, width, rank, powerIterations, random);
  const singularValues = Float64Array.from(values.subarray(0, r), (v) => Math.sqrt(Math.max(v, 0)));
  return { projection, rank: r, singularValues };
}

/** Range of Xᵀ (terms × width) by subspace iteration, then V = Z W from the eigenvectors of (XZ)ᵀ(XZ). */
function termSide(matrix: SparseMatrix, width: number, rank: number, powerIterations: number, random: () => number) {
  const m = matrix.cols;
  // Xᵀ X Ω to start, so the final subspace has seen as many powers of XᵀX as the answer side's.
  const omega = gaussianMatrix(m, width, random);
  let z = orthonormalColumns(multiplyTransposed(matrix, multiply(matrix, omega, width), width), m, width);
  for (let i = 0; i < powerIterations; i++)
    z = orthonormalColumns(multiplyTransposed(matrix, multiply(matrix, z.data, z.cols), z.cols), m, z.cols);
  const l = z.cols;
  const r = Math.min(rank, l);
  // (XZ)ᵀ(XZ) as Zᵀ(Xᵀ(XZ)): (terms × width²) of dense work rather than (answers × width²).
  const { values, vectors } = symmetricEigen(
    crossProduct(z.data, multiplyTransposed(matrix, multiply(matrix, z.data, l), l), m, l),
    l,
  );
  const projection = new Float64Array(m * r);
  for (let j = 0; j < m; j++)
    for (let k = 0; k < l; k++) {
      const v = z.data[j * l + k];
      if (v !== 0) for (let c = 0; c < r; c++) projection[j * r + c] += v * vectors[k * l + c];
    }
  return { projection, values, r };
}

/** Range of X (answers × width), then V = Bᵀ W Σ⁻¹ with Bᵀ = Xᵀ Q (Halko et al.'s usual order). */
function answerSide(matrix: SparseMatrix, width: number, rank: number, powerIterations: number, random: () => number) {
  const m = matrix.cols;
  let y = orthonormalColumns(multiply(matrix, gaussianMatrix(m, width, random), width), matrix.rows, width);
  for (let i = 0; i < powerIterations; i++)
    y = orthonormalColumns(multiply(matrix, multiplyTransposed(matrix, y.data, y.cols), y.cols), matrix.rows, y.cols);
  // B = Qᵀ X; we hold Bᵀ = Xᵀ Q (m × l) and diagonalise B Bᵀ = (Bᵀ)ᵀ Bᵀ.
  const bt = multiplyTransposed(matrix, y.data, y.cols);
  const l = y.cols;
  const r = Math.min(rank, l);
  const { values, vectors } = symmetricEigen(gram(bt, m, l), l);
  const projection = new Float64Array(m * r);
  for (let c = 0; c < r; c++) {
    const sigma = Math.sqrt(Math.max(values[c], 0));
    if (sigma < 1e-10) continue;
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let k = 0; k < l; k++) sum += bt[j * l + k] * vectors[k * l + c];
      projection[j * r + c] = sum / sigma;
    }
  }
  return { projection, values, r };
}

function gaussianMatrix(rows: number, cols: number, random: () => number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = gaussian(random);
  return out;
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

/** Aᵀ A. */
function gram(a: Float64Array, rows: number, cols: number): Float64Array {
  return crossProduct(a, a, rows, cols);
}

/** Aᵀ B for A, B (rows × cols) whose product is known to be symmetric: the upper triangle, mirrored. */
function crossProduct(a: Float64Array, b: Float64Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let p = 0; p < cols; p++) {
      const v = a[o + p];
      if (v === 0) continue;
      for (let q = p; q < cols; q++) g[p * cols + q] += v * b[o + q];
    }
  }
  for (let p = 0; p < cols; p++) for (let q = 0; q < p; q++) g[p * cols + q] = g[q * cols + p];
  return g;
}

/**
 * Orthonormal basis of A's column space (Cholesky QR on the Gram matrix, Q = A R⁻¹); columns
 * that add nothing beyond the earlier ones (relative residual under 1e-12) are dropped.
 */
function orthonormalColumns(a: Float64Array, rows: number, cols: number): { data: Float64Array; cols: number } {
  const g = gram(a, rows, cols);
  let scale = 0;
  for (let p = 0; p < cols; p++) scale = Math.max(scale, g[p * cols + p]);
  // r[p * cols + q]: upper-triangular R of A = Q R, rows of dropped columns stay zero.
  const r = new Float64Array(cols * cols);
  const kept: number[] = [];
  for (let q = 0; q < cols; q++) {
    let d = g[q * cols + q];
    for (const p of kept) d -= r[p * cols + q] ** 2;
    if (!(d > scale * 1e-12)) continue;
    const rqq = Math.sqrt(d);
    r[q * cols + q] = rqq;
    for (let s = q + 1; s < cols; s++) {
      let v = g[q * cols + s];
      for (const p of kept) v -= r[p * cols + q] * r[p * cols + s];
      r[q * cols + s] = v / rqq;
    }
    kept.push(q);
  }
  // T (cols × k) with Q = A T: column j is (e_q − Σ r_pq t_p) / r_qq over kept p < q.
  const k = kept.length;
  const t = new Float64Array(cols * k);
  kept.forEach((q, j) => {
    t[q * k + j] = 1;
    for (let i = 0; i < j; i++) {
      const coefficient = r[kept[i] * cols + q];
      if (coefficient !== 0) for (let p = 0; p <= kept[i]; p++) t[p * k + j] -= coefficient * t[p * k + i];
    }
    const inverse = 1 / r[q * cols + q];
    for (let p = 0; p <= q; p++) t[p * k + j] *= inverse;
  });
  // T is upper triangular in the kept order, so row p of T only reaches columns from p's on.
  const firstColumn = new Int32Array(cols).fill(k);
  kept.forEach((q, j) => {
    for (let p = 0; p <= q; p++) if (firstColumn[p] === k) firstColumn[p] = j;
  });
  const out = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    for (let p = 0; p < cols; p++) {
      const v = a[i * cols + p];
      if (v === 0) continue;
      const tp = p * k;
      for (let j = firstColumn[p]; j < k; j++) out[o + j] += v * t[tp + j];
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
