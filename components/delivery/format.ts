// Display formatting of measured delivery keys (the API sends seconds, rates and per-day figures).
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

export function formatDeployRate(perDay: number): string {
  if (perDay >= 1) return `${perDay.toFixed(1)} a day`;
  if (perDay * 7 >= 1) return `${(perDay * 7).toFixed(1)} a week`;
  return `${(perDay * 30).toFixed(1)} a month`;
}

export const formatRate = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
