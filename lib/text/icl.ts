// Choosing the number of themes by the exact integrated completed likelihood (ICL) of a
// mixture of multinomials (Biernacki, Celeux & Govaert 2000; the exact, conjugate-prior form
// of Bertoletti, Friel & Rastelli 2015 and Côme & Latouche 2015). With Dirichlet priors on the
// theme sizes (α) and on each theme's word distribution (β), the parameters integrate out in
// closed form, so log p(words, partition | k) needs no asymptotic BIC penalty — which, with
// thousands of word parameters per theme, would wildly over-penalise themes in short text.
//
// Fitting every k separately gives a jagged curve (each k gets its own lucky or unlucky
// k-means start). Instead an over-segmented partition is merged greedily, always the pair
// whose merge raises the ICL most, which gives one nested path k₀ → 1 with an exact ICL at
// every k; the best k on that path is the choice.
import type { SparseMatrix } from "./tfidf";

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma needs a positive argument, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

export interface IclOptions {
  /** Symmetric Dirichlet prior on theme proportions. */
  alpha?: number;
  /** Symmetric Dirichlet prior on each theme's word distribution (as in the mixture). */
  beta?: number;
}

export interface MergeStep {
  /** Non-empty themes after this step. */
  k: number;
  /** Exact ICL of the partition (log scale, whole sample). */
  icl: number;
}

export interface MergePath {
  /** The starting partition first, then one entry per merge, down to a single theme. */
  steps: MergeStep[];
  /** merges[s] = [kept, absorbed]: labels merged by step s + 1 (absorbed joins kept). */
  merges: [number, number][];
}

interface Group {
  size: number;
  tokens: number;
  /** Word → occurrences (binary presence per answer, as the mixture counts them). */
  words: Map<number, number>;
  /** This group's word part of the ICL. */
  wordTerm: number;
}

/**
 * Exact ICL of a hard partition of `matrix` rows (labels in 0..k-1, -1 = left out), each answer
 * a bag of its distinct features; the same model as the mixture refinement.
 */
export function integratedCompletedLikelihood(
  matrix: SparseMatrix,
  labels: Int32Array,
  k: number,
  options: IclOptions = {},
): number {
  return iclMergePath(matrix, labels, k, { ...options, stopAt: Infinity }).steps[0].icl;
}

/**
 * Greedy agglomeration of a partition by exact ICL: at each step the two themes whose merge
 * raises (or least lowers) the ICL are merged. Deterministic: ties go to the lowest labels.
 */
export function iclMergePath(
  matrix: SparseMatrix,
  labels: Int32Array,
  k: number,
  options: IclOptions & { stopAt?: number } = {},
): MergePath {
  const { alpha = 1, beta = 0.1, stopAt = 1 } = options;
  const v = matrix.cols;
  // Every count here is a whole number up to the sample's answers (words) or entries (tokens):
  // ln Γ of the prior plus a count is read from a table, the merge loop's hot path.
  const words = tabulate((count) => logGamma(beta + count), matrix.rows);
  // Without words (no word is used twice in a sample) every partition's word part is 0: sizes alone speak.
  const tokens =
    v === 0 ? new Float64Array(1) : tabulate((count) => logGamma(v * beta + count), matrix.rowStart[matrix.rows]);
  const logGammaBeta = words[0];
  const logGammaVBeta = tokens[0];
  const groups: (Group | null)[] = Array.from({ length: k }, () => ({
    size: 0,
    tokens: 0,
    words: new Map(),
    wordTerm: 0,
  }));
  let n = 0;
  for (let i = 0; i < matrix.rows; i++) {
    const c = labels[i];
    if (c < 0) continue;
    if (c >= k) throw new Error(`label ${c} out of range for k = ${k}`);
    const g = groups[c]!;
    n++;
    g.size++;
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) {
      const w = matrix.colIndex[p];
      g.words.set(w, (g.words.get(w) ?? 0) + 1);
      g.tokens++;
    }
  }
  for (let c = 0; c < k; c++) if (groups[c]!.size === 0) groups[c] = null;
  const wordTerm = (g: Group) => {
    let s = logGammaVBeta - tokens[g.tokens];
    for (const count of g.words.values()) s += words[count] - logGammaBeta;
    return s;
  };
  for (const g of groups) if (g) g.wordTerm = wordTerm(g);
  let live = groups.reduce((count, g) => count + (g ? 1 : 0), 0);
  // Partition part: Dirichlet–multinomial over sizes for K non-empty themes, plus ln K! since
  // theme labels are arbitrary (K! labellings give the same partition).
  const total = () => {
    const K = live;
    let s = logGamma(K * alpha) - logGamma(K * alpha + n) - K * logGamma(alpha) + logGamma(K + 1);
    for (const g of groups) if (g) s += logGamma(alpha + g.size) + g.wordTerm;
    return s;
  };
  // Change in the ICL terms that depend only on the pair; the K-dependent part is the same
  // for every pair at a given step.
  const pairGain = (a: Group, b: Group) => {
    let s =
      logGammaVBeta -
      tokens[a.tokens + b.tokens] -
      (logGammaVBeta - tokens[a.tokens]) -
      (logGammaVBeta - tokens[b.tokens]);
    const [small, large] = a.words.size <= b.words.size ? [a, b] : [b, a];
    for (const [w, x] of small.words) {
      const y = large.words.get(w);
      if (y !== undefined) s += words[x + y] - words[x] - words[y] + logGammaBeta;
    }
    return s + logGamma(alpha + a.size + b.size) - logGamma(alpha + a.size) - logGamma(alpha + b.size);
  };
  const steps: MergeStep[] = [{ k: live, icl: total() }];
  const merges: [number, number][] = [];
  if (live <= Math.max(1, stopAt)) return { steps, merges };
  const gain = new Float64Array(k * k).fill(-Infinity);
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) if (groups[a] && groups[b]) gain[a * k + b] = pairGain(groups[a]!, groups[b]!);
  while (live > Math.max(1, stopAt)) {
    let best = -Infinity;
    let keep = -1;
    let absorb = -1;
    for (let a = 0; a < k; a++) {
      if (!groups[a]) continue;
      for (let b = a + 1; b < k; b++)
        if (groups[b] && gain[a * k + b] > best) [best, keep, absorb] = [gain[a * k + b], a, b];
    }
    const into = groups[keep]!;
    const from = groups[absorb]!;
    for (const [w, x] of from.words) into.words.set(w, (into.words.get(w) ?? 0) + x);
    into.size += from.size;
    into.tokens += from.tokens;
    into.wordTerm = wordTerm(into);
    groups[absorb] = null;
    live--;
    for (let c = 0; c < k; c++) {
      gain[Math.min(c, absorb) * k + Math.max(c, absorb)] = -Infinity;
      if (c === keep || !groups[c]) continue;
      gain[Math.min(c, keep) * k + Math.max(c, keep)] = pairGain(
        groups[Math.min(c, keep)]!,
        groups[Math.max(c, keep)]!,
      );
    }
    merges.push([keep, absorb]);
    steps.push({ k: live, icl: total() });
  }
  return { steps, merges };
}

function tabulate(f: (count: number) => number, max: number): Float64Array {
  return Float64Array.from({ length: max + 1 }, (_, count) => f(count));
}

/** Labels after applying the first `count` merges of a path (labels keep their original ids). */
export function applyMerges(labels: Int32Array, k: number, merges: [number, number][], count: number): Int32Array {
  const parent = Int32Array.from({ length: k }, (_, c) => c);
  for (let s = 0; s < count; s++) parent[merges[s][1]] = merges[s][0];
  const root = (c: number) => {
    while (parent[c] !== c) c = parent[c];
    return c;
  };
  return Int32Array.from(labels, (c) => (c < 0 ? c : root(c)));
}

/**
 * The k to use from a merge path: the best ICL, and among k whose ICL is within `tolerance`
 * (log units per answer) of it, the largest — when the evidence is flat, a few extra themes
 * that a reader can merge are better than distinct problems lumped together.
 */
export function bestK(path: MergePath, answers: number, tolerance = 0): number {
  const best = Math.max(...path.steps.map((s) => s.icl));
  return Math.max(...path.steps.filter((s) => s.icl >= best - tolerance * Math.max(1, answers)).map((s) => s.k));
}
