import type { ResponseTally } from "@/lib/anonymity/surveys";
import type { ChoiceOption } from "@/lib/db/schema";
import type { QuestionKind, SurveyStatus } from "@/lib/surveys/constants";

// Shapes as they arrive over JSON (dates as strings), shared by the editor components.
export type EditorQuestion = {
  id: string;
  key: string;
  position: number;
  kind: QuestionKind;
  prompt: string;
  helpText: string;
  required: boolean;
  dimension: string | null;
  options: ChoiceOption[] | null;
  maxLength: number | null;
  archivedAt: string | null;
};

export type EditorSurvey = {
  id: string;
  title: string;
  period: string;
  status: SurveyStatus;
  intro: string;
  opensOn: string | null;
  closesOn: string | null;
  template: string | null;
  copiedFromSurveyId: string | null;
};

export type WordingChange = { questionId: string; previousPrompt: string; newPrompt: string; changedAt: string };

export type SurveyDetail = {
  survey: EditorSurvey;
  questions: EditorQuestion[];
  hasResponses: boolean;
  responses: ResponseTally;
  /** The workspace anonymity threshold. */
  k: number;
  wordingChanges: WordingChange[];
};

export type DimensionOption = { key: string; name: string; framework: string };
