// Display formatting for analytics numbers (the API sends full precision).
export const formatNps = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(Math.round(v))}`;
export const formatSigned = (v: number, digits = 0) =>
  `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(digits)}`;
export const formatMean = (v: number) => v.toFixed(2);
export const formatPct = (v: number) => `${Math.round(v)}%`;
export const formatInterval = (lo: number | null, hi: number | null, digits = 0) =>
  lo === null || hi === null ? "—" : `${lo.toFixed(digits)} to ${hi.toFixed(digits)}`;

/** 1–5 mean → background colour of a heatmap cell, red through amber to green. */
export function heatColor(mean: number): string {
  const t = Math.max(0, Math.min(1, (mean - 1) / 4));
  const hue = Math.round(t * 130); // 0 red → 130 green
  return `hsl(${hue} 65% 45% / ${0.18 + Math.abs(t - 0.5) * 0.5})`;
}

export const SERIES_COLORS = [
  "#4f46e5",
  "#0891b2",
  "#16a34a",
  "#d97706",
  "#dc2626",
  "#9333ea",
  "#db2777",
  "#0d9488",
  "#65a30d",
  "#475569",
];
