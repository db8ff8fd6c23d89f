// The consensus of several partitions of the same answers (evidence accumulation, Fred & Jain
// 2005): two answers belong together in the proportion of partitions that put them together.
// Independent fits of a broad set of answers each land in a different local optimum — one
// merges two groups another keeps apart — and each is wrong somewhere else; what most of them
// agree on is steadier than any one of them.
import { adjustedRandIndex } from "./metrics";

/**
 * Relabels the answers by their average co-association: each answer joins the group whose other
 * members it was grouped with most often, averaged over `partitions` (each labels the same
 * answers 0..k-1), repeated until no answer moves. Starts from `initial` (usually the best of the
 * partitions) and moves answers between its groups: a local search, as k-means is, that improves
 * the grouping it starts from. It keeps the k groups (a round that would empty one is not made)
 * and is deterministic: an answer moves only to a strictly better group (of equals, the lowest label).
 */
export function consensusPartition(
  partitions: Int32Array[],
  k: number,
  initial: Int32Array,
  maxRounds = 20,
): Int32Array {
  const n = initial.length;
  const m = partitions.length;
  for (const p of partitions) if (p.length !== n) throw new Error("partitions must label the same answers");
  const labels = Int32Array.from(initial);
  // counts[(c · m + p) · k + l]: how many of group c's answers partition p labels l.
  const counts = new Float64Array(k * m * k);
  const sizes = new Int32Array(k);
  for (let round = 0; round < maxRounds; round++) {
    counts.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      sizes[c]++;
      for (let p = 0; p < m; p++) counts[(c * m + p) * k + partitions[p][i]]++;
    }
    const next = new Int32Array(n);
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const own = labels[i];
      let best = own;
      let bestScore = agreement(counts, sizes, partitions, i, own, own, m, k);
      for (let c = 0; c < k; c++) {
        if (c === own || sizes[c] === 0) continue;
        const score = agreement(counts, sizes, partitions, i, c, own, m, k);
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      next[i] = best;
      if (best !== own) moved++;
    }
    if (moved === 0) break;
    const nextSizes = new Int32Array(k);
    for (const c of next) nextSizes[c]++;
    // A group all of whose answers would leave is kept as it is: k groups were asked for.
    let emptied = false;
    for (let c = 0; c < k; c++) if (sizes[c] > 0 && nextSizes[c] === 0) emptied = true;
    if (emptied) break;
    labels.set(next);
  }
  return labels;
}

/**
 * Mean co-association of answer i with the other members of group c: for each partition, the
 * share of c's answers (i itself left out) that it labels as it labels i, averaged.
 */
function agreement(
  counts: Float64Array,
  sizes: Int32Array,
  partitions: Int32Array[],
  i: number,
  c: number,
  own: number,
  m: number,
  k: number,
): number {
  const self = c === own ? 1 : 0;
  const others = sizes[c] - self;
  if (others <= 0) return 0;
  let together = 0;
  for (let p = 0; p < m; p++) together += counts[(c * m + p) * k + partitions[p][i]] - self;
  return together / (m * others);
}

/**
 * Index of the partition that agrees most with the others (the highest summed adjusted Rand index
 * against them; of equals, the first): the most typical of several fits, a start for their consensus
 * that none of them pulls far from. Each partition labels the same answers.
 */
export function mostTypical(partitions: Int32Array[]): number {
  const lists = partitions.map((p) => Array.from(p));
  let best = 0;
  let bestScore = -Infinity;
  for (let a = 0; a < lists.length; a++) {
    let score = 0;
    for (let b = 0; b < lists.length; b++) if (a !== b) score += adjustedRandIndex(lists[a], lists[b]);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}
