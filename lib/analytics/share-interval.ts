// The 95% interval of a share (x of n), for mention rates and other proportions. Wilson's score interval:
// unlike p ± 1.96·√(p(1−p)/n) it stays inside 0..1 and does not collapse to a point at 0 or n of n,
// which matters at the small n of a new quarter (2 of 7 is anything from 8% to 64%).

const Z95 = 1.96;

export type ShareInterval = { share: number; low: number; high: number };

/** Share `successes / n` with its Wilson 95% interval; null when n is 0 (no share to show). */
export function wilsonInterval(successes: number, n: number, z = Z95): ShareInterval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n)
    throw new RangeError("a share needs whole counts with 0 ≤ successes ≤ n");
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp round-off so 0 of n starts at exactly 0 and n of n ends at exactly 1.
  return { share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
