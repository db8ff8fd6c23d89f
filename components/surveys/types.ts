// The editor's shapes are what /api/surveys/[id] sends (dates as strings), derived in lib/surveys/hooks.ts.
import type { SurveyDetail } from "@/lib/surveys/hooks";

export type { SurveyDetail };
export type EditorQuestion = SurveyDetail["questions"][number];
export type EditorSurvey = SurveyDetail["survey"];
export type WordingChange = SurveyDetail["wordingChanges"][number];

export type DimensionOption = { key: string; name: string; framework: string };
