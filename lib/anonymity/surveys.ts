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
  return { ...survey, collecting, publication: collecting ? withholdWhileCollecting(survey.cells, k) : decidePublication(survey.cells, k) };
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
