// Driver analysis: how much each dimension (or question) relates to platform NPS across respondents.
//
// Dimensions correlate with each other (people who like the CI usually like the deploys), so regression
// betas split credit arbitrarily and can even flip sign. Johnson's relative weights (2000) split the
// model's R² into shares that are non-negative, sum to R², and agree closely with dominance analysis
// at a fraction of its cost: regress the outcome on the orthogonal counterpart Z of the predictors
// (Z = X·(XᵀX)^(-1/2), the closest orthogonal matrix to X), then map each Z's share back to the
// original predictors through the squared loadings of X on Z.
//
// Everything here works on moments (counts, sums and cross-products) that SQL aggregates; no response
// leaves the database. Bootstrap replicates are moments of Poisson-weighted respondents, also summed
// in SQL, so intervals cost one GROUP BY.

/** Sufficient statistics of variables [outcome, ...drivers] over (weighted) respondents. */
export type Moments = {
  /** Sum of weights (the respondent count when unweighted). */
  n: number;
  /** Σ w·v for each variable; index 0 is the outcome. */
  sum: number[];
  /** Σ w·vᵢ·vⱼ, a full symmetric matrix over the same variables. */
  cross: number[][];
};

export type DriverWeight = {
  /** Raw relative weight: the part of R² this driver accounts for. */
  weight: number;
  /** weight / R²: the driver's share of what the model explains (0..1, shares sum to 1). */
  share: number;
};

export type RelativeWeights = { rSquared: number; drivers: DriverWeight[] };

/** Correlation matrix of the variables in `m`; a constant variable correlates 0 with everything. */
export function correlationFromMoments(m: Moments): number[][] {
  const k = m.sum.length;
  if (m.n <= 1) throw new RangeError("correlations need more than one respondent");
  const mean = m.sum.map((s) => s / m.n);
  const cov = (i: number, j: number) => m.cross[i][j] / m.n - mean[i] * mean[j];
  const sd = Array.from({ length: k }, (_, i) => Math.sqrt(Math.max(0, cov(i, i))));
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      if (i === j) return 1;
      if (sd[i] < 1e-12 || sd[j] < 1e-12) return 0;
      return Math.max(-1, Math.min(1, cov(i, j) / (sd[i] * sd[j])));
    }),
  );
}

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: exact enough and simple for
 * the handful of drivers a survey has (a dozen at most).
 */
export function symmetricEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const p = a.length;
  const m = a.map((row) => row.slice());
  const v: number[][] = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += m[i][j] * m[i][j];
    if (off < 1e-22) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        if (Math.abs(m[i][j]) < 1e-300) continue;
        const theta = (m[j][j] - m[i][i]) / (2 * m[i][j]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const mki = m[k][i];
          const mkj = m[k][j];
          m[k][i] = c * mki - s * mkj;
          m[k][j] = s * mki + c * mkj;
        }
        for (let k = 0; k < p; k++) {
          const mik = m[i][k];
          const mjk = m[j][k];
          m[i][k] = c * mik - s * mjk;
          m[j][k] = s * mik + c * mjk;
        }
        for (let k = 0; k < p; k++) {
          const vki = v[k][i];
          const vkj = v[k][j];
          v[k][i] = c * vki - s * vkj;
          v[k][j] = s * vki + c * vkj;
        }
      }
    }
  }
  return { values: m.map((row, i) => row[i]), vectors: v };
}

/**
 * Johnson's relative weights of the drivers for the outcome, from the correlation matrix of
 * [outcome, ...drivers]. Near-collinear directions (eigenvalue ≈ 0) carry no information and are
 * dropped rather than inverted.
 */
export function relativeWeights(correlation: number[][]): RelativeWeights {
  const p = correlation.length - 1;
  const rxx = correlation.slice(1).map((row) => row.slice(1));
  const rxy = correlation.slice(1).map((row) => row[0]);
  const { values, vectors } = symmetricEigen(rxx);
  const floor = 1e-9 * Math.max(1, ...values);
  // Λ (loadings of X on Z) = Q·diag(√λ)·Qᵀ; β (outcome on Z) = Q·diag(1/√λ)·Qᵀ·rxy.
  const matrix = (f: (lambda: number) => number) =>
    Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) => {
        let s = 0;
        for (let k = 0; k < p; k++) if (values[k] > floor) s += vectors[i][k] * f(values[k]) * vectors[j][k];
        return s;
      }),
    );
  const loadings = matrix(Math.sqrt);
  const inverseRoot = matrix((lambda) => 1 / Math.sqrt(lambda));
  const beta = inverseRoot.map((row) => row.reduce((s, x, j) => s + x * rxy[j], 0));
  const weights = loadings.map((row) => row.reduce((s, l, k) => s + l * l * beta[k] * beta[k], 0));
  const rSquared = weights.reduce((s, w) => s + w, 0);
  return {
    rSquared,
    drivers: weights.map((weight) => ({ weight, share: rSquared > 0 ? weight / rSquared : 0 })),
  };
}

export type DriverEstimate = {
  /** Share of explained variance (0..1) from all respondents. */
  share: number;
  /** 95% percentile bootstrap interval of the share. */
  low: number;
  high: number;
  /** 1 = most important, from the point estimate. */
  rank: number;
};

export type DriverAnalysis = {
  respondents: number;
  rSquared: number;
  drivers: DriverEstimate[];
  /**
   * Whether the ranking is worth reading: enough respondents per driver, and a bootstrap that mostly
   * agrees on the top driver. Shown as a plain sentence when false rather than hiding the chart.
   */
  stable: boolean;
  reason: string | null;
};

/** Respondents per driver below which relative weights swing from sample to sample. */
export const MIN_RESPONDENTS_PER_DRIVER = 10;
export const MIN_RESPONDENTS = 30;

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Relative importance with bootstrap intervals. `replicates` are the moments of Poisson(1)-weighted
 * resamples of the same respondents (the SQL assigns each respondent a deterministic weight per
 * replicate), so the percentile interval is the usual bootstrap interval.
 */
export function analyseDrivers(point: Moments, replicates: Moments[]): DriverAnalysis {
  const drivers = point.sum.length - 1;
  const respondents = point.n;
  const estimate = relativeWeights(correlationFromMoments(point));
  const shares = replicates
    .filter((r) => r.n > drivers + 1)
    .map((r) => relativeWeights(correlationFromMoments(r)).drivers.map((d) => d.share));
  const order = estimate.drivers.map((d, i) => ({ i, share: d.share })).sort((a, b) => b.share - a.share);
  const rank = new Map(order.map((o, r) => [o.i, r + 1]));
  const result = estimate.drivers.map((d, i) => {
    const sample = shares.map((s) => s[i]).sort((a, b) => a - b);
    return {
      share: d.share,
      low: shares.length ? percentile(sample, 0.025) : d.share,
      high: shares.length ? percentile(sample, 0.975) : d.share,
      rank: rank.get(i)!,
    };
  });
  const top = order[0]?.i;
  const topAgreement =
    shares.length && top !== undefined
      ? shares.filter((s) => s.indexOf(Math.max(...s)) === top).length / shares.length
      : 0;
  let reason: string | null = null;
  if (respondents < Math.max(MIN_RESPONDENTS, MIN_RESPONDENTS_PER_DRIVER * drivers))
    reason = `${Math.round(respondents)} respondents answered every driver; a stable ranking of ${drivers} drivers needs at least ${Math.max(MIN_RESPONDENTS, MIN_RESPONDENTS_PER_DRIVER * drivers)}.`;
  else if (estimate.rSquared < 0.05) reason = "These drivers explain almost none of the variation in NPS.";
  else if (topAgreement < 0.5)
    reason = "Resamples disagree on which driver matters most: read the ranking as a tie among the top drivers.";
  return { respondents, rSquared: estimate.rSquared, drivers: result, stable: reason === null, reason };
}

export type DriverPriority = "fix_first" | "maintain" | "monitor" | "low_priority";

/**
 * The priority matrix: low score × high importance is where to act first. Both axes are split at
 * their averages over the drivers shown, so the matrix reads relative to this survey.
 */
export function driverPriority(
  drivers: { score: number; share: number }[],
): { priority: DriverPriority; score: number; share: number }[] {
  if (drivers.length === 0) return [];
  const meanScore = drivers.reduce((s, d) => s + d.score, 0) / drivers.length;
  const meanShare = 1 / drivers.length;
  return drivers.map((d) => {
    const important = d.share >= meanShare;
    const low = d.score < meanScore;
    const priority: DriverPriority =
      important && low ? "fix_first" : important ? "maintain" : low ? "monitor" : "low_priority";
    return { ...d, priority };
  });
}

/** The priority matrix's quadrants in words, in the order they are read. */
export const driverPriorityLabels: Record<DriverPriority, { title: string; hint: string }> = {
  fix_first: { title: "Fix first", hint: "matters a lot, scores low" },
  maintain: { title: "Keep it up", hint: "matters a lot, scores well" },
  monitor: { title: "Watch", hint: "scores low, matters less" },
  low_priority: { title: "Leave as is", hint: "scores well, matters less" },
};
export const DRIVER_PRIORITIES: DriverPriority[] = ["fix_first", "maintain", "monitor", "low_priority"];
