// Operations of survey authoring: surveys, questions and per-team links.
import { z } from "zod";
import * as surveyLinkQr from "@/app/api/surveys/[id]/links/[linkId]/qr/route";
import * as surveyLinks from "@/app/api/surveys/[id]/links/route";
import * as surveyQuestion from "@/app/api/surveys/[id]/questions/[questionId]/route";
import * as surveyQuestionsOrder from "@/app/api/surveys/[id]/questions/order/route";
import * as surveyQuestions from "@/app/api/surveys/[id]/questions/route";
import * as survey from "@/app/api/surveys/[id]/route";
import * as surveyStatus from "@/app/api/surveys/[id]/status/route";
import * as surveys from "@/app/api/surveys/route";
import {
  createdLinksWire,
  questionWire,
  surveyDetailWire,
  surveyLinkStatsWire,
  surveyListWire,
  surveyWire,
} from "@/lib/surveys/wire";
import { done, ok, type Paths } from "../operation";

const oneSurvey = z.object({ survey: surveyWire });
const oneQuestion = z.object({ question: questionWire });

export const authoringPaths = (): Paths => ({
  "/api/surveys": {
    get: [
      surveys.GET,
      {
        operationId: "listSurveys",
        summary: "List surveys with question and response counts",
        tag: "Authoring",
        responses: { "200": ok("Surveys, newest first", surveyListWire) },
      },
    ],
    post: [
      surveys.POST,
      {
        operationId: "createSurvey",
        summary: "Create a draft from a template or by copying an earlier survey (question keys are kept)",
        tag: "Authoring",
        body: "CreateSurvey",
        responses: { "201": ok("The new draft", oneSurvey) },
        adds: [404],
      },
    ],
  },
  "/api/surveys/{id}": {
    get: [
      survey.GET,
      {
        operationId: "getSurvey",
        summary: "A survey with all its questions",
        tag: "Authoring",
        responses: { "200": ok("The survey", surveyDetailWire) },
      },
    ],
    patch: [
      survey.PATCH,
      {
        operationId: "updateSurvey",
        summary: "Change title, intro, quarter or open/close dates",
        tag: "Authoring",
        body: "UpdateSurvey",
        responses: { "200": ok("The survey", oneSurvey) },
        adds: [409],
      },
    ],
    delete: [
      survey.DELETE,
      {
        operationId: "deleteSurvey",
        summary: "Delete a draft that has no responses",
        tag: "Authoring",
        responses: { "200": done("Deleted") },
        adds: [409],
      },
    ],
  },
  "/api/surveys/{id}/status": {
    post: [
      surveyStatus.POST,
      {
        operationId: "changeSurveyStatus",
        summary: "Publish (draft→open), close (open→closed) or reopen (closed→open)",
        tag: "Authoring",
        body: "ChangeStatus",
        responses: { "200": ok("The survey in its new status", oneSurvey) },
        adds: [409],
      },
    ],
  },
  "/api/surveys/{id}/questions": {
    post: [
      surveyQuestions.POST,
      {
        operationId: "addQuestion",
        summary: "Add a question to a draft",
        tag: "Authoring",
        body: "QuestionFields",
        responses: { "201": ok("The question", oneQuestion) },
        adds: [409],
      },
    ],
  },
  "/api/surveys/{id}/questions/{questionId}": {
    patch: [
      surveyQuestion.PATCH,
      {
        operationId: "updateQuestion",
        summary: "Edit or archive a question; a kept key's kind cannot change and rewording is recorded",
        tag: "Authoring",
        body: "UpdateQuestion",
        responses: { "200": ok("The question", oneQuestion) },
        adds: [409],
      },
    ],
    delete: [
      surveyQuestion.DELETE,
      {
        operationId: "deleteQuestion",
        summary: "Delete a question from a draft without responses (archive otherwise)",
        tag: "Authoring",
        responses: { "200": done("Deleted") },
        adds: [409],
      },
    ],
  },
  "/api/surveys/{id}/questions/order": {
    put: [
      surveyQuestionsOrder.PUT,
      {
        operationId: "reorderQuestions",
        summary: "Reorder a draft's questions",
        tag: "Authoring",
        body: "ReorderQuestions",
        responses: { "200": done("Reordered") },
        adds: [409],
      },
    ],
  },
  "/api/surveys/{id}/links": {
    get: [
      surveyLinks.GET,
      {
        operationId: "listSurveyLinks",
        summary: "Links with response counts and per-team response rates",
        tag: "Authoring",
        responses: { "200": ok("Links, with counts as the anonymity rules allow", surveyLinkStatsWire) },
      },
    ],
    post: [
      surveyLinks.POST,
      {
        operationId: "createSurveyLinks",
        summary: "Add per-team links (all active teams by default)",
        tag: "Authoring",
        body: "CreateLinks",
        responses: { "201": ok("Every link of the survey, and how many were added", createdLinksWire) },
      },
    ],
  },
  "/api/surveys/{id}/links/{linkId}/qr": {
    get: [
      surveyLinkQr.GET,
      {
        operationId: "getSurveyLinkQrCode",
        summary: "The link as an SVG QR code",
        tag: "Authoring",
        responses: { "200": { description: "SVG", media: "image/svg+xml" } },
      },
    ],
  },
});
