// Sub-themes: each theme opened into the finer groups its answers hold, so a PM can drill from
// "Deploys" to approvals, rollbacks and canaries. The same model as the theme count (cluster.ts):
// the theme's answers are over-segmented by k-means in the LSA space, refined by the word mixture
// and merged greedily by exact ICL; the best k on that path, if above one, gives the sub-themes.
// Sub-themes smaller than MIN_SUB_THEME are merged on along the path, so none is a handful.
import { applyMerges, bestK, iclMergePath } from "./icl";
import { assignNearest, sphericalKMeans } from "./kmeans";
import { describeThemeWords } from "./labels";
import { fitMixture } from "./mixture";
import { createRandom, sampleIndices } from "./prng";
import { capPerGroup, gather, ownVocabulary, pick, sampleRows } from "./rows";
import type { SparseMatrix } from "./tfidf";
import type { TermAnalysis } from "./tokenize";

/** Fewer answers than this do not make a sub-theme worth opening. */
export const MIN_SUB_THEME = 5;
/** A theme is split into at most this many sub-themes. */
const MAX_SUB_THEMES = 8;
/** The split is chosen on at most this many of the theme's answers; the rest join the nearest sub-theme. */
const SPLIT_SAMPLE = 300;
const SPLIT_BETA = 0.2;
/** Sub-themes are named from at most this many of their answers (as themes are, see cluster.ts). */
const NAME_SAMPLE_PER_SUB_THEME = 150;

export interface SubThemeSplit {
  /** Sub-theme per member (index into `names`), in the order of `members`. */
  labels: Int32Array;
  names: { label: string; terms: string[] }[];
}

export interface SplitInput {
  matrix: SparseMatrix;
  points: Float32Array;
  dim: number;
  docs: TermAnalysis[];
  texts: string[];
  vocabulary: ReadonlySet<string>;
  seed: number;
}

/**
 * Splits one theme (`members`: row indices) into sub-themes, or returns null when its answers do
 * not hold two groups of at least MIN_SUB_THEME. `parentLabel` is never reused as a sub-theme name.
 */
export function splitTheme(input: SplitInput, members: number[], parentLabel: string): SubThemeSplit | null {
  const { matrix, points, dim, seed } = input;
  const start = Math.min(MAX_SUB_THEMES, Math.floor(members.length / MIN_SUB_THEME));
  if (start < 2) return null;
  const sample =
    members.length > SPLIT_SAMPLE
      ? pick(members, sampleIndices(members.length, SPLIT_SAMPLE, createRandom(seed)))
      : members;
  const sampleMatrix = ownVocabulary(sampleRows(matrix, Int32Array.from(sample)));
  // Answers that share no word (or all say the same) hold no groups to tell apart.
  if (dim === 0 || sampleMatrix.cols === 0) return null;
  const samplePoints = gather(points, dim, sample);
  const model = sphericalKMeans(samplePoints, dim, start, { seed, restarts: 3, maxIterations: 20 });
  const mixture = fitMixture(sampleMatrix, model.assignments, start, { iterations: 5, beta: SPLIT_BETA });
  const path = iclMergePath(sampleMatrix, mixture.labels, start, { alpha: 1, beta: SPLIT_BETA });
  const minSize = Math.max(2, Math.round((MIN_SUB_THEME * sample.length) / members.length));
  let steps = path.steps.findIndex((s) => s.k === bestK(path, sample.length));
  let labels = applyMerges(mixture.labels, start, path.merges, steps);
  // Merge on along the path until every sub-theme is large enough.
  while (steps < path.merges.length && smallest(labels, start) < minSize)
    labels = applyMerges(mixture.labels, start, path.merges, ++steps);
  const groups = [...new Set(labels)].sort((a, b) => a - b);
  if (groups.length < 2) return null;

  // Every member goes to the nearest sub-theme centre, so the split covers answers outside the sample.
  const centroids = new Float32Array(groups.length * dim);
  labels.forEach((c, i) => {
    const g = groups.indexOf(c);
    for (let j = 0; j < dim; j++) centroids[g * dim + j] += samplePoints[i * dim + j];
  });
  for (let g = 0; g < groups.length; g++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += centroids[g * dim + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dim; j++) centroids[g * dim + j] /= norm;
  }
  const memberLabels = new Int32Array(members.length);
  assignNearest(
    gather(points, dim, members),
    dim,
    centroids,
    groups.length,
    memberLabels,
    new Float32Array(members.length),
  );
  const sizes = new Int32Array(groups.length);
  for (const c of memberLabels) sizes[c]++;
  if (sizes.filter((s) => s > 0).length < 2) return null;
  const named = capPerGroup(memberLabels, groups.length, NAME_SAMPLE_PER_SUB_THEME, createRandom(seed + 1));
  const names = describeThemeWords(
    named.map((j) => input.docs[members[j]]),
    named.map((j) => memberLabels[j]),
    groups.length,
    input.vocabulary,
    { texts: named.map((j) => input.texts[members[j]]), reserved: [parentLabel] },
  );
  return { labels: memberLabels, names };
}

function smallest(labels: Int32Array, k: number): number {
  const sizes = new Int32Array(k);
  for (const c of labels) if (c >= 0) sizes[c]++;
  return Math.min(...Array.from(sizes).filter((s) => s > 0));
}
