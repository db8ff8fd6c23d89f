// Operations of the backlog: building it from free text, reading it and curating its themes.
import { z } from "zod";
import * as backlogAnalysis from "@/app/api/backlog/analysis/route";
import * as backlogBuild from "@/app/api/backlog/build/route";
import * as backlogDashboard from "@/app/api/backlog/dashboard/route";
import * as backlogExport from "@/app/api/backlog/export/route";
import * as backlogItemCarry from "@/app/api/backlog/items/[id]/carry/route";
import * as backlogItemMerge from "@/app/api/backlog/items/[id]/merge/route";
import * as backlogItemMove from "@/app/api/backlog/items/[id]/move/route";
import * as backlogItem from "@/app/api/backlog/items/[id]/route";
import * as backlog from "@/app/api/backlog/route";
import * as backlogScopes from "@/app/api/backlog/scopes/route";
import * as backlogThresholds from "@/app/api/backlog/thresholds/route";
import * as subThemePromote from "@/app/api/backlog/sub-themes/[id]/promote/route";
import * as subTheme from "@/app/api/backlog/sub-themes/[id]/route";
import {
  backlogItemDetailWire,
  backlogItemRowWire,
  backlogAnalysisRequestWire,
  backlogAnalysisWire,
  backlogScopeOptionsWire,
  backlogViewWire,
  dashboardBacklogWire,
  movedMembersWire,
  subThemeRenameWire,
  thresholdsWire,
} from "@/lib/backlog/wire";
import { csv, ok, type Paths } from "../operation";

const oneItem = z.object({ item: backlogItemRowWire });

export const backlogPaths = (): Paths => ({
  "/api/backlog": {
    get: [
      backlog.GET,
      {
        operationId: "getBacklog",
        summary: "The ranked backlog of one scope",
        tag: "Backlog",
        responses: { "200": ok("Themes ranked by impact × frequency", backlogViewWire) },
      },
    ],
  },
  "/api/backlog/scopes": {
    get: [
      backlogScopes.GET,
      {
        operationId: "listBacklogScopes",
        summary: "Scopes that can be analysed, and those already analysed",
        tag: "Backlog",
        responses: { "200": ok("Scopes", backlogScopeOptionsWire) },
      },
    ],
  },
  "/api/backlog/build": {
    post: [
      backlogBuild.POST,
      {
        operationId: "buildBacklog",
        summary: "Queue an analysis of a scope's free text (or join the one queued or running)",
        description:
          "The analysis runs as a background job: it clusters the scope's answers and reconciles the themes with the curated backlog. Poll GET /api/backlog/analysis for its stage, percent and result.",
        tag: "Backlog",
        responses: { "200": ok("The queued or running analysis", backlogAnalysisRequestWire) },
        adds: [404],
      },
    ],
  },
  "/api/backlog/dashboard": {
    get: [
      backlogDashboard.GET,
      {
        operationId: "getDashboardBacklog",
        summary: "The backlog the dashboard's top items come from",
        description:
          "An editor's pick, else the widest range of quarters analysed; analysing another scope does not change it.",
        tag: "Backlog",
        responses: { "200": ok("The scope and when it was analysed", dashboardBacklogWire) },
      },
    ],
    put: [
      backlogDashboard.PUT,
      {
        operationId: "setDashboardBacklog",
        summary: "Pick the backlog the dashboard shows (an analysed scope)",
        tag: "Backlog",
        responses: { "200": ok("The dashboard's backlog", dashboardBacklogWire) },
      },
    ],
  },
  "/api/backlog/items/{id}/carry": {
    delete: [
      backlogItemCarry.DELETE,
      {
        operationId: "undoBacklogCarry",
        summary: "Undo curation carried from another analysis",
        description:
          "The theme and its sub-themes go back to their generated names, with no status, owner, effort or notes; a carried merge is undone, and the earlier theme is not carried into this scope again.",
        tag: "Backlog",
        responses: { "200": ok("The theme, uncurated", oneItem) },
        adds: [409],
      },
    ],
  },
  "/api/backlog/analysis": {
    get: [
      backlogAnalysis.GET,
      {
        operationId: "getBacklogAnalysis",
        summary: "The scope's latest analysis: queued, running (stage and percent), failed or done (what it found)",
        tag: "Backlog",
        responses: { "200": ok("The latest analysis, or null", backlogAnalysisWire) },
      },
    ],
  },
  "/api/backlog/export": {
    get: [
      backlogExport.GET,
      {
        operationId: "exportBacklog",
        summary: "The ranked backlog as CSV",
        tag: "Backlog",
        responses: { "200": csv("CSV (UTF-8 with BOM)") },
        adds: [404],
      },
    ],
  },
  "/api/backlog/thresholds": {
    patch: [
      backlogThresholds.PATCH,
      {
        operationId: "updateBacklogThresholds",
        summary: "Change the quadrant cut-offs",
        tag: "Backlog",
        responses: { "200": ok("The cut-offs", thresholdsWire) },
      },
    ],
  },
  "/api/backlog/items/{id}": {
    get: [
      backlogItem.GET,
      {
        operationId: "getBacklogItem",
        summary: "One theme with quotes and team reach (under k: none)",
        tag: "Backlog",
        responses: { "200": ok("The theme", backlogItemDetailWire) },
      },
    ],
    patch: [
      backlogItem.PATCH,
      {
        operationId: "updateBacklogItem",
        summary: "Rename, effort, status, owner, notes",
        tag: "Backlog",
        responses: { "200": ok("The theme", oneItem) },
        adds: [409],
      },
    ],
  },
  "/api/backlog/items/{id}/merge": {
    post: [
      backlogItemMerge.POST,
      {
        operationId: "mergeBacklogItem",
        summary: "Merge this theme into another",
        tag: "Backlog",
        responses: { "200": ok("The theme merged into", z.object({ target: backlogItemRowWire })) },
        adds: [409],
      },
    ],
    delete: [
      backlogItemMerge.DELETE,
      {
        operationId: "unmergeBacklogItem",
        summary: "Undo a merge",
        tag: "Backlog",
        responses: { "200": ok("The theme, on its own again", oneItem) },
        adds: [409],
      },
    ],
  },
  "/api/backlog/items/{id}/move": {
    post: [
      backlogItemMove.POST,
      {
        operationId: "moveBacklogQuotes",
        summary: "Move quotes (by their public ids) to another theme, or split them into a new one",
        description: "Published theme figures follow the move only once a theme's respondents changed by at least k.",
        tag: "Backlog",
        body: "MoveMembers",
        responses: {
          "200": ok("Moved", movedMembersWire),
          "201": ok("Split into a new theme", movedMembersWire),
        },
        adds: [409],
      },
    ],
  },
  "/api/backlog/sub-themes/{id}": {
    patch: [
      subTheme.PATCH,
      {
        operationId: "renameBacklogSubTheme",
        summary: "Rename a sub-theme (an empty name goes back to the generated one)",
        description: "The name is kept when a later analysis finds the same sub-theme (by shared answers).",
        tag: "Backlog",
        responses: { "200": ok("The sub-theme", subThemeRenameWire) },
      },
    ],
  },
  "/api/backlog/sub-themes/{id}/promote": {
    post: [
      subThemePromote.POST,
      {
        operationId: "promoteBacklogSubTheme",
        summary: "Promote a sub-theme to a backlog item of its own (a split of its theme)",
        description:
          "Its answers still in the theme move to a new theme named after it and stay pinned there; published figures follow the release rule, as for any split.",
        tag: "Backlog",
        responses: { "201": ok("The new theme", movedMembersWire) },
        adds: [409],
      },
    ],
  },
});
