// The DORA bands of measured keys, from the table in DOMAIN.md (the same bands the survey asks people
// to pick). The table leaves gaps between bands and gives one range to three bands of change failure
// rate; how each gap is closed is written beside its threshold, and nowhere else.
import type { DoraBand } from "@/lib/surveys/templates";

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const SIX_MONTHS = 182 * DAY;

/**
 * Deployment frequency from the mean interval between production deployments. Elite: on demand,
 * about daily or more. High: weekly – monthly, and the unnamed range between daily and weekly (a team
 * deploying more often than weekly is at least High). Medium: monthly – every six months. Low: rarer.
 */
export function deploymentFrequencyBand(deploysPerDay: number): DoraBand {
  if (deploysPerDay <= 0) return "low";
  const interval = DAY / deploysPerDay;
  if (interval <= DAY) return "elite";
  if (interval <= MONTH) return "high";
  if (interval <= SIX_MONTHS) return "medium";
  return "low";
}

/**
 * Lead time for changes. Elite: under an hour. High: up to a week (the table's 1 day – 1 week, plus the
 * unnamed hour – day, which is better than High's range yet not Elite). Medium: up to a month. Low: longer.
 */
export function leadTimeBand(medianSeconds: number): DoraBand {
  if (medianSeconds < HOUR) return "elite";
  if (medianSeconds <= WEEK) return "high";
  if (medianSeconds <= MONTH) return "medium";
  return "low";
}

/**
 * Change failure rate (0..1). Elite: 0–15 %. The table gives 16–30 % to High, Medium and Low alike,
 * so a rate alone cannot separate them: it is High, the best band whose range it is in. Above 30 %
 * is outside every band's range and counts as Low.
 */
export function changeFailureRateBand(rate: number): DoraBand {
  if (rate <= 0.15) return "elite";
  if (rate <= 0.3) return "high";
  return "low";
}

/**
 * Time to restore. Elite: under an hour. High: under a day. Medium: a day – a week. Low: the table
 * names only "over six months"; the unnamed week – six months is worse than Medium, so Low too.
 */
export function timeToRestoreBand(medianSeconds: number): DoraBand {
  if (medianSeconds < HOUR) return "elite";
  if (medianSeconds < DAY) return "high";
  if (medianSeconds <= WEEK) return "medium";
  return "low";
}
