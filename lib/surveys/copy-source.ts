import type { SurveyStatus } from "./constants";

type CopyCandidate = { id: string; period: string; status: SurveyStatus; questionCount: number };

// Among surveys of equal length, the closed one's questions are final.
const statusRank: Record<SurveyStatus, number> = { closed: 0, open: 1, draft: 2 };

/**
 * The survey "Copy an earlier survey" proposes for a new survey in `targetPeriod`: the main survey of the
 * latest quarter before it in which a survey ran (a draft that never ran only when nothing did; any quarter
 * when none is earlier). "Main" is the one with the most questions, so a short check-in in the same
 * quarter is not mistaken for the quarterly survey; ties go to the closed one, then to the order given
 * (newest first from listSurveys).
 */
export function proposeSurveyToCopy<T extends CopyCandidate>(surveys: T[], targetPeriod: string): T | null {
  // Quarters sort as strings (lib/period.ts).
  const earlier = surveys.filter((s) => s.period < targetPeriod);
  const ran = earlier.filter((s) => s.status !== "draft");
  const pool = ran.length ? ran : earlier.length ? earlier : surveys;
  if (!pool.length) return null;
  const latest = pool.reduce((max, s) => (s.period > max ? s.period : max), pool[0].period);
  return pool
    .filter((s) => s.period === latest)
    .map((s, order) => ({ s, order }))
    .sort(
      (a, b) =>
        b.s.questionCount - a.s.questionCount || statusRank[a.s.status] - statusRank[b.s.status] || a.order - b.order,
    )[0].s;
}
