// Operations for closing the loop: targets on the dashboard's figures, action plans for backlog items, the
// roadmap, and backlog items planned from a golden-path step.
import * as targetItem from "@/app/api/targets/[id]/route";
import * as targetList from "@/app/api/targets/route";
import * as targetOptions from "@/app/api/targets/options/route";
import * as roadmap from "@/app/api/backlog/roadmap/route";
import * as itemPlan from "@/app/api/backlog/items/[id]/plan/route";
import * as stepBacklogItem from "@/app/api/journeys/[id]/steps/[stepId]/backlog-item/route";
import {
  deletedTargetWire,
  measureOptionsWire,
  oneTargetWire,
  planWire,
  roadmapWire,
  stepBacklogItemWire,
  targetListWire,
} from "@/lib/targets/wire";
import { ok, type Paths } from "../operation";

export const targetPaths = (): Paths => ({
  "/api/targets": {
    get: [
      targetList.GET,
      {
        operationId: "listTargets",
        summary: "Every target with its status against the latest closed quarter",
        description:
          "A change since the baseline that lies inside the current 95% interval is not counted as progress. A target on a figure the dashboards hide (a team under k) gives no value, baseline or status.",
        tag: "Analytics",
        responses: { "200": ok("Targets, by due quarter", targetListWire) },
      },
    ],
    post: [
      targetList.POST,
      {
        operationId: "createTarget",
        summary: "Set a target; its baseline is the latest closed quarter's value",
        tag: "Analytics",
        responses: { "201": ok("The target, read at once", oneTargetWire) },
      },
    ],
  },
  "/api/targets/options": {
    get: [
      targetOptions.GET,
      {
        operationId: "listMeasureOptions",
        summary: "What a target or an action plan can be measured by (names only)",
        tag: "Analytics",
        responses: {
          "200": ok("Dimensions, questions, journey steps, workflows, DORA keys and teams", measureOptionsWire),
        },
      },
    ],
  },
  "/api/targets/{id}": {
    patch: [
      targetItem.PATCH,
      {
        operationId: "updateTarget",
        summary: "Change a target's goal, due quarter or note",
        tag: "Analytics",
        responses: { "200": ok("The target", oneTargetWire) },
      },
    ],
    delete: [
      targetItem.DELETE,
      {
        operationId: "deleteTarget",
        summary: "Remove a target",
        tag: "Analytics",
        responses: { "200": ok("The removed target's id", deletedTargetWire) },
      },
    ],
  },
  "/api/backlog/roadmap": {
    get: [
      roadmap.GET,
      {
        operationId: "getRoadmap",
        summary: "Planned backlog items grouped by target quarter",
        description:
          "Once an item's target quarter has passed, its success measure before and after (with 95% intervals where the measure has one), from the dashboards' own queries.",
        tag: "Backlog",
        responses: { "200": ok("Quarters in order with their items", roadmapWire) },
      },
    ],
  },
  "/api/backlog/items/{id}/plan": {
    get: [
      itemPlan.GET,
      {
        operationId: "getBacklogItemPlan",
        summary: "A backlog item's action plan (null when it has none)",
        tag: "Backlog",
        responses: { "200": ok("The plan", planWire) },
      },
    ],
    put: [
      itemPlan.PUT,
      {
        operationId: "saveBacklogItemPlan",
        summary: "Set a backlog item's target quarter, owner and success measure",
        tag: "Backlog",
        responses: { "200": ok("The plan", planWire) },
      },
    ],
    delete: [
      itemPlan.DELETE,
      {
        operationId: "deleteBacklogItemPlan",
        summary: "Take a backlog item off the roadmap",
        tag: "Backlog",
        responses: { "200": ok("No plan", planWire) },
      },
    ],
  },
  "/api/journeys/{id}/steps/{stepId}/backlog-item": {
    post: [
      stepBacklogItem.POST,
      {
        operationId: "createStepBacklogItem",
        summary: "Create a backlog item for the work a golden-path step needs, with an effort estimate",
        description:
          "The item is linked to the step as evidence and, with a target quarter, put on the roadmap measured by the journey's workflow timing.",
        tag: "Journeys",
        responses: { "201": ok("The new item's id and plan", stepBacklogItemWire) },
      },
    ],
  },
});
