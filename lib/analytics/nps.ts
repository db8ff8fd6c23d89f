// Net Promoter Score and its sampling error. Inputs are counts aggregated in SQL; this is the final arithmetic.

export type NpsStats = {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100..+100 */
  score: number;
  /** Half-width of the 95% interval, in NPS points. */
  margin: number;
  ciLow: number;
  ciHigh: number;
  /** Variance of the NPS as a fraction (not points); changes add these. */
  variance: number;
};

export type NpsChange = { delta: number; margin: number; ciLow: number; ciHigh: number; withinNoise: boolean };

const Z95 = 1.96;

/** Promoters 9–10, passives 7–8, detractors 0–6. */
export function npsCategory(value: number): "promoter" | "passive" | "detractor" {
  if (value >= 9) return "promoter";
  if (value >= 7) return "passive";
  return "detractor";
}

/**
 * NPS = %promoters − %detractors with the 95% interval ±1.96·√(((p + d) − (p − d)²) / n).
 * Returns null for an empty group: there is no score to show.
 */
export function computeNps(promoters: number, passives: number, detractors: number): NpsStats | null {
  for (const c of [promoters, passives, detractors]) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError("NPS counts must be non-negative integers");
  }
  const n = promoters + passives + detractors;
  if (n === 0) return null;
  const p = promoters / n;
  const d = detractors / n;
  // Clamp tiny negative round-off (all promoters gives exactly 0 in theory).
  const variance = Math.max(0, (p + d - (p - d) ** 2) / n);
  const score = (p - d) * 100;
  const margin = Z95 * Math.sqrt(variance) * 100;
  return {
    n,
    promoters,
    passives,
    detractors,
    score,
    margin,
    ciLow: Math.max(-100, score - margin),
    ciHigh: Math.min(100, score + margin),
    variance,
  };
}

/** Change from `before` to `after`; independent samples, so the variances add. */
export function npsChange(
  before: Pick<NpsStats, "score" | "variance">,
  after: Pick<NpsStats, "score" | "variance">,
): NpsChange {
  const delta = after.score - before.score;
  const margin = Z95 * Math.sqrt(before.variance + after.variance) * 100;
  const ciLow = delta - margin;
  const ciHigh = delta + margin;
  return { delta, margin, ciLow, ciHigh, withinNoise: ciLow <= 0 && ciHigh >= 0 };
}

/** Internal-platform reading of a score: < 30 serious problems, 30–50 good, > 50 excellent. */
export function npsBand(score: number): "problem" | "good" | "excellent" {
  if (score > 50) return "excellent";
  if (score >= 30) return "good";
  return "problem";
}
