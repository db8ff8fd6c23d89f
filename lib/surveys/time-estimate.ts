import type { QuestionKind } from "@/lib/surveys/constants";

// Rough seconds a respondent spends per question; free text dominates.
const secondsByKind: Record<QuestionKind, number> = {
  likert: 7,
  nps: 7,
  single_choice: 10,
  multiple_choice: 14,
  free_text: 40,
};

export function estimateSeconds(questions: { kind: QuestionKind }[]): number {
  return questions.reduce((sum, q) => sum + secondsByKind[q.kind], 0);
}

/** "About 3 minutes" — never less than one minute, rounded up. */
export function estimateLabel(questions: { kind: QuestionKind }[]): string {
  const minutes = Math.max(1, Math.ceil(estimateSeconds(questions) / 60));
  return minutes === 1 ? "About 1 minute" : `About ${minutes} minutes`;
}
