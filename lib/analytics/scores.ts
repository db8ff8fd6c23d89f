// Likert (1–5) dimension scores and team percentiles: final arithmetic over aggregates computed in SQL.

export type ScoreStats = {
  /** Respondents contributing to the score (at least this many). */
  n: number;
  /** Mean of the 1–5 answers. */
  mean: number;
  /** Share of answers that were 4 or 5, in percent. */
  favorablePct: number;
  /** Half-width of the 95% interval of the mean; null when n < 2 (no spread to estimate). */
  margin: number | null;
  ciLow: number | null;
  ciHigh: number | null;
};

// Two-sided 95% critical values of Student's t for 1..30 degrees of freedom.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t critical value for a two-sided 95% interval; approaches 1.96 for large samples. */
export function tCritical95(df: number): number {
  if (!Number.isFinite(df) || df < 1) throw new RangeError("degrees of freedom must be ≥ 1");
  const d = Math.floor(df);
  if (d <= 30) return T95[d - 1];
  // Cornish–Fisher style correction: within 0.001 of the exact value for df > 30.
  return 1.959964 + 2.37 / d + 2.8 / (d * d);
}

/**
 * Mean, % favorable and a t-based 95% interval of the mean from SQL aggregates: n respondents, the mean
 * and sample standard deviation of their answers, favorable answers out of all answers. Using answer-level
 * spread with respondent n never understates the interval when one person answers several questions.
 */
export function summarizeScore(input: {
  n: number;
  mean: number;
  sd: number | null;
  favorable: number;
  answers: number;
}): ScoreStats {
  const { n, mean, favorable, answers } = input;
  const sd = input.sd ?? 0;
  const favorablePct = answers > 0 ? (favorable / answers) * 100 : 0;
  if (n < 2) return { n, mean, favorablePct, margin: null, ciLow: null, ciHigh: null };
  const margin = (tCritical95(n - 1) * sd) / Math.sqrt(n);
  return { n, mean, favorablePct, margin, ciLow: Math.max(1, mean - margin), ciHigh: Math.min(5, mean + margin) };
}

/** Percentile with linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
export function percentile(values: readonly number[], p: number): number | null {
  if (p < 0 || p > 1) throw new RangeError("p must be within 0..1");
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export type Benchmark = { p50: number; p75: number; p90: number; teams: number };

/** The 50th/75th/90th percentile of team scores; needs at least `minTeams` visible teams to mean anything. */
export function benchmarkOf(values: readonly number[], minTeams = 3): Benchmark | null {
  if (values.length < minTeams) return null;
  return {
    p50: percentile(values, 0.5)!,
    p75: percentile(values, 0.75)!,
    p90: percentile(values, 0.9)!,
    teams: values.length,
  };
}

/** Where a team sits against the benchmark: "top 10%", "top 25%", "above median" or "below median". */
export function benchmarkPosition(value: number, b: Benchmark): "top10" | "top25" | "above_median" | "below_median" {
  if (value >= b.p90) return "top10";
  if (value >= b.p75) return "top25";
  if (value >= b.p50) return "above_median";
  return "below_median";
}
