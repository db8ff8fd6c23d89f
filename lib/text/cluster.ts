// Theme discovery for free-text answers: TF-IDF → LSA → spherical k-means → multinomial
// mixture refinement; unless given, k is chosen by the exact ICL of the mixture along a greedy
// merge path (theme-count.ts, icl.ts). Small inputs are fitted several times and the fits' consensus
// kept (RUN_WORK). Deterministic for a given input and seed; for large inputs the model is fitted on a
// sample and every answer assigned.
import { assignNearest, dot, sphericalKMeans } from "./kmeans";
import { describeThemeWords } from "./labels";
import { consensusPartition, mostTypical } from "./consensus";
import { fitMixture } from "./mixture";
import { isNormalizedNonAnswer } from "./non-answer";
import { normalizeText } from "./normalize";
import { createRandom, sampleIndices } from "./prng";
import { splitTheme } from "./sub-themes";
import { chooseThemeCount } from "./theme-count";
import { embedRows, fitLsa } from "./svd";
import { capPerGroup, gather, pick, sampleRows } from "./rows";
import { buildTfidf, type SparseMatrix } from "./tfidf";
import { analyzeNormalizedTerms, type TermAnalysis } from "./tokenize";

export interface AnswerItem {
  id: string;
  text: string;
}

export interface SubTheme {
  /** Named as themes are, never with its parent's name. */
  label: string;
  terms: string[];
  memberIds: string[];
  /** Up to three members closest to the sub-theme's centre. */
  representativeIds: string[];
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
  /**
   * The finer groups the theme's answers hold (see sub-themes.ts), largest first; each member of
   * the theme is in exactly one. Empty when the theme does not split into groups of at least
   * MIN_SUB_THEME answers.
   */
  subThemes: SubTheme[];
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
const FIT_SAMPLE = 5_000;
/** k-means starts run on at most this many answers; the mixture then sees every answer. */
const START_SAMPLE = 2_000;
/**
 * How many k-means starts (see fitThemes): a start costs answers × themes, so the starts share a
 * budget of START_WORK answer-themes, between MIN_STARTS and MAX_STARTS: 16 on 2,000 answers up
 * to 10 themes, 8 from 20 themes; 16 on any input under 1,000 answers at 20 themes.
 */
const MAX_STARTS = 16;
const MIN_STARTS = 8;
const START_WORK = 320_000;
/**
 * Each start's mixture is fitted on a sample of this many answers, with fewer EM steps: the good
 * starts lead after a few.
 */
const SCREEN_SAMPLE = 2_000;
const SCREEN_ITERATIONS = 5;
const MAX_FEATURES = 10_000;
/**
 * At most this many themes automatically: a backlog of more than this is not read. Where answers
 * hold more groups (clinc150: 150 intents), the merge path's coarser groups are the themes and
 * the finer ones their sub-themes.
 */
const MAX_AUTO_K = 30;
/** Small inputs support fewer themes: at most √n / this (20 themes at 600 answers). */
const K_SQRT_DIVISOR = 1.2;
const MIXTURE_ITERATIONS = 8;
/**
 * Small inputs are fitted several times (fitThemes from different starts) and what the fits agree
 * on is kept: a few hundred answers settle a grouping only loosely, and one fit moved NMI by ±2.5
 * between seeds at the same k (dx-feedback at 12 themes: 67.2–72.0; with 9 runs 69.6–71.9, and
 * searchsnippets' 1,000-answer samples gain 2–4 points of NMI on average). A fit costs about its
 * answers, so the runs share a budget of RUN_WORK answers: 9 up to 1,000 answers, 3 at 3,000, one
 * from 4,500 (where a fit already starts from a sample and sees every answer).
 */
const RUN_WORK = 9_000;
const MAX_RUNS = 9;
/**
 * Names are read from at most this many answers of each theme (a seeded sample): a theme's top
 * phrases are settled long before that, and naming is string work that grows with every answer.
 */
const NAME_SAMPLE_PER_THEME = 300;

export function clusterAnswers(items: AnswerItem[], options: ClusterOptions = {}): ClusterResult {
  const seed = options.seed ?? 42;
  const assignments = new Map<string, number | null>();
  const answered: Answered[] = [];
  // Identical answers ("docs", "flaky tests") are common: each distinct text is analysed once.
  const analysed = new Map<string, TermAnalysis | null>();
  for (const item of items) {
    let terms = analysed.get(item.text);
    if (terms === undefined) {
      const normalized = normalizeText(item.text);
      terms = isNormalizedNonAnswer(normalized) ? null : analyzeNormalizedTerms(item.text, normalized);
      analysed.set(item.text, terms);
    }
    if (terms === null) assignments.set(item.id, null);
    else answered.push({ id: item.id, text: item.text, terms });
  }
  analysed.clear();
  if (answered.length === 0) return { themes: [], assignments, k: 0 };

  const docs = answered.map((a) => a.terms);
  const tfidf = buildTfidf(docs, { minDocFrequency: answered.length >= 50 ? 2 : 1, maxFeatures: MAX_FEATURES });
  const { points, dim } = embed(tfidf.matrix, seed);
  const placed: number[] = [];
  for (let i = 0; i < answered.length; i++) if (hasWeight(points, i, dim)) placed.push(i);

  // About ten answers per theme at least; tiny inputs still get split in two when possible.
  // Small inputs support fewer themes: over-segmenting a few hundred answers helps no PM.
  const maxK = Math.min(MAX_AUTO_K, placed.length, Math.max(2, Math.round(Math.sqrt(placed.length) / K_SQRT_DIVISOR)));
  const k = Math.max(1, Math.min(options.k ?? chooseThemeCount(tfidf.matrix, placed, maxK, seed), placed.length || 1));
  const labels = new Int32Array(answered.length).fill(-1);
  let centroids: Float32Array = new Float32Array(k * dim);
  if (placed.length > 0) {
    labels.set(fitAgreed(tfidf.matrix, points, dim, placed, k, seed));
    centroids = centroidsOf(points, dim, labels, k);
  }
  // Answers with no term shared with any other answer cannot be placed by content; they join
  // the largest theme rather than being reported as non-answers.
  const sizes = new Int32Array(k);
  for (const c of labels) if (c >= 0) sizes[c]++;
  const largest = sizes.indexOf(Math.max(...sizes));
  for (let i = 0; i < labels.length; i++) if (labels[i] < 0) labels[i] = largest;

  const context: Context = {
    answered,
    docs,
    matrix: tfidf.matrix,
    points,
    dim,
    vocabulary: new Set(tfidf.terms),
    seed,
  };
  return describeThemes(context, labels, k, centroids, assignments);
}

interface Answered {
  id: string;
  text: string;
  terms: TermAnalysis;
}

interface Context {
  answered: Answered[];
  docs: TermAnalysis[];
  matrix: SparseMatrix;
  points: Float32Array;
  dim: number;
  vocabulary: ReadonlySet<string>;
  seed: number;
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

/** Labels (-1 where not placed) agreed by fitThemes' runs; see RUN_WORK. */
function fitAgreed(
  matrix: SparseMatrix,
  points: Float32Array,
  dim: number,
  placed: number[],
  k: number,
  seed: number,
): Int32Array {
  const runs = Math.max(1, Math.min(MAX_RUNS, Math.floor(RUN_WORK / placed.length)));
  const fits = Array.from(
    { length: runs },
    (_, r) => fitThemes(matrix, points, dim, placed, k, seed + 100_003 * r).labels,
  );
  if (runs === 1) return fits[0];
  const ofPlaced = fits.map((labels) => Int32Array.from(placed, (i) => labels[i]));
  const agreed = consensusPartition(ofPlaced, k, ofPlaced[mostTypical(ofPlaced)]);
  const labels = new Int32Array(matrix.rows).fill(-1);
  placed.forEach((i, j) => (labels[i] = agreed[j]));
  return labels;
}

/**
 * Many cheap k-means starts on a sample, each refined by a few steps of the mixture on another
 * sample (at most 2,000 answers each); the consensus of the better half of them (by how well their
 * mixtures explain the words; consensus.ts) is refined on every answer. A single start lands in a
 * poor local optimum often enough to swing NMI by 5–8 points between seeds (on searchsnippets at
 * 10 themes, one start merges two classes and splits another, the next gets them right), and the
 * likelihood alone cannot tell the good ones apart reliably; what most of the best starts agree on can.
 */
function fitThemes(
  matrix: SparseMatrix,
  points: Float32Array,
  dim: number,
  placed: number[],
  k: number,
  seed: number,
): { labels: Int32Array } {
  const sample =
    placed.length > START_SAMPLE
      ? pick(placed, sampleIndices(placed.length, START_SAMPLE, createRandom(seed + 7)))
      : placed;
  const samplePoints = gather(points, dim, sample);
  const screen =
    placed.length > SCREEN_SAMPLE
      ? pick(placed, sampleIndices(placed.length, SCREEN_SAMPLE, createRandom(seed + 11)))
      : placed;
  const screenMatrix = sampleRows(matrix, Int32Array.from(screen));
  const screenPoints = gather(points, dim, screen);
  const screenRows = screen.map((_, j) => j);
  const refine = (
    centroids: Float32Array,
    on: SparseMatrix,
    rows: number[],
    rowPoints: Float32Array,
    iterations: number,
  ) => {
    const labels = new Int32Array(on.rows).fill(-1);
    const rowLabels = new Int32Array(rows.length);
    assignNearest(rowPoints, dim, centroids, k, rowLabels, new Float32Array(rows.length));
    rows.forEach((row, j) => (labels[row] = rowLabels[j]));
    const mixture = fitMixture(on, labels, k, { iterations, beta: 0.1 });
    return { labels: mixture.labels, score: mixture.logLikelihood };
  };
  const starts = Math.max(MIN_STARTS, Math.min(MAX_STARTS, Math.round(START_WORK / (k * sample.length))));
  const screened = Array.from({ length: starts }, (_, s) => {
    const start = sphericalKMeans(samplePoints, dim, k, { seed: seed + 1000 * s, restarts: 1, maxIterations: 20 });
    return refine(start.centroids, screenMatrix, screenRows, screenPoints, SCREEN_ITERATIONS);
  });
  // The better half by likelihood; a stable sort keeps ties in start order, so it is deterministic.
  const best = screened.sort((a, b) => b.score - a.score).slice(0, Math.ceil(starts / 2));
  const agreed = consensusPartition(
    best.map((fit) => fit.labels),
    k,
    best[0].labels,
  );
  // Usually every answer is placed: then the points are already in order.
  const placedPoints = placed.length === matrix.rows ? points : gather(points, dim, placed);
  return refine(centroidsOf(screenPoints, dim, agreed, k), matrix, placed, placedPoints, MIXTURE_ITERATIONS);
}

function describeThemes(
  context: Context,
  labels: Int32Array,
  k: number,
  centroids: Float32Array,
  assignments: Map<string, number | null>,
): ClusterResult {
  const { answered, docs, points, dim } = context;
  const sizes = new Int32Array(k);
  for (const c of labels) sizes[c]++;
  // Largest first; ties by original index keep the order deterministic.
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rank = new Int32Array(k);
  order.forEach((c, r) => (rank[c] = r));
  answered.forEach((a, i) => assignments.set(a.id, rank[labels[i]]));

  const texts = answered.map((a) => a.text);
  const named = capPerGroup(labels, k, NAME_SAMPLE_PER_THEME, createRandom(context.seed + 13));
  const words = describeThemeWords(
    named.map((i) => docs[i]),
    named.map((i) => labels[i]),
    k,
    context.vocabulary,
    { texts: named.map((i) => texts[i]) },
  );
  const membersOf = Array.from({ length: k }, () => [] as number[]);
  labels.forEach((c, i) => membersOf[c].push(i));
  const themes: Theme[] = order.map((c, r) => {
    const members = membersOf[c];
    return {
      id: r,
      label: words[c].label,
      terms: words[c].terms,
      memberIds: members.map((i) => answered[i].id),
      representativeIds: representatives(members, answered, points, dim, centroids, c),
      subThemes: subThemesOf(context, texts, members, words[c].label),
    };
  });
  // Empty themes sort last, so dropping them keeps ids 0..k-1.
  const nonEmpty = themes.filter((t) => t.memberIds.length > 0);
  return { themes: nonEmpty, assignments, k: nonEmpty.length };
}

function subThemesOf(context: Context, texts: string[], members: number[], label: string): SubTheme[] {
  const { answered, points, dim } = context;
  const split = splitTheme({ ...context, texts }, members, label);
  if (!split) return [];
  const subK = split.names.length;
  const subLabels = new Int32Array(answered.length).fill(-1);
  members.forEach((i, j) => (subLabels[i] = split.labels[j]));
  const subCentroids = centroidsOf(points, dim, subLabels, subK);
  const groups = Array.from({ length: subK }, () => [] as number[]);
  members.forEach((i, j) => groups[split.labels[j]].push(i));
  return groups
    .map((group, s) => ({
      label: split.names[s].label,
      terms: split.names[s].terms,
      memberIds: group.map((i) => answered[i].id),
      representativeIds: representatives(group, answered, points, dim, subCentroids, s),
    }))
    .filter((sub) => sub.memberIds.length > 0)
    .sort((a, b) => b.memberIds.length - a.memberIds.length || (a.label < b.label ? -1 : 1));
}

function representatives(
  members: number[],
  answered: Answered[],
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
