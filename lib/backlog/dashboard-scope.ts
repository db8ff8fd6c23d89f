// Which backlog the dashboard's "Top backlog items" shows. Editors pick it (a workspace setting);
// until they do, or when the pick has not been analysed, it is the widest range of quarters analysed,
// so analysing one quarter to look at history never changes what leadership sees.
import { quartersBetween } from "@/lib/period";
import { parseScope } from "./scope";

export type AnalysedScope = { scope: string; ranAt: string };

export function pickDashboardScope(chosen: string | null, analysed: readonly AnalysedScope[]): AnalysedScope | null {
  const pick = chosen ? analysed.find((a) => a.scope === chosen) : undefined;
  if (pick) return pick;
  const ranges = analysed
    .map((a) => ({ a, parsed: parseScope(a.scope) }))
    .flatMap(({ a, parsed }) => (parsed?.kind === "periods" ? [{ a, from: parsed.from, to: parsed.to }] : []))
    .sort(
      (x, y) =>
        quartersBetween(y.from, y.to) - quartersBetween(x.from, x.to) ||
        (x.to < y.to ? 1 : x.to > y.to ? -1 : 0) ||
        (x.a.ranAt < y.a.ranAt ? 1 : -1),
    );
  if (ranges.length) return ranges[0].a;
  // No range of quarters analysed: a survey or the friction log, the one analysed last.
  return [...analysed].sort((x, y) => (x.ranAt < y.ranAt ? 1 : -1))[0] ?? null;
}
