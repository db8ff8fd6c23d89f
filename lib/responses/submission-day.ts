/** Today's date with day precision only (UTC), the most any response is allowed to carry. */
export function todayIsoDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
