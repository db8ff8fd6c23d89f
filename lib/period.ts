// Quarters such as "2026-Q3": surveys, friction entries, platform-adoption changes, workflow timings
// and backlog ranges are keyed by them. Written this way they sort lexicographically, so SQL and
// TypeScript compare them as plain strings. The one place that knows the format.
import { userText } from "@/lib/text/display-safe";

export type Period = `${number}-Q${1 | 2 | 3 | 4}`;

export const PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;

const PERIOD_HINT = "Enter a quarter such as 2026-Q3";

/** A quarter from a form, a query string or a JSON body (invisible characters and spaces dropped). */
export const periodSchema = userText({ error: PERIOD_HINT }).regex(PERIOD_PATTERN, PERIOD_HINT);

export function isPeriod(value: string): value is Period {
  return PERIOD_PATTERN.test(value);
}

/** The quarter a moment or an ISO date ("2026-04-13", a timestamp) falls in, in UTC. */
export function periodOfDate(value: Date | string): Period {
  const date = new Date(value);
  return `${date.getUTCFullYear()}-Q${quarterNumber(Math.floor(date.getUTCMonth() / 3) + 1)}`;
}

/** The quarter `quarters` after (or, negative, before) `period`, across years. */
export function shiftPeriod(period: string, quarters: number): Period {
  if (!isPeriod(period)) throw new Error(`Not a quarter: ${period}`);
  const index = Number(period.slice(0, 4)) * 4 + (Number(period.slice(6)) - 1) + quarters;
  return `${Math.floor(index / 4)}-Q${quarterNumber((index % 4) + 1)}`;
}

/** How many quarters `to` is after `from` (negative when before). */
export function quartersBetween(from: string, to: string): number {
  if (!isPeriod(from) || !isPeriod(to)) throw new Error(`Not a quarter: ${isPeriod(from) ? to : from}`);
  const index = (p: string) => Number(p.slice(0, 4)) * 4 + Number(p.slice(6)) - 1;
  return index(to) - index(from);
}

export const nextPeriod = (period: string) => shiftPeriod(period, 1);
export const previousPeriod = (period: string) => shiftPeriod(period, -1);

function quarterNumber(n: number): 1 | 2 | 3 | 4 {
  return n as 1 | 2 | 3 | 4;
}

/** The first moment of a quarter, in UTC. */
export function periodStart(period: string): Date {
  if (!isPeriod(period)) throw new Error(`Not a quarter: ${period}`);
  return new Date(Date.UTC(Number(period.slice(0, 4)), (Number(period.slice(6)) - 1) * 3, 1));
}
