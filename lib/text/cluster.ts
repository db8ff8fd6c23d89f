// Theme discovery for free-text answers: TF-IDF → LSA → spherical k-means → multinomial
// mixture refinement; unless given, k is chosen by the exact ICL of the mixture along a greedy
// merge path (icl.ts). Deterministic for a given input and seed; for large inputs the model is
// fitted on a sample and every answer assigned.
import { assignNearest, dot, sphericalKMeans } from "./kmeans";
import { bestK, iclMergePath } from "./icl";
import { describeThemeWords } from "./labels";
import { fitMixture, heldOutLogLikelihood } from "./mixture";
import { isNonAnswer } from "./non-answer";
import { createRandom, sampleIndices } from "./prng";
import { embedRows, fitLsa } from "./svd";
import { buildTfidf, type SparseMatrix } from "./tfidf";
import { analyzeTerms, type TermAnalysis } from "./tokenize";

export interface AnswerItem {
  id: string;
  text: string;
}

export interface Theme {
  id: number;
  /** Short readable name from the theme's most distinctive phrase, e.g. "Flaky tests" (see labels.ts). */
  label: string;
  /** Distinctive terms, most distinctive first, as people wrote them. */
  terms: string[];
  memberIds: string[];
  /** Up to three members closest to the theme's centre, for quoting. */
  representativeIds: string[];
}

export interface ClusterResult {
  /** Sorted by size, largest first; `id` is the index in this array. */
  themes: Theme[];
  /** Theme id per answer id; null for blank answers and non-answers. */
  assignments: Map<string, number | null>;
  k: number;
}

export interface ClusterOptions {
  /** Number of themes; chosen automatically when omitted. */
  k?: number;
  seed?: number;
}

// Sizes chosen so 100k answers fit in well under a minute on two cores.
const LSA_RANK = 100;
const FIT_SAMPLE = 10_000;
/** k-means starts run on at most this many answers; the mixture then sees every answer. */
const START_SAMPLE = 5_000;
const MAX_FEATURES = 10_000;
/**
 * k is chosen on a sample of this many answers: the evidence for extra themes grows with the
 * number of answers, so a fixed sample keeps the level of detail comparable across input sizes.
 */
const K_SEARCH_SAMPLE = 2_500;
const MAX_AUTO_K = 30;
const MIXTURE_ITERATIONS = 8;
/** Word prior of the mixture used to choose k (the usual value for short text, as in GSDMM). */
const ICL_BETA = 0.1;

export function clusterAnswers(items: AnswerItem[], options: ClusterOptions = {}): ClusterResult {
  const seed = options.seed ?? 42;
  const assignments = new Map<string, number | null>();
  const answered: { id: string; terms: TermAnalysis }[] = [];
  for (const item of items) {
    if (isNonAnswer(item.text)) assignments.set(item.id, null);
    else answered.push({ id: item.id, terms: analyzeTerms(item.text) });
  }
  if (answered.length === 0) return { themes: [], assignments, k: 0 };

  const docs = answered.map((a) => a.terms);
  const tfidf = buildTfidf(docs, { minDocFrequency: answered.length >= 50 ? 2 : 1, maxFeatures: MAX_FEATURES });
  const { points, dim } = embed(tfidf.matrix, seed);
  const placed: number[] = [];
  for (let i = 0; i < answered.length; i++) if (hasWeight(points, i, dim)) placed.push(i);

  // About ten answers per theme at least; tiny inputs still get split in two when possible.
  // Small inputs support fewer themes: over-segmenting a few hundred answers helps no PM.
  const maxK = Math.min(MAX_AUTO_K, placed.length, Math.max(2, Math.round(Math.sqrt(placed.length) / 1.5)));
  const k = Math.max(
    1,
    Math.min(options.k ?? chooseK(tfidf.matrix, points, dim, placed, maxK, seed), placed.length || 1),
  );
  const labels = new Int32Array(answered.length).fill(-1);
  let centroids: Float32Array = new Float32Array(k * dim);
  if (placed.length > 0) {
    const fitted = fitThemes(tfidf.matrix, points, dim, placed, k, seed);
    labels.set(fitted.labels);
    centroids = centroidsOf(points, dim, labels, k);
  }
  // Answers with no term shared with any other answer cannot be placed by content; they join
  // the largest theme rather than being reported as non-answers.
  const sizes = new Int32Array(k);
  for (const c of labels) if (c >= 0) sizes[c]++;
  const largest = sizes.indexOf(Math.max(...sizes));
  for (let i = 0; i < labels.length; i++) if (labels[i] < 0) labels[i] = largest;

  return describeThemes(answered, docs, labels, k, points, dim, centroids, tfidf.terms, assignments);
}

function embed(matrix: SparseMatrix, seed: number): { points: Float32Array; dim: number } {
  // More answers support more latent dimensions; few answers over-fit a wide space.
  const rank = Math.max(2, Math.min(LSA_RANK, matrix.cols - 1, Math.max(20, Math.round(matrix.rows / 12))));
  const sample =
    matrix.rows > FIT_SAMPLE ? sampleRows(matrix, sampleIndices(matrix.rows, FIT_SAMPLE, createRandom(seed))) : matrix;
  const model = fitLsa(sample, rank, { seed });
  return { points: embedRows(matrix, model), dim: model.rank };
}

function hasWeight(points: Float32Array, row: number, dim: number): boolean {
  for (let j = 0; j < dim; j++) if (points[row * dim + j] !== 0) return true;
  return false;
}

/**
 * Picks k by the exact integrated completed likelihood of the word mixture (see icl.ts): a
 * sample is over-segmented into maxK themes (k-means, then the mixture), merged greedily by
 * ICL down to one theme, and the k with the best ICL on that path wins. The ICL integrates the
 * word probabilities out instead of fitting them, so extra themes pay for themselves only when
 * they explain the words better — it neither grows with k (like silhouette or training
 * likelihood) nor needs a hand-set penalty.
 */
function chooseK(
  matrix: SparseMatrix,
  points: Float32Array,
  dim: number,
  placed: number[],
  maxK: number,
  seed: number,
): number {
  if (maxK <= 2) return maxK;
  const sample = pick(placed, sampleIndices(placed.length, K_SEARCH_SAMPLE, createRandom(seed ^ 0x5eed)));
  const samplePoints = gather(points, dim, sample);
  const sampleMatrix = sampleRows(matrix, Int32Array.from(sample));
  const model = sphericalKMeans(samplePoints, dim, maxK, { seed: seed + maxK, restarts: 1, maxIterations: 20 });
  const mixture = fitMixture(sampleMatrix, model.assignments, maxK, { iterations: 5, beta: ICL_BETA });
  const path = iclMergePath(sampleMatrix, mixture.labels, maxK, { alpha: 1, beta: ICL_BETA });
  return Math.max(2, Math.min(maxK, bestK(path, sample.length)));
}

/**
 * Many cheap k-means starts on a sample; the most cohesive few are each refined by the mixture
 * over all placed answers, and the one whose mixture explains the words best wins. A single
 * start lands in a poor local optimum often enough to swing accuracy by 15 points between
 * seeds; cohesion and mixture likelihood both recognise the good starts, but the mixture pass
 * is the expensive part, so only the short-listed starts get it.
 */
function fitThemes(
  matrix: SparseMatrix,
  points: Float32Array,
  dim: number,
  placed: number[],
  k: number,
  seed: number,
): { labels: Int32Array } {
  const large = placed.length > 2_000;
  const sample =
    placed.length > START_SAMPLE
      ? pick(placed, sampleIndices(placed.length, START_SAMPLE, createRandom(seed + 7)))
      : placed;
  const samplePoints = gather(points, dim, sample);
  const placedPoints = gather(points, dim, placed);
  const candidates: { centroids: Float32Array; cohesion: number }[] = [];
  for (let s = 0; s < (large ? 10 : 16); s++) {
    const model = sphericalKMeans(samplePoints, dim, k, { seed: seed + 1000 * s, restarts: 1 });
    candidates.push({ centroids: model.centroids, cohesion: model.cohesion });
  }
  // Stable sort: ties keep start order, so the choice is deterministic.
  candidates.sort((a, b) => b.cohesion - a.cohesion);
  let best: { labels: Int32Array; score: number } | undefined;
  for (const { centroids } of candidates.slice(0, large ? 3 : 6)) {
    const labels = new Int32Array(matrix.rows).fill(-1);
    const placedLabels = new Int32Array(placed.length);
    assignNearest(placedPoints, dim, centroids, k, placedLabels, new Float32Array(placed.length));
    placed.forEach((row, j) => (labels[row] = placedLabels[j]));
    const mixture = fitMixture(matrix, labels, k, { iterations: MIXTURE_ITERATIONS, beta: 0.1 });
    const score = heldOutLogLikelihood(mixture, matrix);
    if (!best || score > best.score) best = { labels: mixture.labels, score };
  }
  return best!;
}

function describeThemes(
  answered: { id: string; terms: TermAnalysis }[],
  docs: TermAnalysis[],
  labels: Int32Array,
  k: number,
  points: Float32Array,
  dim: number,
  centroids: Float32Array,
  vocabulary: string[],
  assignments: Map<string, number | null>,
): ClusterResult {
  const sizes = new Int32Array(k);
  for (const c of labels) sizes[c]++;
  // Largest first; ties by original index keep the order deterministic.
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rank = new Int32Array(k);
  order.forEach((c, r) => (rank[c] = r));
  answered.forEach((a, i) => assignments.set(a.id, rank[labels[i]]));

  const words = describeThemeWords(docs, labels, k, new Set(vocabulary));
  const themes: Theme[] = order.map((c, r) => {
    const members = answered.map((_, i) => i).filter((i) => labels[i] === c);
    return {
      id: r,
      label: words[c].label,
      terms: words[c].terms,
      memberIds: members.map((i) => answered[i].id),
      representativeIds: representatives(members, answered, points, dim, centroids, c),
    };
  });
  // Empty themes sort last, so dropping them keeps ids 0..k-1.
  const nonEmpty = themes.filter((t) => t.memberIds.length > 0);
  return { themes: nonEmpty, assignments, k: nonEmpty.length };
}

function representatives(
  members: number[],
  answered: { id: string; terms: TermAnalysis }[],
  points: Float32Array,
  dim: number,
  centroids: Float32Array,
  c: number,
): string[] {
  const ranked = members
    .map((i) => ({ i, sim: dot(points, i * dim, centroids, c * dim, dim) }))
    .sort((a, b) => b.sim - a.sim || a.i - b.i);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const { i } of ranked) {
    // Near-identical quotes waste a slot; compare on content terms.
    const key = answered[i].terms.stems.join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(answered[i].id);
    if (out.length === 3) break;
  }
  return out;
}

function centroidsOf(points: Float32Array, dim: number, labels: Int32Array, k: number): Float32Array {
  const sums = new Float32Array(k * dim);
  labels.forEach((c, i) => {
    if (c >= 0) for (let j = 0; j < dim; j++) sums[c * dim + j] += points[i * dim + j];
  });
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += sums[c * dim + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dim; j++) sums[c * dim + j] /= norm;
  }
  return sums;
}

function sampleRows(matrix: SparseMatrix, rows: Int32Array): SparseMatrix {
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

function gather(points: Float32Array, dim: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * dim);
  for (let i = 0; i < rows.length; i++) out.set(points.subarray(rows[i] * dim, rows[i] * dim + dim), i * dim);
  return out;
}

function pick<T>(values: T[], indices: Int32Array): T[] {
  return Array.from(indices, (i) => values[i]);
}
