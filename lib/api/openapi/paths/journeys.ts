// Operations of journey maps, their steps and theme links, and baseline workflow timings.
import { z } from "zod";
import * as journeyDuplicate from "@/app/api/journeys/[id]/duplicate/route";
import * as journeyEvidence from "@/app/api/journeys/[id]/evidence/route";
import * as journeyExport from "@/app/api/journeys/[id]/export/route";
import * as journey from "@/app/api/journeys/[id]/route";
import * as journeyStep from "@/app/api/journeys/[id]/steps/[stepId]/route";
import * as journeyStepTheme from "@/app/api/journeys/[id]/steps/[stepId]/themes/[themeId]/route";
import * as journeyStepThemes from "@/app/api/journeys/[id]/steps/[stepId]/themes/route";
import * as journeyStepsOrder from "@/app/api/journeys/[id]/steps/order/route";
import * as journeySteps from "@/app/api/journeys/[id]/steps/route";
import * as journeySuggestions from "@/app/api/journeys/[id]/suggestions/route";
import * as journeys from "@/app/api/journeys/route";
import * as journeyThemes from "@/app/api/journeys/themes/route";
import * as workflow from "@/app/api/workflows/[id]/route";
import * as workflowTiming from "@/app/api/workflows/[id]/timings/[period]/route";
import * as workflows from "@/app/api/workflows/route";
import {
  journeyEvidenceWire,
  journeyMapDetailWire,
  journeyMapListWire,
  journeyMapWire,
  journeyStepWire,
  linkableThemesWire,
  linkSuggestionsWire,
  stepThemeLinkWire,
  workflowTimingsWire,
  workflowTimingWire,
  workflowWire,
} from "@/lib/journeys/wire";
import { csv, done, ok, type Paths } from "../operation";

const oneStep = z.object({ step: journeyStepWire });
const oneWorkflow = z.object({ workflow: workflowWire });

export const journeyPaths = (): Paths => ({
  "/api/journeys": {
    get: [
      journeys.GET,
      {
        operationId: "listJourneyMaps",
        summary: "Journey maps",
        tag: "Journeys",
        responses: { "200": ok("Maps with step counts and total minutes per path", journeyMapListWire) },
      },
    ],
    post: [
      journeys.POST,
      {
        operationId: "createJourneyMap",
        summary: "Create a map, blank or from a template",
        tag: "Journeys",
        responses: { "201": ok("The map with its steps", journeyMapDetailWire) },
      },
    ],
  },
  "/api/journeys/themes": {
    get: [
      journeyThemes.GET,
      {
        operationId: "listLinkableThemes",
        summary: "Backlog themes a step can be linked to",
        tag: "Journeys",
        responses: { "200": ok("Themes", linkableThemesWire) },
      },
    ],
  },
  "/api/journeys/{id}": {
    get: [
      journey.GET,
      {
        operationId: "getJourneyMap",
        summary: "A map with its steps",
        tag: "Journeys",
        responses: { "200": ok("The map", journeyMapDetailWire) },
      },
    ],
    patch: [
      journey.PATCH,
      {
        operationId: "updateJourneyMap",
        summary: "Edit the map's details",
        tag: "Journeys",
        responses: { "200": ok("The map", z.object({ map: journeyMapWire })) },
      },
    ],
    delete: [
      journey.DELETE,
      {
        operationId: "deleteJourneyMap",
        summary: "Delete a map",
        tag: "Journeys",
        responses: { "200": done("Deleted") },
      },
    ],
  },
  "/api/journeys/{id}/duplicate": {
    post: [
      journeyDuplicate.POST,
      {
        operationId: "duplicateJourneyMap",
        summary: "Copy a map with its steps and theme links",
        tag: "Journeys",
        responses: { "201": ok("The copy's id", z.object({ id: z.uuid() })) },
      },
    ],
  },
  "/api/journeys/{id}/evidence": {
    get: [
      journeyEvidence.GET,
      {
        operationId: "getJourneyEvidence",
        summary: "Share, trend and quotes of the themes linked to the steps (under k: none)",
        tag: "Journeys",
        responses: { "200": ok("Evidence per linked theme", journeyEvidenceWire) },
      },
    ],
  },
  "/api/journeys/{id}/export": {
    get: [
      journeyExport.GET,
      {
        operationId: "exportJourneyMap",
        summary: "The map's steps as CSV",
        tag: "Journeys",
        responses: { "200": csv("CSV (UTF-8 with BOM)") },
      },
    ],
  },
  "/api/journeys/{id}/suggestions": {
    get: [
      journeySuggestions.GET,
      {
        operationId: "listLinkSuggestions",
        summary: "Themes whose terms overlap a step",
        tag: "Journeys",
        responses: { "200": ok("Suggested links", linkSuggestionsWire) },
      },
    ],
  },
  "/api/journeys/{id}/steps": {
    post: [
      journeySteps.POST,
      {
        operationId: "addJourneyStep",
        summary: "Add a step to the current or golden path",
        tag: "Journeys",
        responses: { "201": ok("The step", oneStep) },
      },
    ],
  },
  "/api/journeys/{id}/steps/order": {
    put: [
      journeyStepsOrder.PUT,
      {
        operationId: "reorderJourneySteps",
        summary: "Set the order of one path's steps",
        tag: "Journeys",
        responses: { "200": done("Reordered") },
      },
    ],
  },
  "/api/journeys/{id}/steps/{stepId}": {
    patch: [
      journeyStep.PATCH,
      {
        operationId: "updateJourneyStep",
        summary: "Edit a step",
        tag: "Journeys",
        responses: { "200": ok("The step", oneStep) },
      },
    ],
    delete: [
      journeyStep.DELETE,
      {
        operationId: "deleteJourneyStep",
        summary: "Delete a step",
        tag: "Journeys",
        responses: { "200": done("Deleted") },
      },
    ],
  },
  "/api/journeys/{id}/steps/{stepId}/themes": {
    post: [
      journeyStepThemes.POST,
      {
        operationId: "linkStepTheme",
        summary: "Link a backlog theme to a step, or dismiss a suggestion",
        tag: "Journeys",
        responses: { "201": ok("The link", stepThemeLinkWire) },
      },
    ],
  },
  "/api/journeys/{id}/steps/{stepId}/themes/{themeId}": {
    delete: [
      journeyStepTheme.DELETE,
      {
        operationId: "unlinkStepTheme",
        summary: "Unlink a theme from a step",
        tag: "Journeys",
        responses: { "200": done("Unlinked") },
      },
    ],
  },
  "/api/workflows": {
    get: [
      workflows.GET,
      {
        operationId: "listWorkflowTimings",
        summary: "Baseline workflow timings for a quarter",
        tag: "Journeys",
        responses: { "200": ok("Workflows with the quarter's measurements", workflowTimingsWire) },
      },
    ],
    post: [
      workflows.POST,
      {
        operationId: "createWorkflow",
        summary: "Add a workflow",
        tag: "Journeys",
        responses: { "201": ok("The workflow", oneWorkflow) },
        adds: [409],
      },
    ],
  },
  "/api/workflows/{id}": {
    patch: [
      workflow.PATCH,
      {
        operationId: "updateWorkflow",
        summary: "Rename or retarget a workflow",
        tag: "Journeys",
        responses: { "200": ok("The workflow", oneWorkflow) },
        adds: [409],
      },
    ],
    delete: [
      workflow.DELETE,
      {
        operationId: "deleteWorkflow",
        summary: "Remove an editor-added workflow",
        tag: "Journeys",
        responses: { "200": done("Deleted") },
        adds: [409],
      },
    ],
  },
  "/api/workflows/{id}/timings/{period}": {
    put: [
      workflowTiming.PUT,
      {
        operationId: "recordWorkflowTiming",
        summary: "Record up to three measurements for a quarter",
        tag: "Journeys",
        responses: { "200": ok("The quarter's measurements", workflowTimingWire) },
      },
    ],
  },
});
