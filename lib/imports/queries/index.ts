// The imports domain's SQL; importers use "@/lib/imports/queries".
//   survey-import.ts  the survey imported results go to, and storing them (all rows in one transaction)
//   notes.ts          feedback notes: add, import, list, delete
export {
  listImportChoices,
  listImportTeams,
  loadImportTarget,
  storeImportedSurvey,
  type ImportTargetInput,
} from "./survey-import";
export { createNote, deleteNote, importNotes, listNotes } from "./notes";
