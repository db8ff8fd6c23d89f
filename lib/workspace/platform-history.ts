// Which on-platform flag held in a quarter: the latest change effective on or before it.
export type PlatformChange = { effectivePeriod: string; onPlatform: boolean };

export function onPlatformIn(changes: PlatformChange[], period: string, fallback = false): boolean {
  let best: PlatformChange | null = null;
  for (const c of changes) if (c.effectivePeriod <= period && (!best || c.effectivePeriod > best.effectivePeriod)) best = c;
  return best ? best.onPlatform : fallback;
}
