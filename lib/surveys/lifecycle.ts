import type { SurveyStatus } from "@/lib/surveys/constants";

// draft → open → closed, and a closed survey may be reopened while nobody has answered it. Going back to
// draft is not allowed: once links are out, the questions people answered must stay what they were. A
// closed survey with answers has published its results and stays closed (lib/surveys/queries.ts).
const allowed: Record<SurveyStatus, SurveyStatus[]> = { draft: ["open"], open: ["closed"], closed: ["open"] };

export function canTransition(from: SurveyStatus, to: SurveyStatus): boolean {
  return allowed[from].includes(to);
}

export type Availability = "open" | "draft" | "not_yet_open" | "closed";

/** Whether a survey takes answers today, from its status and optional open/close dates (inclusive). */
export function surveyAvailability(
  survey: { status: SurveyStatus; opensOn: string | null; closesOn: string | null },
  today: string,
): Availability {
  if (survey.status === "draft") return "draft";
  if (survey.status === "closed") return "closed";
  if (survey.opensOn && today < survey.opensOn) return "not_yet_open";
  if (survey.closesOn && today > survey.closesOn) return "closed";
  return "open";
}
