// Operations of the public respondent endpoints and the system ones (health, first run, this document).
import { z } from "zod";
import * as friction from "@/app/api/friction/[token]/route";
import * as health from "@/app/api/health/route";
import * as setup from "@/app/api/setup/route";
import * as timeTravel from "@/app/api/testing/time-travel/route";
import surveyLink from "@/pages/api/s/[token]";
import { oneUserWire } from "@/lib/auth/wire";
import { frictionStoredWire, respondentSurveyWire, submissionStoredWire } from "@/lib/responses/wire";
import { ok, type Paths } from "../operation";
import { documentHandler, node } from "./handlers";

const healthWire = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.union([
    z.object({ ok: z.literal(true), engine: z.string().meta({ examples: ["pglite", "postgres"] }) }),
    z.object({ ok: z.literal(false) }),
  ]),
});

/** Any OpenAPI 3.1 document; this one. */
const documentWire = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) });

export const systemPaths = (): Paths => ({
  "/api/s/{token}": {
    get: [
      node(surveyLink, "GET"),
      {
        operationId: "getRespondentSurvey",
        summary: "The survey and active questions behind a link",
        tag: "Respond",
        description: "403 when the link's team answers by personal invitation only (its shared link is off).",
        responses: { "200": ok("Survey with questions", respondentSurveyWire) },
        adds: [403],
      },
    ],
    post: [
      node(surveyLink, "POST"),
      {
        operationId: "submitResponse",
        summary: "Submit one anonymous response",
        description:
          "Validated against the survey's own questions and stored as one response in one transaction. Retrying with the same idempotencyKey stores it once (200 with duplicate: true). Rate-limited per link and client address; the body is capped at 64 KB. 403 when the link's team answers by personal invitation only: nothing is stored.",
        tag: "Respond",
        body: "Submission",
        responses: {
          "201": ok("Stored", submissionStoredWire),
          "200": ok("Already stored with this idempotency key", submissionStoredWire),
        },
        adds: [403, 409, 410, 429],
      },
    ],
  },
  "/api/friction/{token}": {
    post: [
      friction.POST,
      {
        operationId: "reportFriction",
        summary: "Report one sentence of friction",
        tag: "Respond",
        body: "FrictionEntry",
        responses: {
          "201": ok("Stored", frictionStoredWire),
          "200": ok("Already stored under this idempotency key (a retry)", frictionStoredWire),
        },
        adds: [429],
      },
    ],
  },
  "/api/testing/time-travel": {
    post: [
      timeTravel.POST,
      {
        operationId: "letTimePass",
        summary: "Test-only: a survey's scheduled work moves the given days earlier, as if that time had passed",
        description:
          "Answers 404 unless the server runs with TIME_TRAVEL set (the end-to-end tests do; production never should). The survey's waiting jobs and the send times of its waiting messages move together; its dates and other surveys' work stay.",
        tag: "System",
        responses: {
          "200": ok(
            "How many jobs and messages moved",
            z.object({ jobs: z.number().int(), messages: z.number().int() }),
          ),
        },
        adds: [404],
      },
    ],
  },
  "/api/health": {
    get: [
      health.GET,
      {
        operationId: "getHealth",
        summary: "Liveness and database reachability",
        tag: "System",
        responses: { "200": ok("Up", healthWire), "503": ok("The database cannot be reached", healthWire) },
      },
    ],
  },
  "/api/openapi.json": {
    get: [
      documentHandler,
      {
        operationId: "getOpenApiDocument",
        summary: "This document",
        tag: "System",
        responses: { "200": ok("The OpenAPI 3.1 document", documentWire) },
        database: false,
      },
    ],
  },
  "/api/setup": {
    post: [
      setup.POST,
      {
        operationId: "setUpOwner",
        summary: "First run: create the owner account (refused once anyone exists)",
        tag: "System",
        responses: { "201": ok("The owner", oneUserWire) },
        adds: [409],
      },
    ],
  },
});
