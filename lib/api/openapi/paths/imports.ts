// Operations of imports: past survey results from a CSV, and feedback notes (interviews, shadowing,
// office hours, support-channel questions) that the backlog clusters with the rest.
import * as note from "@/app/api/imports/notes/[id]/route";
import * as notesImport from "@/app/api/imports/notes/import/route";
import * as notes from "@/app/api/imports/notes/route";
import * as surveys from "@/app/api/imports/surveys/route";
import { noteCreatedWire, notesImportWire, notesWire, surveyImportWire } from "@/lib/imports/wire";
import { done, ok, type Paths } from "../operation";

export const importPaths = (): Paths => ({
  "/api/imports/surveys": {
    post: [
      surveys.POST,
      {
        operationId: "importSurveyResults",
        summary: "Preview or import past survey results from a CSV",
        tag: "Imports",
        description:
          "Maps the file's columns onto a survey's questions (by question key, or @team for the team column; unmapped columns are dropped and never stored) and each label onto a score or option id. The target is a survey without responses of a quarter that is over, or a new copy of a survey for such a quarter; it is left closed. Every imported response is dated the first day of the quarter. With commit true every row is stored in one transaction, or none when any row has an error (errors by line and column).",
        responses: {
          "200": ok("The mapping, a preview of the first rows as stored, and row errors", surveyImportWire),
        },
        adds: [409],
      },
    ],
  },
  "/api/imports/notes": {
    get: [
      notes.GET,
      {
        operationId: "listFeedbackNotes",
        summary: "Feedback notes (signed-in readers only: they may quote people)",
        tag: "Imports",
        responses: { "200": ok("The newest 500 notes and the count of all", notesWire) },
      },
    ],
    post: [
      notes.POST,
      {
        operationId: "createFeedbackNote",
        summary: "Add a note from an interview, shadowing, office hours or a support channel",
        tag: "Imports",
        responses: { "201": ok("The note's id", noteCreatedWire) },
      },
    ],
  },
  "/api/imports/notes/{id}": {
    delete: [
      note.DELETE,
      {
        operationId: "deleteFeedbackNote",
        summary: "Remove a feedback note",
        tag: "Imports",
        responses: { "200": done() },
        adds: [404],
      },
    ],
  },
  "/api/imports/notes/import": {
    post: [
      notesImport.POST,
      {
        operationId: "importFeedbackNotes",
        summary: "Preview or import a CSV of support-channel questions",
        tag: "Imports",
        description:
          "Columns text (required), period (a quarter; default the current one), team (a team's name) and loop (inner, outer or empty); other columns are dropped. With commit true every row is stored, or none when any row has an error.",
        responses: { "200": ok("Counts, a preview and row errors", notesImportWire) },
      },
    ],
  },
});
