import { describe, expect, it } from "vitest";
import { createRandom, gaussian, type Random } from "@/lib/text/prng";
import {
  analyseDrivers,
  correlationFromMoments,
  driverPriority,
  type Moments,
  relativeWeights,
  symmetricEigen,
} from "./drivers";

// Synthetic respondents with planted drivers: outcome = Σ betaᵢ·xᵢ + noise, drivers sharing a common
// factor so they correlate (as survey dimensions do). The analysis sees only moments, as it does in SQL.
function respondents(n: number, betas: number[], sharedFactor: number, random: Random): number[][] {
  return Array.from({ length: n }, () => {
    const common = gaussian(random);
    const x = betas.map(() => sharedFactor * common + Math.sqrt(1 - sharedFactor ** 2) * gaussian(random));
    const y = x.reduce((s, v, i) => s + betas[i] * v, 0) + 0.8 * gaussian(random);
    return [y, ...x];
  });
}

function momentsOf(rows: number[][], weights?: number[]): Moments {
  const k = rows[0].length;
  const m: Moments = { n: 0, sum: Array(k).fill(0), cross: Array.from({ length: k }, () => Array(k).fill(0)) };
  rows.forEach((row, r) => {
    const w = weights ? weights[r] : 1;
    m.n += w;
    for (let i = 0; i < k; i++) {
      m.sum[i] += w * row[i];
      for (let j = 0; j < k; j++) m.cross[i][j] += w * row[i] * row[j];
    }
  });
  return m;
}

// Poisson(1) weights, as the SQL draws them per respondent and replicate.
function poisson(random: Random): number {
  const limit = Math.exp(-1);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

function replicatesOf(rows: number[][], count: number, random: Random): Moments[] {
  return Array.from({ length: count }, () =>
    momentsOf(
      rows,
      rows.map(() => poisson(random)),
    ),
  );
}

/** OLS R² = rxyᵀ·Rxx⁻¹·rxy by Gaussian elimination, to check the weights add up to it. */
function olsRSquared(r: number[][]): number {
  const p = r.length - 1;
  const a = r.slice(1).map((row) => [...row.slice(1), row[0]]);
  for (let c = 0; c < p; c++) {
    for (let i = c + 1; i < p; i++) {
      const f = a[i][c] / a[c][c];
      for (let j = c; j <= p; j++) a[i][j] -= f * a[c][j];
    }
  }
  const beta = Array(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = a[i][p];
    for (let j = i + 1; j < p; j++) s -= a[i][j] * beta[j];
    beta[i] = s / a[i][i];
  }
  return beta.reduce((s, b, i) => s + b * r[i + 1][0], 0);
}

describe("symmetricEigen", () => {
  it("reconstructs the matrix from its eigenpairs", () => {
    const a = [
      [4, 1, 0.5],
      [1, 3, 0.2],
      [0.5, 0.2, 2],
    ];
    const { values, vectors } = symmetricEigen(a);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        const back = values.reduce((s, l, k) => s + vectors[i][k] * l * vectors[j][k], 0);
        expect(back).toBeCloseTo(a[i][j], 9);
      }
  });
});

describe("relativeWeights", () => {
  it("gives each uncorrelated driver its squared correlation with the outcome", () => {
    const r = [
      [1, 0.5, 0.3, 0.1],
      [0.5, 1, 0, 0],
      [0.3, 0, 1, 0],
      [0.1, 0, 0, 1],
    ];
    const result = relativeWeights(r);
    expect(result.drivers.map((d) => d.weight)).toEqual([
      expect.closeTo(0.25, 9),
      expect.closeTo(0.09, 9),
      expect.closeTo(0.01, 9),
    ]);
    expect(result.rSquared).toBeCloseTo(0.35, 9);
  });

  it("splits exactly the regression's R² among correlated drivers, all shares non-negative", () => {
    const rows = respondents(3000, [0.5, 0.3, 0.1, 0], 0.7, createRandom(7));
    const r = correlationFromMoments(momentsOf(rows));
    const result = relativeWeights(r);
    expect(result.rSquared).toBeCloseTo(olsRSquared(r), 6);
    for (const d of result.drivers) expect(d.weight).toBeGreaterThanOrEqual(0);
    expect(result.drivers.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 9);
  });

  it("survives a duplicated driver (singular correlation matrix) by sharing its weight", () => {
    const rows = respondents(1000, [0.5, 0.2], 0.3, createRandom(3)).map((row) => [...row, row[1]]);
    const result = relativeWeights(correlationFromMoments(momentsOf(rows)));
    expect(result.drivers[0].weight).toBeCloseTo(result.drivers[2].weight, 6);
    expect(result.drivers.every((d) => Number.isFinite(d.weight))).toBe(true);
  });
});

describe("analyseDrivers", () => {
  it("recovers the planted order of correlated drivers, with intervals around the estimates", () => {
    const random = createRandom(11);
    const rows = respondents(1500, [0.6, 0.35, 0.15, 0], 0.6, random);
    const analysis = analyseDrivers(momentsOf(rows), replicatesOf(rows, 200, random));
    expect(analysis.drivers.map((d) => d.rank)).toEqual([1, 2, 3, 4]);
    expect(analysis.stable).toBe(true);
    for (const d of analysis.drivers) {
      expect(d.low).toBeLessThanOrEqual(d.share);
      expect(d.high).toBeGreaterThanOrEqual(d.share);
    }
    // The top driver is clearly apart from the second: its interval is above the other's.
    expect(analysis.drivers[0].low).toBeGreaterThan(analysis.drivers[1].high);
  });

  it("says the ranking is not stable with too few respondents, and gives wide intervals", () => {
    const random = createRandom(5);
    const rows = respondents(24, [0.4, 0.35, 0.3, 0.25], 0.6, random);
    const analysis = analyseDrivers(momentsOf(rows), replicatesOf(rows, 200, random));
    expect(analysis.stable).toBe(false);
    expect(analysis.reason).toMatch(/needs at least 40/);
    const widest = Math.max(...analysis.drivers.map((d) => d.high - d.low));
    expect(widest).toBeGreaterThan(0.2);
  });

  it("calls a near-tie a tie when resamples disagree on the top driver", () => {
    const random = createRandom(9);
    const rows = respondents(400, [0.3, 0.3, 0.3], 0.5, random);
    const analysis = analyseDrivers(momentsOf(rows), replicatesOf(rows, 200, random));
    expect(analysis.stable).toBe(false);
    expect(analysis.reason).toMatch(/tie/);
  });
});

describe("driverPriority", () => {
  it("puts low score × high importance first", () => {
    const result = driverPriority([
      { score: 2.8, share: 0.5 },
      { score: 4.1, share: 0.3 },
      { score: 3.0, share: 0.1 },
      { score: 4.3, share: 0.1 },
    ]);
    expect(result.map((d) => d.priority)).toEqual(["fix_first", "maintain", "monitor", "low_priority"]);
  });
});
