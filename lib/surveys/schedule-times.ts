// Survey dates are whole days in UTC, the same days lib/responses/submission-day.ts stamps answers
// with: a survey opening on 2026-07-01 takes answers from 2026-07-01T00:00Z to 2026-07-01T23:59Z of its
// close date.

export function startOfDay(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00.000Z`);
}

export function startOfDayAfter(isoDay: string): Date {
  const start = startOfDay(isoDay);
  return new Date(start.getTime() + 24 * 60 * 60 * 1000);
}
