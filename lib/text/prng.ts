// Seeded PRNG (mulberry32): clustering must give the same themes for the same answers,
// so nothing in lib/text may call Math.random. The demo workspace (lib/demo/random.ts) draws
// from it too, so the demo is the same on every machine.
export type Random = () => number;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box–Muller), for random projections. */
export function gaussian(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** k distinct indices from 0..n-1 (partial Fisher–Yates), in ascending order. */
export function sampleIndices(n: number, k: number, random: Random): Int32Array {
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, k).sort();
}
