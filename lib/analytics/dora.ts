// DORA bands from self-reported answers: option ids are the band, so classification is ordinal arithmetic.
import { doraBands, type DoraBand } from "@/lib/surveys/templates";

export const doraMetricKeys = [
  "dora.deployment_frequency",
  "dora.lead_time",
  "dora.change_failure_rate",
  "dora.recovery_time",
] as const;

export function bandRank(band: DoraBand): number {
  return doraBands.indexOf(band);
}

export function isDoraBand(value: unknown): value is DoraBand {
  return typeof value === "string" && (doraBands as readonly string[]).includes(value);
}

/**
 * A team's overall band: the median of its per-metric bands. With an even number of metrics the
 * two middle bands may differ; we take the worse one so a team is never flattered by a tie.
 */
export function classifyDora(metricBands: readonly (DoraBand | null | undefined)[]): DoraBand | null {
  const ranks = metricBands
    .filter(isDoraBand)
    .map(bandRank)
    .sort((a, b) => a - b);
  if (ranks.length === 0) return null;
  return doraBands[ranks[Math.floor(ranks.length / 2)]];
}

/** Median band of one metric's answers from its band counts, as percentile_disc(0.5) over the ordered bands. */
export function medianBand(counts: Record<DoraBand, number>): DoraBand | null {
  const n = doraBands.reduce((sum, b) => sum + counts[b], 0);
  if (n === 0) return null;
  let cumulative = 0;
  for (const band of doraBands) {
    cumulative += counts[band];
    if (cumulative >= n / 2) return band;
  }
  return null;
}
