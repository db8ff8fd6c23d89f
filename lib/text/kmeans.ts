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

function runOnce(points: Float32Array, dim: number, k: number, random: Random, maxIterations: number): KMeansResult {
  const n = points.length / dim;
  const centroids = seedPlusPlus(points, dim, k, random);
  const assignments = new Int32Array(n).fill(-1);
  const previous = new Int32Array(n).fill(-1);
  const similarity = new Float32Array(n);
  let cohesion = assignNearest(points, dim, centroids, k, assignments, similarity);
  for (let iter = 0; iter < maxIterations; iter++) {
    const changed = recomputeCentroids(points, dim, k, assignments, similarity, centroids);
    if (!changed) break;
    previous.set(assignments);
    cohesion = assignNearest(points, dim, centroids, k, assignments, similarity);
    let moved = 0;
    for (let i = 0; i < n; i++) if (assignments[i] !== previous[i]) moved++;
    if (moved <= n * CONVERGED_SHARE) break;
  }
  return { k, assignments, centroids, cohesion };
}

/** k-means++ on cosine distance: spread-out seeds make restarts agree far more often. */
function seedPlusPlus(points: Float32Array, dim: number, k: number, random: Random): Float32Array {
  const n = points.length / dim;
  const centroids = new Float32Array(k * dim);
  const distance = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(points.subarray(chosen * dim, chosen * dim + dim), c * dim);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(points, i * dim, centroids, c * dim, dim));
      if (d < distance[i]) distance[i] = d;
      total += distance[i] * distance[i];
    }
    if (total <= 0) break;
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= distance[i] * distance[i];
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
  }
  return centroids;
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

function recomputeCentroids(
  points: Float32Array,
  dim: number,
  k: number,
  assignments: Int32Array,
  similarity: Float32Array,
  centroids: Float32Array,
): boolean {
  const n = points.length / dim;
  const sums = new Float64Array(k * dim);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = assignments[i];
    sizes[c]++;
    for (let j = 0; j < dim; j++) sums[c * dim + j] += points[i * dim + j];
  }
  let changed = false;
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) {
      // An empty cluster takes the point its centroid explains worst, so k stays k.
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
  let s = 0;
  for (let j = 0; j < dim; j++) s += a[ao + j] * b[bo + j];
  return s;
}
