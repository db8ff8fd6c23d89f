import { nextPeriod, periodOfDate, periodStart } from "@/lib/period";

/**
 * The quarter a series drafts after `period`: the next one, unless it has already started — a series
 * set up on an old survey (or resumed after a long pause) drafts the first quarter still ahead, not
 * every quarter in between.
 */
export function quarterToDraftAfter(period: string, now: Date): string {
  const next = nextPeriod(period);
  return periodStart(next) > now ? next : nextPeriod(periodOfDate(now));
}
