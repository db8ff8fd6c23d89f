// Quarters such as "2026-Q3": surveys, friction entries and platform-adoption changes are keyed by them.
export const PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** The quarter a calendar date (UTC) falls in. */
export function periodOfDate(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** "2026-04-13" → "2026-Q2"; accepts any ISO date string. */
export function periodOfIsoDate(isoDate: string): string {
  return periodOfDate(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function shiftPeriod(period: string, quarters: number): string {
  const [year, q] = parsePeriod(period);
  const index = year * 4 + (q - 1) + quarters;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export const nextPeriod = (period: string) => shiftPeriod(period, 1);
export const previousPeriod = (period: string) => shiftPeriod(period, -1);

/** Today's date with day precision only (UTC), the most any response is allowed to carry. */
export function todayIsoDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function parsePeriod(period: string): [number, number] {
  if (!isPeriod(period)) throw new Error(`Not a quarter: ${period}`);
  return [Number(period.slice(0, 4)), Number(period.slice(6))];
}
