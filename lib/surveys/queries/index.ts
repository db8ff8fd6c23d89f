// The surveys' SQL, split by what it serves; importers use "@/lib/surveys/queries".
//   surveys.ts     list, read, create, edit, open/close, delete
//   questions.ts   add, edit, delete and reorder questions
//   links.ts       survey links and the responses counted through them
//   respondent.ts  what a survey link opens
//   transitions.ts the jobs that open and close a survey on its dates, emitting its events once
export {
  changeSurveyStatus,
  countSurveyResponses,
  createSurvey,
  deleteSurvey,
  getCopySuggestion,
  getSurveyById,
  getSurveyWithQuestions,
  listSurveys,
  listWordingChanges,
  updateSurvey,
  type SurveyListItem,
} from "./surveys";
export { addQuestion, deleteQuestion, reorderQuestions, updateQuestion } from "./questions";
export { createTeamLinks, getSurveyLink, getSurveyLinkStats, listSurveyLinks, type SurveyLinkStats } from "./links";
export { getRespondentSurvey, readRespondentSurvey, type RespondentSurvey } from "./respondent";
export { runSurveyClose, runSurveyOpen } from "./transitions";
