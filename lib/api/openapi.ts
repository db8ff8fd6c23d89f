import { z } from "zod";
import {
  changePasswordSchema,
  createUserSchema,
  resetPasswordSchema,
  signInSchema,
  updateUserSchema,
} from "@/lib/auth/schemas";
import { moveMembersSchema } from "@/lib/backlog/schemas";
import * as analyticsAdoption from "@/app/api/analytics/adoption/route";
import * as analyticsDimensions from "@/app/api/analytics/dimensions/route";
import * as analyticsDora from "@/app/api/analytics/dora/route";
import * as analyticsExportTable from "@/app/api/analytics/export/[table]/route";
import * as analyticsMeta from "@/app/api/analytics/meta/route";
import * as analyticsNps from "@/app/api/analytics/nps/route";
import * as analyticsResponseRates from "@/app/api/analytics/response-rates/route";
import * as analyticsSurveyComments from "@/app/api/analytics/surveys/[surveyId]/comments/route";
import * as analyticsSurvey from "@/app/api/analytics/surveys/[surveyId]/route";
import * as analyticsTeams from "@/app/api/analytics/teams/route";
import * as backlogBuild from "@/app/api/backlog/build/route";
import * as backlogExport from "@/app/api/backlog/export/route";
import * as backlogItemMerge from "@/app/api/backlog/items/[id]/merge/route";
import * as backlogItemMove from "@/app/api/backlog/items/[id]/move/route";
import * as backlogItem from "@/app/api/backlog/items/[id]/route";
import * as backlog from "@/app/api/backlog/route";
import * as backlogScopes from "@/app/api/backlog/scopes/route";
import * as backlogThresholds from "@/app/api/backlog/thresholds/route";
import * as dimension from "@/app/api/dimensions/[id]/route";
import * as dimensions from "@/app/api/dimensions/route";
import * as friction from "@/app/api/friction/[token]/route";
import * as frictionLinks from "@/app/api/friction/links/route";
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
import * as settings from "@/app/api/settings/route";
import * as accountPassword from "@/app/api/account/password/route";
import * as audit from "@/app/api/audit/route";
import * as passwordReset from "@/app/api/password-reset/route";
import * as userResetLink from "@/app/api/users/[id]/reset-link/route";
import * as setup from "@/app/api/setup/route";
import * as surveyLinkQr from "@/app/api/surveys/[id]/links/[linkId]/qr/route";
import * as surveyLinks from "@/app/api/surveys/[id]/links/route";
import * as surveyQuestion from "@/app/api/surveys/[id]/questions/[questionId]/route";
import * as surveyQuestionsOrder from "@/app/api/surveys/[id]/questions/order/route";
import * as surveyQuestions from "@/app/api/surveys/[id]/questions/route";
import * as survey from "@/app/api/surveys/[id]/route";
import * as surveyStatus from "@/app/api/surveys/[id]/status/route";
import * as surveys from "@/app/api/surveys/route";
import * as team from "@/app/api/teams/[id]/route";
import * as teams from "@/app/api/teams/route";
import * as user from "@/app/api/users/[id]/route";
import * as users from "@/app/api/users/route";
import * as workflow from "@/app/api/workflows/[id]/route";
import * as workflowTiming from "@/app/api/workflows/[id]/timings/[period]/route";
import * as workflows from "@/app/api/workflows/route";
import surveyLink from "@/pages/api/s/[token]";
import type { NodeMethod, NodeRouteHandler } from "@/lib/api/node-route";
import type { RouteConfig, RouteHandler } from "@/lib/api/route";
import { createFrictionLinkSchema, frictionSchema, submissionEnvelopeSchema } from "@/lib/responses/submission-schema";
import {
  changeStatusSchema,
  createLinksSchema,
  createSurveySchema,
  questionFieldsSchema,
  reorderQuestionsSchema,
  updateQuestionSchema,
  updateSurveySchema,
} from "@/lib/surveys/schemas";
import {
  createDimensionSchema,
  createTeamSchema,
  updateDimensionSchema,
  updateTeamSchema,
} from "@/lib/workspace/schemas";

// The OpenAPI 3.1 description of the HTTP API, built from the route handlers themselves: each
// operation's security, parameters, request body and error statuses come from what its route()
// parses and who may call it (lib/api/route.ts keeps that on the handler), so the document cannot
// drift from what the server accepts and answers. Only summaries and the statuses a handler's own
// logic adds (409, 410, 429…) are written here. openapi.test.ts fails when a route is undocumented.

const toSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return json;
};

const answerValue = {
  description:
    'Likert: integer 1–5 · NPS: integer 0–10 · single choice: an option id · multiple choice: a list of option ids · free text: a string within the question\'s limit. null or "" skips an optional question.',
  oneOf: [{ type: "integer" }, { type: "string" }, { type: "array", items: { type: "string" } }, { type: "null" }],
};

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["validation", "not_found", "gone", "rate_limited"] },
        message: { type: "string" },
        fieldErrors: {
          type: "object",
          additionalProperties: { type: "array", items: { type: "string" } },
          examples: [{ "answers.3.value": ["Pick a whole number from 1 to 5"] }],
        },
      },
    },
  },
};

const errorRef = { $ref: "#/components/schemas/Error" };
const errorDescriptions: Record<number, string> = {
  400: "Malformed JSON or wrong content type",
  401: "Not signed in",
  403: "Role not allowed, or a cross-site request (see the session scheme)",
  404: "Unknown link or resource",
  409: "Not allowed in the current state (e.g. the survey is published)",
  410: "The survey is closed",
  413: "Body too large; the connection is closed",
  422: "Validation failed; fieldErrors name each field",
  429: "Rate limited; see Retry-After",
  503: "Database unavailable; nothing was stored. See Retry-After",
};
const errors = (codes: Iterable<number>) =>
  Object.fromEntries(
    [...new Set(codes)]
      .sort((a, b) => a - b)
      .map((c) => [
        String(c),
        { description: errorDescriptions[c] ?? "Error", content: { "application/json": { schema: errorRef } } },
      ]),
  );

const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const csv = (description: string) => ({ description, content: { "text/csv": { schema: { type: "string" } } } });

type Method = "get" | "post" | "put" | "patch" | "delete";
/** A route()'s handler, a Pages Router method, or a plain public handler (health, this document). */
type Documented = RouteHandler | NodeMethod | { access: "public"; config?: undefined };
type Operation = {
  summary: string;
  tag: "Respond" | "Authoring" | "Workspace" | "Access" | "Analytics" | "Backlog" | "Journeys" | "System";
  description?: string;
  /** A named request body in components.schemas, instead of the one derived from the route's schema. */
  body?: string;
  /** A named form body (application/x-www-form-urlencoded), for handlers that read a form. */
  form?: string;
  /** Success responses; `{ "200": ok("…") }` when left out. */
  success?: Record<string, unknown>;
  /** Statuses the handler's own logic adds to those its route() answers for. */
  adds?: number[];
  /** False for the few operations that never touch the database (so never answer 503). */
  database?: false;
};

const STATE_CHANGING = new Set<Method>(["post", "put", "patch", "delete"]);

function configOf(handler: Documented): Partial<RouteConfig> {
  return ("config" in handler && handler.config) || {};
}

const toSchemaProperties = (schema: z.ZodType | undefined) => {
  if (!schema) return { properties: {} as Record<string, unknown>, required: [] as string[] };
  const json = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return { properties: json.properties ?? {}, required: json.required ?? [] };
};

/** The operation as the route answers it: who may call it, what it parses, and so which errors. */
function operation(path: string, method: Method, handler: Documented, op: Operation) {
  const config = configOf(handler);
  const access = handler.access;
  const statuses = [...(op.database === false ? [] : [503]), ...(op.adds ?? [])];
  if (access !== "public") {
    statuses.push(401);
    if (access !== "viewer" || STATE_CHANGING.has(method)) statuses.push(403);
  }
  const pathParams = toSchemaProperties(config.params);
  const parameters: Record<string, unknown>[] = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: pathParams.properties[name] ?? { type: "string" },
  }));
  if (config.params) statuses.push(404);
  if (config.query) {
    const query = toSchemaProperties(config.query);
    for (const [name, schema] of Object.entries(query.properties))
      parameters.push({ name, in: "query", required: query.required.includes(name), schema });
    statuses.push(422);
  }
  let requestBody: unknown;
  if (op.form)
    requestBody = {
      required: true,
      content: { "application/x-www-form-urlencoded": { schema: { $ref: `#/components/schemas/${op.form}` } } },
    };
  if (config.body || op.body) {
    const schema = op.body ? { $ref: `#/components/schemas/${op.body}` } : toSchema(config.body!);
    requestBody = { required: true, content: { "application/json": { schema } } };
    statuses.push(400, 413, 422);
  }
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: access === "public" ? [] : [{ session: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: { ...(op.success ?? { "200": ok("OK") }), ...errors(statuses) },
  };
}

const publicHandler = { access: "public" as const };
const node = (handler: NodeRouteHandler, method: "GET" | "POST") => handler.methods[method]!;

/** Every API route and method (next-auth's own /api/auth/* aside). */
function operations(): Record<string, Partial<Record<Method, [Documented, Operation]>>> {
  return {
    "/api/s/{token}": {
      get: [
        node(surveyLink, "GET"),
        {
          summary: "The survey and active questions behind a link",
          tag: "Respond",
          success: { "200": ok("Survey with questions") },
        },
      ],
      post: [
        node(surveyLink, "POST"),
        {
          summary: "Submit one anonymous response",
          description:
            "Validated against the survey's own questions and stored as one response in one transaction. Retrying with the same idempotencyKey stores it once (200 with duplicate: true). Rate-limited per link and client address; the body is capped at 64 KB.",
          tag: "Respond",
          body: "Submission",
          success: { "201": ok("Stored"), "200": ok("Already stored with this idempotency key") },
          adds: [409, 410, 429],
        },
      ],
    },
    "/api/friction/{token}": {
      post: [
        friction.POST,
        {
          summary: "Report one sentence of friction",
          tag: "Respond",
          body: "FrictionEntry",
          success: { "201": ok("Stored"), "200": ok("Already stored under this idempotency key (a retry)") },
          adds: [429],
        },
      ],
    },
    "/api/health": {
      get: [
        publicHandler,
        {
          summary: "Liveness and database reachability",
          tag: "System",
          success: { "200": ok("Up; 503 when the database is unreachable") },
        },
      ],
    },
    "/api/openapi.json": { get: [publicHandler, { summary: "This document", tag: "System", database: false }] },
    "/api/setup": {
      post: [
        setup.POST,
        {
          summary: "First run: create the owner account (refused once anyone exists)",
          tag: "System",
          success: { "201": ok("The owner") },
          adds: [409],
        },
      ],
    },

    "/api/surveys": {
      get: [surveys.GET, { summary: "List surveys with question and response counts", tag: "Authoring" }],
      post: [
        surveys.POST,
        {
          summary: "Create a draft from a template or by copying an earlier survey (question keys are kept)",
          tag: "Authoring",
          body: "CreateSurvey",
          success: { "201": ok("The new draft") },
          adds: [404],
        },
      ],
    },
    "/api/surveys/{id}": {
      get: [survey.GET, { summary: "A survey with all its questions", tag: "Authoring" }],
      patch: [
        survey.PATCH,
        { summary: "Change title, intro, quarter or open/close dates", tag: "Authoring", body: "UpdateSurvey" },
      ],
      delete: [survey.DELETE, { summary: "Delete a draft that has no responses", tag: "Authoring", adds: [409] }],
    },
    "/api/surveys/{id}/status": {
      post: [
        surveyStatus.POST,
        {
          summary: "Publish (draft→open), close (open→closed) or reopen (closed→open)",
          tag: "Authoring",
          body: "ChangeStatus",
          adds: [409],
        },
      ],
    },
    "/api/surveys/{id}/questions": {
      post: [
        surveyQuestions.POST,
        {
          summary: "Add a question to a draft",
          tag: "Authoring",
          body: "Question",
          success: { "201": ok("Question") },
          adds: [409],
        },
      ],
    },
    "/api/surveys/{id}/questions/{questionId}": {
      patch: [
        surveyQuestion.PATCH,
        {
          summary: "Edit or archive a question; a kept key's kind cannot change and rewording is recorded",
          tag: "Authoring",
          body: "UpdateQuestion",
          adds: [409],
        },
      ],
      delete: [
        surveyQuestion.DELETE,
        {
          summary: "Delete a question from a draft without responses (archive otherwise)",
          tag: "Authoring",
          adds: [409],
        },
      ],
    },
    "/api/surveys/{id}/questions/order": {
      put: [
        surveyQuestionsOrder.PUT,
        { summary: "Reorder a draft's questions", tag: "Authoring", body: "ReorderQuestions", adds: [409] },
      ],
    },
    "/api/surveys/{id}/links": {
      get: [surveyLinks.GET, { summary: "Links with response counts and per-team response rates", tag: "Authoring" }],
      post: [
        surveyLinks.POST,
        {
          summary: "Add per-team links (all active teams by default)",
          tag: "Authoring",
          body: "CreateLinks",
          success: { "201": ok("Links") },
        },
      ],
    },
    "/api/surveys/{id}/links/{linkId}/qr": {
      get: [
        surveyLinkQr.GET,
        {
          summary: "The link as an SVG QR code",
          tag: "Authoring",
          success: { "200": { description: "SVG", content: { "image/svg+xml": {} } } },
        },
      ],
    },

    "/api/friction/links": {
      get: [frictionLinks.GET, { summary: "Friction-log links with entry counts", tag: "Workspace" }],
      post: [
        frictionLinks.POST,
        {
          summary: "Get or create a friction-log link (workspace-wide or per team)",
          tag: "Workspace",
          body: "CreateFrictionLink",
          success: { "201": ok("Links") },
          adds: [404],
        },
      ],
    },
    "/api/teams": {
      get: [teams.GET, { summary: "Teams with on-platform history", tag: "Workspace" }],
      post: [
        teams.POST,
        { summary: "Add a team", tag: "Workspace", body: "CreateTeam", success: { "201": ok("Team") }, adds: [409] },
      ],
    },
    "/api/teams/{id}": {
      patch: [
        team.PATCH,
        {
          summary: "Rename, headcount, on-platform change from a quarter, archive",
          description:
            "An on-platform change that would move between 1 and k − 1 of the team's respondents in some survey to the other adoption group is refused (422): comparing the adoption results before and after would show their answers.",
          tag: "Workspace",
          body: "UpdateTeam",
          adds: [409],
        },
      ],
      delete: [
        team.DELETE,
        { summary: "Delete a team that has no answers (archive it otherwise)", tag: "Workspace", adds: [409] },
      ],
    },
    "/api/audit": {
      get: [
        audit.GET,
        {
          summary: "The audit log: curation, adoption, threshold and role edits, newest first (owner)",
          tag: "Workspace",
        },
      ],
    },
    "/api/dimensions": {
      get: [dimensions.GET, { summary: "Built-in and custom dimensions", tag: "Workspace" }],
      post: [
        dimensions.POST,
        {
          summary: "Add a custom dimension",
          tag: "Workspace",
          body: "CreateDimension",
          success: { "201": ok("Dimension") },
          adds: [409],
        },
      ],
    },
    "/api/dimensions/{id}": {
      patch: [
        dimension.PATCH,
        {
          summary: "Rename a custom dimension (its key stays)",
          tag: "Workspace",
          body: "UpdateDimension",
          adds: [409],
        },
      ],
      delete: [
        dimension.DELETE,
        { summary: "Delete a custom dimension no question uses", tag: "Workspace", adds: [409] },
      ],
    },
    "/api/settings": {
      get: [settings.GET, { summary: "Workspace settings", tag: "Workspace" }],
      patch: [
        settings.PATCH,
        { summary: "Change the name, the anonymity threshold k or the backlog cut-offs", tag: "Workspace" },
      ],
    },
    "/api/sign-in": {
      post: [
        publicHandler,
        {
          summary: "Sign in with email and password (the sign-in page's plain HTML form)",
          description:
            "Sets the session cookie and answers 303 to callbackUrl, which must be a path on this site (anything else goes to /dashboard). A refusal answers 303 to /sign-in?error=CredentialsSignin | TooManyAttempts | AccountDeactivated. Throttled per account and per client address.",
          tag: "Access",
          form: "SignInForm",
          success: { "303": { description: "Signed in (Set-Cookie) or refused; see Location" } },
          adds: [400, 403, 413],
        },
      ],
    },
    "/api/account/password": {
      post: [
        accountPassword.POST,
        {
          summary: "Change your own password",
          description:
            "Needs the current password. Ends every other session of the account; the response sets a renewed cookie for this one.",
          tag: "Access",
          body: "ChangePassword",
          adds: [409, 429],
        },
      ],
    },
    "/api/password-reset": {
      post: [
        passwordReset.POST,
        {
          summary: "Set a new password through a one-time reset link",
          description:
            "The token from /reset-password/{token}. Works once, within 24 hours; ends every session of the account.",
          tag: "Access",
          body: "ResetPassword",
          adds: [410],
        },
      ],
    },
    "/api/users": {
      get: [users.GET, { summary: "People with their role and whether they are active (owner only)", tag: "Access" }],
      post: [
        users.POST,
        {
          summary: "Add a person (owner only)",
          tag: "Access",
          body: "CreateUser",
          success: { "201": ok("The person") },
          adds: [409],
        },
      ],
    },
    "/api/users/{id}": {
      patch: [
        user.PATCH,
        {
          summary: "Change a person's role, or deactivate (active: false) or reactivate them (owner only)",
          description:
            "Deactivation ends the person's sessions at once. The last active owner can be neither demoted nor deactivated (409).",
          tag: "Access",
          body: "UpdateUser",
          adds: [409],
        },
      ],
      delete: [
        user.DELETE,
        {
          summary: "Remove a person (owner only; never yourself or the last active owner)",
          tag: "Access",
          adds: [409],
        },
      ],
    },
    "/api/users/{id}/reset-link": {
      post: [
        userResetLink.POST,
        {
          summary: "Issue a one-time password reset link for a person (owner only)",
          description:
            "Returns the link's path once; only a hash is stored. Valid 24 hours, single use; a newer link cancels the older one.",
          tag: "Access",
          success: { "201": ok("{ path, expiresAt }") },
          adds: [409],
        },
      ],
    },

    "/api/analytics/meta": {
      get: [
        analyticsMeta.GET,
        { summary: "Quarters with responses, teams and the anonymity threshold k", tag: "Analytics" },
      ],
    },
    "/api/analytics/nps": {
      get: [analyticsNps.GET, { summary: "NPS per quarter with 95% intervals and changes", tag: "Analytics" }],
    },
    "/api/analytics/dimensions": {
      get: [analyticsDimensions.GET, { summary: "Per-dimension scores per quarter", tag: "Analytics" }],
    },
    "/api/analytics/teams": {
      get: [analyticsTeams.GET, { summary: "One quarter team by team (groups under k hidden)", tag: "Analytics" }],
    },
    "/api/analytics/adoption": {
      get: [analyticsAdoption.GET, { summary: "On-platform vs off-platform scores per quarter", tag: "Analytics" }],
    },
    "/api/analytics/dora": {
      get: [analyticsDora.GET, { summary: "DORA bands per team and adoption group", tag: "Analytics" }],
    },
    "/api/analytics/response-rates": {
      get: [
        analyticsResponseRates.GET,
        { summary: "Responses and response rates per survey and team", tag: "Analytics" },
      ],
    },
    "/api/analytics/surveys/{surveyId}": {
      get: [analyticsSurvey.GET, { summary: "Each question's answer distribution", tag: "Analytics" }],
    },
    "/api/analytics/surveys/{surveyId}/comments": {
      get: [
        analyticsSurveyComments.GET,
        { summary: "Free-text answers of one question, searchable, hidden under k", tag: "Analytics" },
      ],
    },
    "/api/analytics/export/{table}": {
      get: [
        analyticsExportTable.GET,
        {
          summary: "A trend table as CSV, with the same filters and suppression",
          tag: "Analytics",
          success: { "200": csv("CSV (UTF-8 with BOM)") },
        },
      ],
    },

    "/api/backlog": { get: [backlog.GET, { summary: "The ranked backlog of one scope", tag: "Backlog" }] },
    "/api/backlog/scopes": {
      get: [backlogScopes.GET, { summary: "Scopes that can be analysed, and those already analysed", tag: "Backlog" }],
    },
    "/api/backlog/build": {
      post: [
        backlogBuild.POST,
        {
          summary: "Cluster a scope's free text and reconcile it with the curated backlog",
          tag: "Backlog",
          adds: [404],
        },
      ],
    },
    "/api/backlog/export": {
      get: [
        backlogExport.GET,
        {
          summary: "The ranked backlog as CSV",
          tag: "Backlog",
          success: { "200": csv("CSV (UTF-8 with BOM)") },
          adds: [404],
        },
      ],
    },
    "/api/backlog/thresholds": {
      patch: [backlogThresholds.PATCH, { summary: "Change the quadrant cut-offs", tag: "Backlog" }],
    },
    "/api/backlog/items/{id}": {
      get: [backlogItem.GET, { summary: "One theme with quotes and team reach (under k: none)", tag: "Backlog" }],
      patch: [backlogItem.PATCH, { summary: "Rename, effort, status, owner, notes", tag: "Backlog", adds: [409] }],
    },
    "/api/backlog/items/{id}/merge": {
      post: [backlogItemMerge.POST, { summary: "Merge this theme into another", tag: "Backlog", adds: [409] }],
      delete: [backlogItemMerge.DELETE, { summary: "Undo a merge", tag: "Backlog", adds: [409] }],
    },
    "/api/backlog/items/{id}/move": {
      post: [
        backlogItemMove.POST,
        {
          summary: "Move quotes (by their public ids) to another theme, or split them into a new one",
          description: "Published theme figures follow the move only once a theme's respondents changed by at least k.",
          tag: "Backlog",
          body: "MoveMembers",
          success: { "200": ok("Moved"), "201": ok("Split into a new theme") },
          adds: [409],
        },
      ],
    },

    "/api/journeys": {
      get: [journeys.GET, { summary: "Journey maps", tag: "Journeys" }],
      post: [
        journeys.POST,
        { summary: "Create a map, blank or from a template", tag: "Journeys", success: { "201": ok("The map") } },
      ],
    },
    "/api/journeys/themes": {
      get: [journeyThemes.GET, { summary: "Backlog themes a step can be linked to", tag: "Journeys" }],
    },
    "/api/journeys/{id}": {
      get: [journey.GET, { summary: "A map with its steps", tag: "Journeys" }],
      patch: [journey.PATCH, { summary: "Edit the map's details", tag: "Journeys" }],
      delete: [journey.DELETE, { summary: "Delete a map", tag: "Journeys" }],
    },
    "/api/journeys/{id}/duplicate": {
      post: [
        journeyDuplicate.POST,
        { summary: "Copy a map with its steps and theme links", tag: "Journeys", success: { "201": ok("The copy") } },
      ],
    },
    "/api/journeys/{id}/evidence": {
      get: [
        journeyEvidence.GET,
        { summary: "Share, trend and quotes of the themes linked to the steps (under k: none)", tag: "Journeys" },
      ],
    },
    "/api/journeys/{id}/export": {
      get: [
        journeyExport.GET,
        { summary: "The map's steps as CSV", tag: "Journeys", success: { "200": csv("CSV (UTF-8 with BOM)") } },
      ],
    },
    "/api/journeys/{id}/suggestions": {
      get: [journeySuggestions.GET, { summary: "Themes whose terms overlap a step", tag: "Journeys" }],
    },
    "/api/journeys/{id}/steps": {
      post: [
        journeySteps.POST,
        { summary: "Add a step to the current or golden path", tag: "Journeys", success: { "201": ok("The step") } },
      ],
    },
    "/api/journeys/{id}/steps/order": {
      put: [journeyStepsOrder.PUT, { summary: "Set the order of one path's steps", tag: "Journeys" }],
    },
    "/api/journeys/{id}/steps/{stepId}": {
      patch: [journeyStep.PATCH, { summary: "Edit a step", tag: "Journeys" }],
      delete: [journeyStep.DELETE, { summary: "Delete a step", tag: "Journeys" }],
    },
    "/api/journeys/{id}/steps/{stepId}/themes": {
      post: [
        journeyStepThemes.POST,
        {
          summary: "Link a backlog theme to a step, or dismiss a suggestion",
          tag: "Journeys",
          success: { "201": ok("The link") },
        },
      ],
    },
    "/api/journeys/{id}/steps/{stepId}/themes/{themeId}": {
      delete: [journeyStepTheme.DELETE, { summary: "Unlink a theme from a step", tag: "Journeys" }],
    },

    "/api/workflows": {
      get: [workflows.GET, { summary: "Baseline workflow timings for a quarter", tag: "Journeys" }],
      post: [
        workflows.POST,
        { summary: "Add a workflow", tag: "Journeys", success: { "201": ok("The workflow") }, adds: [409] },
      ],
    },
    "/api/workflows/{id}": {
      patch: [workflow.PATCH, { summary: "Rename or retarget a workflow", tag: "Journeys", adds: [409] }],
      delete: [workflow.DELETE, { summary: "Remove an editor-added workflow", tag: "Journeys", adds: [409] }],
    },
    "/api/workflows/{id}/timings/{period}": {
      put: [workflowTiming.PUT, { summary: "Record up to three measurements for a quarter", tag: "Journeys" }],
    },
  };
}

export function buildOpenApiDocument() {
  const submission = toSchema(submissionEnvelopeSchema) as {
    properties: { answers: { items: { properties: Record<string, unknown> } } };
  };
  submission.properties.answers.items.properties.value = answerValue;
  const paths = Object.fromEntries(
    Object.entries(operations()).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, [handler, op]]) => [
          method,
          operation(path, method as Method, handler, op),
        ]),
      ),
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "DX Pulse API",
      version: "1.0.0",
      description:
        'Post anonymous survey answers (e.g. from a Slack bot or CI) and script quarterly surveys. Public endpoints (security: []) need only a link token; the rest use the signed-in session cookie, with the role each operation names. Every path answers a method it does not list with 405 and an Allow header. Numbers in JSON bodies must be JSON numbers ("7", null or true are refused with 422).',
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    tags: [
      { name: "Respond", description: "Public, anonymous" },
      { name: "Authoring" },
      { name: "Workspace" },
      { name: "Access", description: "Signing in, people and passwords" },
      { name: "Analytics", description: "Groups under the anonymity threshold k are hidden" },
      { name: "Backlog" },
      { name: "Journeys" },
      { name: "System" },
    ],
    paths,
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The session cookie set by signing in (named __Secure-next-auth.session-token over https). A state-changing request (POST, PUT, PATCH, DELETE) carrying it must come from the app's own origin: one whose Origin header names another host, or whose Sec-Fetch-Site says cross-site, is refused with 403. Clients that send neither (scripts, curl) are not affected.",
        },
      },
      schemas: {
        Error: errorSchema,
        Submission: submission,
        FrictionEntry: toSchema(frictionSchema),
        CreateSurvey: toSchema(createSurveySchema),
        UpdateSurvey: toSchema(updateSurveySchema),
        ChangeStatus: toSchema(changeStatusSchema),
        Question: toSchema(questionFieldsSchema),
        UpdateQuestion: toSchema(updateQuestionSchema),
        ReorderQuestions: toSchema(reorderQuestionsSchema),
        CreateLinks: toSchema(createLinksSchema),
        CreateFrictionLink: toSchema(createFrictionLinkSchema),
        CreateTeam: toSchema(createTeamSchema),
        UpdateTeam: toSchema(updateTeamSchema),
        CreateDimension: toSchema(createDimensionSchema),
        UpdateDimension: toSchema(updateDimensionSchema),
        MoveMembers: toSchema(moveMembersSchema),
        SignInForm: {
          ...toSchema(signInSchema),
          properties: {
            ...(toSchema(signInSchema).properties as object),
            callbackUrl: { type: "string", examples: ["/surveys"] },
          },
        },
        ChangePassword: toSchema(changePasswordSchema),
        ResetPassword: toSchema(resetPasswordSchema),
        CreateUser: toSchema(createUserSchema),
        UpdateUser: toSchema(updateUserSchema),
      },
    },
  };
}
