// Which survey speaks for a quarter, and how live progress is counted while a survey collects answers.
import { decidePublication, withholdWhileCollecting, type Cell, type Publication } from "./model";

export type SurveyCells = {
  surveyId: string;
  title: string;
  period: string;
  status: string;
  /** Respondents of the survey in all. */
  n: number;
  cells: Cell[];
};
export type SurveyPublication = SurveyCells & { collecting: boolean; publication: Publication };

/**
 * A survey publishes once, when it is closed: while it is open, every answer would move its results by
 * one person, and a snapshot before and after someone answers would be that person's answers.
 */
export function publishSurvey(survey: SurveyCells, k: number): SurveyPublication {
  const collecting = survey.status !== "closed";
  return {
    ...survey,
    collecting,
    publication: collecting ? withholdWhileCollecting(survey.cells, k) : decidePublication(survey.cells, k),
  };
}

/**
 * The survey that speaks for a quarter on the dashboards: the closed survey most people answered (the
 * first created on a tie). Trends never add up several surveys of a quarter: the same people answering
 * two surveys are not twice as many people, and adding them could lift a small team over k.
 * Null when the quarter's surveys are all still collecting.
 */
export function pickHeadlineSurvey<T extends { status: string; n: number }>(surveysOfQuarter: readonly T[]): T | null {
  let best: T | null = null;
  for (const s of surveysOfQuarter) if (s.status === "closed" && s.n > 0 && (!best || s.n > best.n)) best = s;
  return best;
}

/** A live count shown while a survey collects: rounded down to a multiple of k, so it moves in steps of k and never shows fewer than k. */
export function progressCount(n: number, k: number): number | null {
  return n >= k ? Math.floor(n / k) * k : null;
}

/** A response count as people may see it: exact once published, in steps of k while collecting, null under k. */
export type ResponseTally = { n: number; atLeast: boolean } | null;

export function tallyResponses(n: number, status: string, k: number): ResponseTally {
  if (status !== "closed") {
    const live = progressCount(n, k);
    // Always "at least": an exact live count would tell when each person answered.
    return live === null ? null : { n: live, atLeast: true };
  }
  return n >= k ? { n, atLeast: false } : null;
}

/** "at least 10", "23", or the reason it is withheld. */
export function describeTally(tally: ResponseTally, k: number): string {
  if (!tally) return `fewer than ${k}`;
  return tally.atLeast ? `${tally.n}+` : String(tally.n);
}
