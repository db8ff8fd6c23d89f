// The demo's draws, from the one seeded generator (lib/text/prng.ts), so the demo workspace is the
// same on every machine.
import { createRandom } from "@/lib/text/prng";

export type DemoRandom = ReturnType<typeof demoRandom>;

export function demoRandom(seed: number) {
  const next = createRandom(seed);
  // Not prng.ts's gaussian(): this form (and its order of draws) is the one the demo was drawn with.
  const normal = () => Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next());
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const weighted = <T>(items: readonly T[], weights: number[]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = next() * total;
    for (let i = 0; i < items.length; i++) if ((r -= weights[i]) <= 0) return items[i];
    return items[items.length - 1];
  };
  return { next, normal, pick, weighted };
}
