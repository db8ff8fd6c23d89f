// Which survey may receive imported past results. Pure, so the form can say why before the file is sent.
import { periodOfDate } from "@/lib/period";

/**
 * Null when the survey can take an import, else why not. Only a survey with no responses yet, not
 * collecting, of a quarter already over: its results then publish once, complete (an import into a
 * published survey would move its figures by the imported rows, which a before/after comparison reads).
 */
export function surveyCanTakeImport(
  survey: { status: string; period: string; responses: number },
  today: Date = new Date(),
): string | null {
  if (survey.status === "open") return "This survey is collecting answers; import into a closed or draft survey";
  if (survey.responses > 0) return "This survey already has responses; import into a new copy for that quarter";
  return isPastQuarter(survey.period, today) ? null : "Past results belong to a quarter that is over";
}

export const isPastQuarter = (period: string, today: Date = new Date()) => period < periodOfDate(today);
