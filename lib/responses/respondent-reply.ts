import { surveyAvailability } from "@/lib/surveys/lifecycle";
import type { RespondentSurvey } from "@/lib/surveys/queries";
import { todayIsoDate } from "./submission-day";

/** GET /api/s/{token} and /api/s/i/{token}: what a respondent needs to answer (respondentSurveyWire). */
export function respondentSurveyReply({ survey, questions, teamName }: RespondentSurvey) {
  return {
    survey: {
      title: survey.title,
      intro: survey.intro,
      period: survey.period,
      availability: surveyAvailability(survey, todayIsoDate()),
    },
    team: teamName,
    questions: questions.map(({ id, key, kind, prompt, helpText, required, options, maxLength }) => ({
      id,
      key,
      kind,
      prompt,
      helpText,
      required,
      options,
      maxLength,
    })),
  };
}
