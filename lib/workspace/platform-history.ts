// Which on-platform flag held in a quarter: the latest change effective on or before it.
export type PlatformChange = { effectivePeriod: string; onPlatform: boolean };

export function onPlatformIn(changes: PlatformChange[], period: string, fallback = false): boolean {
  let best: PlatformChange | null = null;
  for (const c of changes)
    if (c.effectivePeriod <= period && (!best || c.effectivePeriod > best.effectivePeriod)) best = c;
  return best ? best.onPlatform : fallback;
}

/** A team's adoption history as analytics reads it: the changes, and the current flag for quarters before them. */
export type PlatformHistory = { changes: PlatformChange[]; current: boolean };

/** The history after recording `change` (one change per quarter: a second one replaces it). */
export function withPlatformChange(history: PlatformHistory, change: PlatformChange, today: string): PlatformHistory {
  const changes = [...history.changes.filter((c) => c.effectivePeriod !== change.effectivePeriod), change];
  // teams.on_platform follows the change that holds today; a future-dated one waits.
  return { changes, current: onPlatformIn(changes, today, history.current) };
}

/** Quarters, among `periods`, in which the team would land in the other adoption group. */
export function periodsChangingGroup(
  before: PlatformHistory,
  after: PlatformHistory,
  periods: readonly string[],
): string[] {
  return periods.filter(
    (p) => onPlatformIn(before.changes, p, before.current) !== onPlatformIn(after.changes, p, after.current),
  );
}

export type TeamSurveyResponses = { surveyId: string; title: string; period: string; respondents: number };

/**
 * The surveys in which an edit would move between 1 and k − 1 of the team's respondents from one
 * adoption group to the other. Comparing the adoption view before and after such an edit gives those
 * few people's answers, so the edit is refused; moving none, or k or more, is safe.
 */
export function surveysExposedByMove({
  surveys,
  periods,
  k,
}: {
  surveys: readonly TeamSurveyResponses[];
  periods: readonly string[];
  k: number;
}): TeamSurveyResponses[] {
  const moved = new Set(periods);
  return surveys.filter((s) => moved.has(s.period) && s.respondents > 0 && s.respondents < k);
}
