// Spherical k-means (cosine similarity on unit vectors) with k-means++ seeding and restarts.
// Rows are L2-normalised embeddings; all-zero rows (answers with no known term) are skipped
// by the caller.
import { createRandom, type Random } from "./prng";

export interface KMeansResult {
  k: number;
  assignments: Int32Array;
  /** k × dim, row-major, unit length. */
  centroids: Float32Array;
  /** Sum over points of cosine similarity to their centroid (higher is better). */
  cohesion: number;
}

export interface KMeansOptions {
  seed?: number;
  restarts?: number;
  maxIterations?: number;
}

export function sphericalKMeans(
  points: Float32Array,
  dim: number,
  k: number,
  options: KMeansOptions = {},
): KMeansResult {
  const { seed = 1, restarts = 5, maxIterations = 30 } = options;
  const random = createRandom(seed);
  let best: KMeansResult | undefined;
  for (let r = 0; r < restarts; r++) {
    const result = runOnce(points, dim, k, random, maxIterations);
    if (!best || result.cohesion > best.cohesion) best = result;
  }
  return best!;
}

/** Lloyd iterations stop once fewer than this share of points change theme (as Elkan/Lloyd tolerances do). */
const CONVERGED_SHARE = 0.001;
/** Slack on the bounds below, above float32 rounding: a comparison this close is a tie either way. */
const BOUND_SLACK = 1e-6;

/**
 * Lloyd's iterations with Elkan's bounds (Elkan 2003): each point keeps an upper bound on its
 * distance to its own centre and a lower bound on its distance to every other centre, moved by
 * how far the centres move; a centre whose bound, or half its distance from the point's own
 * centre, rules it out is not compared at all. On unit vectors the Euclidean distance is
 * √(2 − 2 cos), so the triangle inequality holds and the assignments are Lloyd's (ties aside),
 * at a fraction of the dot products once the first iterations have settled the themes.
 */
function runOnce(points: Float32Array, dim: number, k: number, random: Random, maxIterations: number): KMeansResult {
  const n = points.length / dim;
  // Seeding computes every point's distance to every centre: the first assignment is free.
  const { centroids, lower } = seedPlusPlus(points, dim, k, random);
  const assignments = new Int32Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (lower[i * k + c] < lower[i * k + best]) best = c;
    assignments[i] = best;
    upper[i] = lower[i * k + best];
  }
  const previous = new Float32Array(k * dim);
  const half = new Float64Array(k * k);
  const nearestOther = new Float64Array(k);
  const shift = new Float64Array(k);
  for (let iter = 0; iter < maxIterations; iter++) {
    previous.set(centroids);
    if (!recomputeCentroids(points, dim, k, assignments, centroids, previous)) break;
    for (let c = 0; c < k; c++) {
      let moved = 0;
      for (let j = 0; j < dim; j++) moved += (centroids[c * dim + j] - previous[c * dim + j]) ** 2;
      shift[c] = Math.sqrt(moved);
    }
    for (let i = 0; i < n; i++) {
      upper[i] += shift[assignments[i]];
      for (let c = 0; c < k; c++) lower[i * k + c] = Math.max(0, lower[i * k + c] - shift[c]);
    }
    nearestOther.fill(Infinity);
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++) {
        const d = distance(dot(centroids, a * dim, centroids, b * dim, dim)) / 2;
        half[a * k + b] = half[b * k + a] = d;
        if (d < nearestOther[a]) nearestOther[a] = d;
        if (d < nearestOther[b]) nearestOther[b] = d;
      }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const own = assignments[i];
      if (upper[i] <= nearestOther[own] - BOUND_SLACK) continue;
      let a = own;
      let tight = false;
      for (let c = 0; c < k; c++) {
        if (c === a) continue;
        const bound = Math.max(lower[i * k + c], half[a * k + c]) - BOUND_SLACK;
        if (upper[i] <= bound) continue;
        if (!tight) {
          upper[i] = lower[i * k + a] = distance(dot(points, i * dim, centroids, a * dim, dim));
          tight = true;
          if (upper[i] <= bound) continue;
        }
        const d = (lower[i * k + c] = distance(dot(points, i * dim, centroids, c * dim, dim)));
        if (d < upper[i] || (d === upper[i] && c < a)) {
          a = c;
          upper[i] = d;
        }
      }
      if (a !== own) {
        assignments[i] = a;
        changed++;
      }
    }
    if (changed <= n * CONVERGED_SHARE) break;
  }
  let cohesion = 0;
  for (let i = 0; i < n; i++) cohesion += dot(points, i * dim, centroids, assignments[i] * dim, dim);
  return { k, assignments, centroids, cohesion };
}

/** Euclidean distance between unit vectors whose cosine similarity is `s`. */
function distance(s: number): number {
  return Math.sqrt(Math.max(0, 2 - 2 * s));
}

/**
 * k-means++ on cosine distance: spread-out seeds make restarts agree far more often. Returns the
 * seeds and every point's distance to each (n × k; centres left at zero, when there are fewer
 * distinct points than k, are at distance √2).
 */
function seedPlusPlus(
  points: Float32Array,
  dim: number,
  k: number,
  random: Random,
): { centroids: Float32Array; lower: Float64Array } {
  const n = points.length / dim;
  const centroids = new Float32Array(k * dim);
  const lower = new Float64Array(n * k).fill(Math.SQRT2);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(points.subarray(chosen * dim, chosen * dim + dim), c * dim);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const s = dot(points, i * dim, centroids, c * dim, dim);
      lower[i * k + c] = distance(s);
      const d = Math.max(0, 1 - s);
      if (d < nearest[i]) nearest[i] = d;
      total += nearest[i] * nearest[i];
    }
    if (total <= 0) break;
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i] * nearest[i];
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
  }
  return { centroids, lower };
}

/** Writes each point's best centroid; returns the summed similarity. */
export function assignNearest(
  points: Float32Array,
  dim: number,
  centroids: Float32Array,
  k: number,
  assignments: Int32Array,
  similarity: Float32Array,
): number {
  const n = points.length / dim;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const o = i * dim;
    let best = -1;
    let bestSim = -Infinity;
    // The hot loop of the whole pipeline: four centroids per pass over the point, so each of its
    // coordinates is read once for four products; no call.
    let c = 0;
    for (; c + 4 <= k; c += 4) {
      const q0 = c * dim;
      const q1 = q0 + dim;
      const q2 = q1 + dim;
      const q3 = q2 + dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < dim; j++) {
        const x = points[o + j];
        s0 += x * centroids[q0 + j];
        s1 += x * centroids[q1 + j];
        s2 += x * centroids[q2 + j];
        s3 += x * centroids[q3 + j];
      }
      // In centroid order with strict comparisons: ties go to the lower centroid.
      if (s0 > bestSim) {
        bestSim = s0;
        best = c;
      }
      if (s1 > bestSim) {
        bestSim = s1;
        best = c + 1;
      }
      if (s2 > bestSim) {
        bestSim = s2;
        best = c + 2;
      }
      if (s3 > bestSim) {
        bestSim = s3;
        best = c + 3;
      }
    }
    for (; c < k; c++) {
      const s = dot(points, o, centroids, c * dim, dim);
      if (s > bestSim) {
        bestSim = s;
        best = c;
      }
    }
    assignments[i] = best;
    similarity[i] = bestSim;
    total += bestSim;
  }
  return total;
}

/** Unit-length centroids of the current assignment; `previous` holds the centroids it was made with. */
function recomputeCentroids(
  points: Float32Array,
  dim: number,
  k: number,
  assignments: Int32Array,
  centroids: Float32Array,
  previous: Float32Array,
): boolean {
  const n = points.length / dim;
  const sums = new Float64Array(k * dim);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = assignments[i];
    sizes[c]++;
    for (let j = 0; j < dim; j++) sums[c * dim + j] += points[i * dim + j];
  }
  // An empty cluster takes the point its centroid explains worst, so k stays k.
  let similarity: Float64Array | undefined;
  let changed = false;
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) {
      similarity ??= Float64Array.from({ length: n }, (_, i) =>
        dot(points, i * dim, previous, assignments[i] * dim, dim),
      );
      let worst = 0;
      for (let i = 1; i < n; i++) if (similarity[i] < similarity[worst]) worst = i;
      similarity[worst] = Infinity;
      for (let j = 0; j < dim; j++) sums[c * dim + j] = points[worst * dim + j];
    }
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += sums[c * dim + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dim; j++) {
      const v = sums[c * dim + j] / norm;
      if (Math.abs(v - centroids[c * dim + j]) > 1e-6) changed = true;
      centroids[c * dim + j] = v;
    }
  }
  return changed;
}

export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, dim: number): number {
  // Four running sums: about twice as fast as one in V8, as the hot loops call this a lot.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 4 <= dim; j += 4) {
    s0 += a[ao + j] * b[bo + j];
    s1 += a[ao + j + 1] * b[bo + j + 1];
    s2 += a[ao + j + 2] * b[bo + j + 2];
    s3 += a[ao + j + 3] * b[bo + j + 3];
  }
  for (; j < dim; j++) s0 += a[ao + j] * b[bo + j];
  return s0 + s1 + s2 + s3;
}
