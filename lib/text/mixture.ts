// Refinement of k-means themes with a mixture of multinomials (EM over binary term presence,
// the Dirichlet multinomial mixture idea used for short-text clustering). LSA places answers
// by topic direction; the mixture then re-assigns each answer by the words it actually uses,
// which fixes many borderline answers k-means put on the wrong side.
import type { SparseMatrix } from "./tfidf";

export interface MixtureOptions {
  iterations?: number;
  /** Dirichlet smoothing of word probabilities; larger keeps small themes alive. */
  beta?: number;
  /** Dirichlet smoothing of theme sizes. */
  alpha?: number;
}

export interface MixtureModel {
  k: number;
  labels: Int32Array;
  logPi: Float64Array;
  /** vocabulary × k log word probabilities (a word's k values side by side, as the E-step reads them). */
  logPhi: Float64Array;
  /**
   * Mean log-likelihood of the answers it placed under the final word and theme probabilities
   * (higher: the themes explain the words better), from the last E-step.
   */
  logLikelihood: number;
}

/**
 * Soft EM started from hard labels (-1 = unplaced, left unchanged); returns the model and the
 * refined hard labels.
 */
export function fitMixture(
  matrix: SparseMatrix,
  initial: Int32Array,
  k: number,
  options: MixtureOptions = {},
): MixtureModel {
  const { iterations = 8, beta = 0.1, alpha = 1 } = options;
  const n = matrix.rows;
  const v = matrix.cols;
  if (iterations < 1) throw new Error("mixture needs at least one EM iteration");
  const resp = new Float32Array(n * k);
  for (let i = 0; i < n; i++) if (initial[i] >= 0) resp[i * k + initial[i]] = 1;
  const logPhi = new Float64Array(k * v);
  const logPi = new Float64Array(k);
  const scores = new Float64Array(k);
  const liveThemes = new Int32Array(k);
  const liveMass = new Float64Array(k);
  // The M-step's sums, reused by every iteration (a word × theme table is megabytes).
  const wordMass = new Float64Array(v * k);
  const themeMass = new Float64Array(k);
  const tokenMass = new Float64Array(k);
  const denom = new Float64Array(k);
  let logLikelihood = 0;
  let scored = 0;
  for (let iter = 0; iter < iterations; iter++) {
    // M-step.
    wordMass.fill(0);
    themeMass.fill(0);
    tokenMass.fill(0);
    for (let i = 0; i < n; i++) {
      const len = matrix.rowStart[i + 1] - matrix.rowStart[i];
      const o = i * k;
      // Responsibilities under 1e-6 are left out; the rest are gathered once for the row's words.
      let live = 0;
      for (let c = 0; c < k; c++) {
        const r = resp[o + c];
        if (r < 1e-6) continue;
        themeMass[c] += r;
        tokenMass[c] += r * len;
        liveThemes[live] = c;
        liveMass[live++] = r;
      }
      for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) {
        const base = matrix.colIndex[p] * k;
        for (let j = 0; j < live; j++) wordMass[base + liveThemes[j]] += liveMass[j];
      }
    }
    let totalMass = 0;
    for (let c = 0; c < k; c++) totalMass += themeMass[c];
    for (let c = 0; c < k; c++) {
      logPi[c] = Math.log((themeMass[c] + alpha) / (totalMass + k * alpha));
      denom[c] = Math.log(tokenMass[c] + v * beta);
    }
    for (let w = 0; w < v; w++)
      for (let c = 0; c < k; c++) logPhi[w * k + c] = Math.log(wordMass[w * k + c] + beta) - denom[c];
    // E-step.
    logLikelihood = 0;
    scored = 0;
    for (let i = 0; i < n; i++) {
      if (initial[i] < 0 || matrix.rowStart[i + 1] === matrix.rowStart[i]) continue;
      const max = rowLogScores(matrix, i, logPi, logPhi, scores);
      let sum = 0;
      // e^(score − max), 0 below e^-40 (see NEGLIGIBLE), written out: this runs k times per answer per iteration.
      for (let c = 0; c < k; c++) {
        const d = scores[c] - max;
        sum += scores[c] = d < NEGLIGIBLE ? 0 : Math.exp(d);
      }
      logLikelihood += max + Math.log(sum);
      scored++;
      const o = i * k;
      for (let c = 0; c < k; c++) resp[o + c] = scores[c] / sum;
    }
  }
  const out = Int32Array.from(initial);
  for (let i = 0; i < n; i++) {
    if (initial[i] < 0) continue;
    let best = 0;
    for (let c = 1; c < k; c++) if (resp[i * k + c] > resp[i * k + best]) best = c;
    out[i] = best;
  }
  return { k, labels: out, logPi, logPhi, logLikelihood: logLikelihood / Math.max(1, scored) };
}

/**
 * Below this log-ratio to the likeliest theme a theme's share of an answer is taken as none: e^-40
 * (4e-18) is far under the 1e-6 responsibility the M-step counts, and the exponential is skipped.
 */
const NEGLIGIBLE = -40;

/**
 * Fills `scores` with row i's log-probability under each theme (log prior plus the log word
 * probabilities of its words) and returns the largest, for a log-sum-exp that does not overflow.
 */
function rowLogScores(
  matrix: SparseMatrix,
  i: number,
  logPi: Float64Array,
  logPhi: Float64Array,
  scores: Float64Array,
): number {
  const k = scores.length;
  const start = matrix.rowStart[i];
  const end = matrix.rowStart[i + 1];
  const colIndex = matrix.colIndex;
  // Theme by theme, the sum kept in a register (the hot loop of the mixture); words in row order,
  // so the sums are the same numbers as word by word.
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let sum = logPi[c];
    for (let p = start; p < end; p++) sum += logPhi[colIndex[p] * k + c];
    scores[c] = sum;
    if (sum > max) max = sum;
  }
  return max;
}
