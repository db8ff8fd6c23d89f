// The survey domain's enums and their labels, free of drizzle so client components import them too.
// lib/db/schema builds its PostgreSQL enums from these lists.

export const SURVEY_STATUSES = ["draft", "open", "closed"] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const surveyStatusLabels: Record<SurveyStatus, string> = { draft: "Draft", open: "Open", closed: "Closed" };

export const QUESTION_KINDS = ["likert", "nps", "single_choice", "multiple_choice", "free_text"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const questionKindLabels: Record<QuestionKind, string> = {
  likert: "Likert 1–5",
  nps: "NPS 0–10",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  free_text: "Free text",
};

/** A public link carries a survey or the friction log. */
export const LINK_KINDS = ["survey", "friction"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
