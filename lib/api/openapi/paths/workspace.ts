// Operations of the workspace: friction-log links, teams, dimensions, settings and the audit log.
import { z } from "zod";
import * as audit from "@/app/api/audit/route";
import * as dimension from "@/app/api/dimensions/[id]/route";
import * as dimensions from "@/app/api/dimensions/route";
import * as frictionLinks from "@/app/api/friction/links/route";
import * as settings from "@/app/api/settings/route";
import * as team from "@/app/api/teams/[id]/route";
import * as teams from "@/app/api/teams/route";
import { auditPageWire } from "@/lib/audit/wire";
import { frictionLinksWire } from "@/lib/responses/wire";
import {
  customDimensionWire,
  dimensionListWire,
  teamListWire,
  teamWire,
  workspaceSettingsWire,
} from "@/lib/workspace/wire";
import { done, ok, type Paths } from "../operation";

const oneTeam = z.object({ team: teamWire });
const oneDimension = z.object({ dimension: customDimensionWire });
const theSettings = z.object({ settings: workspaceSettingsWire });

export const workspacePaths = (): Paths => ({
  "/api/friction/links": {
    get: [
      frictionLinks.GET,
      {
        operationId: "listFrictionLinks",
        summary: "Friction-log links with entry counts",
        tag: "Workspace",
        responses: { "200": ok("Links (tokens for editors only)", frictionLinksWire) },
      },
    ],
    post: [
      frictionLinks.POST,
      {
        operationId: "createFrictionLink",
        summary: "Get or create a friction-log link (workspace-wide or per team)",
        tag: "Workspace",
        body: "CreateFrictionLink",
        responses: { "201": ok("Every friction-log link", frictionLinksWire) },
      },
    ],
  },
  "/api/teams": {
    get: [
      teams.GET,
      {
        operationId: "listTeams",
        summary: "Teams with on-platform history",
        tag: "Workspace",
        responses: { "200": ok("Teams", teamListWire) },
      },
    ],
    post: [
      teams.POST,
      {
        operationId: "createTeam",
        summary: "Add a team",
        tag: "Workspace",
        body: "CreateTeam",
        responses: { "201": ok("The team", oneTeam) },
        adds: [409],
      },
    ],
  },
  "/api/teams/{id}": {
    patch: [
      team.PATCH,
      {
        operationId: "updateTeam",
        summary: "Rename, headcount, on-platform change from a quarter, archive",
        description:
          "An on-platform change that would move between 1 and k − 1 of the team's respondents in some survey to the other adoption group is refused (422): comparing the adoption results before and after would show their answers.",
        tag: "Workspace",
        body: "UpdateTeam",
        responses: { "200": ok("The team", oneTeam) },
        adds: [409],
      },
    ],
    delete: [
      team.DELETE,
      {
        operationId: "deleteTeam",
        summary: "Delete a team that has no answers (archive it otherwise)",
        tag: "Workspace",
        responses: { "200": done("Deleted") },
        adds: [409],
      },
    ],
  },
  "/api/audit": {
    get: [
      audit.GET,
      {
        operationId: "listAuditEntries",
        summary: "The audit log: curation, adoption, threshold and role edits, newest first (owner)",
        tag: "Workspace",
        responses: { "200": ok("One page of entries", auditPageWire) },
      },
    ],
  },
  "/api/dimensions": {
    get: [
      dimensions.GET,
      {
        operationId: "listDimensions",
        summary: "Built-in and custom dimensions",
        tag: "Workspace",
        responses: { "200": ok("Dimensions", dimensionListWire) },
      },
    ],
    post: [
      dimensions.POST,
      {
        operationId: "createDimension",
        summary: "Add a custom dimension",
        tag: "Workspace",
        body: "CreateDimension",
        responses: { "201": ok("The dimension", oneDimension) },
        adds: [409],
      },
    ],
  },
  "/api/dimensions/{id}": {
    patch: [
      dimension.PATCH,
      {
        operationId: "updateDimension",
        summary: "Rename a custom dimension (its key stays)",
        tag: "Workspace",
        body: "UpdateDimension",
        responses: { "200": ok("The dimension", oneDimension) },
        adds: [409],
      },
    ],
    delete: [
      dimension.DELETE,
      {
        operationId: "deleteDimension",
        summary: "Delete a custom dimension no question uses",
        tag: "Workspace",
        responses: { "200": done("Deleted") },
        adds: [409],
      },
    ],
  },
  "/api/settings": {
    get: [
      settings.GET,
      {
        operationId: "getSettings",
        summary: "Workspace settings",
        tag: "Workspace",
        responses: { "200": ok("The settings", theSettings) },
      },
    ],
    patch: [
      settings.PATCH,
      {
        operationId: "updateSettings",
        summary: "Change the name, the anonymity threshold k or the backlog cut-offs",
        tag: "Workspace",
        responses: { "200": ok("The settings", theSettings) },
      },
    ],
  },
});
