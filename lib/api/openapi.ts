import { z } from "zod";
import { changePasswordSchema, createUserSchema, resetPasswordSchema, signInSchema, updateUserSchema } from "@/lib/auth/schemas";
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
import { auditQuerySchema } from "@/lib/audit/schemas";
import { moveMembersSchema } from "@/lib/backlog/schemas";
import { createDimensionSchema, createTeamSchema, updateDimensionSchema, updateTeamSchema } from "@/lib/workspace/schemas";

// The OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas the handlers
// parse with, so the document cannot drift from what the server accepts.

const toSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return json;
};

const answerValue = {
  description: "Likert: integer 1–5 · NPS: integer 0–10 · single choice: an option id · multiple choice: a list of option ids · free text: a string within the question's limit. null or \"\" skips an optional question.",
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
        fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, examples: [{ "answers.3.value": ["Pick a whole number from 1 to 5"] }] },
      },
    },
  },
};

const errorRef = { $ref: "#/components/schemas/Error" };
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: errorDescriptions[c] ?? "Error", content: { "application/json": { schema: errorRef } } }]));
const errorDescriptions: Record<number, string> = {
  400: "Malformed JSON or wrong content type",
  401: "Not signed in",
  403: "Role not allowed, or a cross-site request",
  404: "Unknown link or resource",
  409: "Not allowed in the current state (e.g. the survey is published)",
  410: "The survey is closed",
  413: "Body too large",
  422: "Validation failed; fieldErrors name each field",
  429: "Rate limited; see Retry-After",
  503: "Database unavailable; nothing was stored",
};

const body = (name: string) => ({ required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } });
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const id = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const token = { name: "token", in: "path", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9_-]{4,64}$" } };
const session = [{ session: [] }];
const authoring = (summary: string, extra: Record<string, unknown> = {}) => ({ summary, security: session, tags: ["Authoring"], ...extra });

export function buildOpenApiDocument() {
  const submission = toSchema(submissionEnvelopeSchema) as { properties: { answers: { items: { properties: Record<string, unknown> } } } };
  submission.properties.answers.items.properties.value = answerValue;
  return {
    openapi: "3.1.0",
    info: {
      title: "DX Pulse API",
      version: "1.0.0",
      description:
        "Post anonymous survey answers (e.g. from a Slack bot or CI) and script quarterly surveys. Public endpoints need only a link token; authoring endpoints use the signed-in session cookie (editor role to change things).",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    tags: [{ name: "Respond", description: "Public, anonymous" }, { name: "Authoring" }, { name: "Workspace" }, { name: "Backlog" }, { name: "Access", description: "Signing in, people and passwords" }],
    paths: {
      "/api/s/{token}": {
        get: { summary: "The survey and active questions behind a link", tags: ["Respond"], parameters: [token], responses: { "200": ok("Survey with questions"), ...errors(404) } },
        post: {
          summary: "Submit one anonymous response",
          description:
            "Validated against the survey's own questions and stored as one response in one transaction. Retrying with the same idempotencyKey stores it once (200 with duplicate: true). Rate-limited per link and client; the body is capped at 64 KB.",
          tags: ["Respond"],
          parameters: [token],
          requestBody: body("Submission"),
          responses: { "201": ok("Stored"), "200": ok("Already stored with this idempotency key"), ...errors(400, 404, 409, 410, 413, 422, 429, 503) },
        },
      },
      "/api/friction/{token}": {
        post: { summary: "Report one sentence of friction", tags: ["Respond"], parameters: [token], requestBody: body("FrictionEntry"), responses: { "201": ok("Stored"), "200": ok("Already stored under this idempotency key (a retry)"), ...errors(400, 404, 413, 422, 429) } },
      },
      "/api/surveys": {
        get: authoring("List surveys with question and response counts", { responses: { "200": ok("Surveys"), ...errors(401) } }),
        post: authoring("Create a draft from a template or by copying an earlier survey (question keys are kept)", {
          requestBody: body("CreateSurvey"),
          responses: { "201": ok("The new draft"), ...errors(401, 403, 422) },
        }),
      },
      "/api/surveys/{id}": {
        parameters: [id("id")],
        get: authoring("A survey with all its questions", { responses: { "200": ok("Survey"), ...errors(401, 404) } }),
        patch: authoring("Change title, intro, quarter or open/close dates", { requestBody: body("UpdateSurvey"), responses: { "200": ok("Survey"), ...errors(401, 403, 404, 422) } }),
        delete: authoring("Delete a draft that has no responses", { responses: { "200": ok("Deleted"), ...errors(401, 403, 404, 409) } }),
      },
      "/api/surveys/{id}/status": {
        parameters: [id("id")],
        post: authoring("Publish (draft→open), close (open→closed) or reopen (closed→open)", { requestBody: body("ChangeStatus"), responses: { "200": ok("Survey"), ...errors(401, 403, 404, 409) } }),
      },
      "/api/surveys/{id}/questions": {
        parameters: [id("id")],
        post: authoring("Add a question to a draft", { requestBody: body("Question"), responses: { "201": ok("Question"), ...errors(401, 403, 404, 409, 422) } }),
      },
      "/api/surveys/{id}/questions/{questionId}": {
        parameters: [id("id"), id("questionId")],
        patch: authoring("Edit or archive a question; a kept key's kind cannot change and rewording is recorded", {
          requestBody: body("UpdateQuestion"),
          responses: { "200": ok("Question"), ...errors(401, 403, 404, 409, 422) },
        }),
        delete: authoring("Delete a question from a draft without responses (archive otherwise)", { responses: { "200": ok("Deleted"), ...errors(401, 403, 404, 409) } }),
      },
      "/api/surveys/{id}/questions/order": {
        parameters: [id("id")],
        put: authoring("Reorder a draft's questions", { requestBody: body("ReorderQuestions"), responses: { "200": ok("Reordered"), ...errors(401, 403, 404, 409, 422) } }),
      },
      "/api/surveys/{id}/links": {
        parameters: [id("id")],
        get: authoring("Links with live response counts and per-team response rates", { responses: { "200": ok("Links"), ...errors(401, 404) } }),
        post: authoring("Add per-team links (all active teams by default)", { requestBody: body("CreateLinks"), responses: { "201": ok("Links"), ...errors(401, 403, 404, 422) } }),
      },
      "/api/surveys/{id}/links/{linkId}/qr": {
        parameters: [id("id"), id("linkId")],
        get: authoring("The link as an SVG QR code", { responses: { "200": { description: "SVG", content: { "image/svg+xml": {} } }, ...errors(401, 403, 404) } }),
      },
      "/api/friction/links": {
        get: { summary: "Friction-log links", tags: ["Workspace"], security: session, responses: { "200": ok("Links") } },
        post: { summary: "Get or create a friction-log link (workspace-wide or per team)", tags: ["Workspace"], security: session, requestBody: body("CreateFrictionLink"), responses: { "201": ok("Links"), ...errors(401, 403, 422) } },
      },
      "/api/teams": {
        get: { summary: "Teams with on-platform history", tags: ["Workspace"], security: session, responses: { "200": ok("Teams") } },
        post: { summary: "Add a team", tags: ["Workspace"], security: session, requestBody: body("CreateTeam"), responses: { "201": ok("Team"), ...errors(401, 403, 409, 422) } },
      },
      "/api/teams/{id}": {
        parameters: [id("id")],
        patch: {
          summary: "Rename, headcount, on-platform change from a quarter, archive",
          description:
            "An on-platform change that would move between 1 and k − 1 of the team's respondents in some survey to the other adoption group is refused (422): comparing the adoption results before and after would show their answers.",
          tags: ["Workspace"],
          security: session,
          requestBody: body("UpdateTeam"),
          responses: { "200": ok("Team"), ...errors(401, 403, 404, 409, 422) },
        },
        delete: { summary: "Delete a team that has no answers (archive it otherwise)", tags: ["Workspace"], security: session, responses: { "200": ok("Deleted"), ...errors(401, 403, 404, 409) } },
      },
      "/api/backlog/items/{id}/move": {
        parameters: [id("id")],
        post: {
          summary: "Move quotes (by their public ids) to another theme, or split them into a new one",
          description: "Published theme figures follow the move only once a theme's respondents changed by at least k.",
          tags: ["Backlog"],
          security: session,
          requestBody: body("MoveMembers"),
          responses: { "200": ok("Moved"), "201": ok("Split into a new theme"), ...errors(401, 403, 404, 409, 422) },
        },
      },
      "/api/audit": {
        get: {
          summary: "The audit log: curation, adoption, threshold and role edits, newest first (owner)",
          tags: ["Workspace"],
          security: session,
          parameters: [{ name: "offset", in: "query", required: false, schema: (toSchema(auditQuerySchema) as { properties: Record<string, unknown> }).properties.offset }],
          responses: { "200": ok("A page of entries"), ...errors(401, 403, 422) },
        },
      },
      "/api/dimensions": {
        get: { summary: "Built-in and custom dimensions", tags: ["Workspace"], security: session, responses: { "200": ok("Dimensions") } },
        post: { summary: "Add a custom dimension", tags: ["Workspace"], security: session, requestBody: body("CreateDimension"), responses: { "201": ok("Dimension"), ...errors(401, 403, 409, 422) } },
      },
      "/api/dimensions/{id}": {
        parameters: [id("id")],
        patch: { summary: "Rename a custom dimension (its key stays)", tags: ["Workspace"], security: session, requestBody: body("UpdateDimension"), responses: { "200": ok("Dimension"), ...errors(401, 403, 404, 422) } },
        delete: { summary: "Delete a custom dimension no question uses", tags: ["Workspace"], security: session, responses: { "200": ok("Deleted"), ...errors(401, 403, 404, 409) } },
      },
      "/api/sign-in": {
        post: {
          summary: "Sign in with email and password (the sign-in page's plain HTML form)",
          description:
            "Sets the session cookie and answers 303 to callbackUrl, which must be a path on this site (anything else goes to /dashboard). A refusal answers 303 to /sign-in?error=CredentialsSignin | TooManyAttempts | AccountDeactivated. Throttled per account and per client address.",
          tags: ["Access"],
          security: [],
          requestBody: { required: true, content: { "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/SignInForm" } } } },
          responses: { "303": { description: "Signed in (Set-Cookie) or refused; see Location" }, ...errors(400, 403, 413) },
        },
      },
      "/api/account/password": {
        post: {
          summary: "Change your own password",
          description: "Needs the current password. Ends every other session of the account; the response sets a renewed cookie for this one.",
          tags: ["Access"],
          security: session,
          requestBody: body("ChangePassword"),
          responses: { "200": ok("Changed"), ...errors(401, 403, 409, 422, 429) },
        },
      },
      "/api/password-reset": {
        post: {
          summary: "Set a new password through a one-time reset link",
          description: "The token from /reset-password/{token}. Works once, within 24 hours; ends every session of the account.",
          tags: ["Access"],
          security: [],
          requestBody: body("ResetPassword"),
          responses: { "200": ok("Password set"), ...errors(400, 410, 422) },
        },
      },
      "/api/users": {
        get: { summary: "People with their role and whether they are active (owner only)", tags: ["Access"], security: session, responses: { "200": ok("People"), ...errors(401, 403) } },
        post: { summary: "Add a person (owner only)", tags: ["Access"], security: session, requestBody: body("CreateUser"), responses: { "201": ok("Person"), ...errors(401, 403, 409, 422) } },
      },
      "/api/users/{id}": {
        parameters: [id("id")],
        patch: {
          summary: "Change a person's role, or deactivate (active: false) or reactivate them (owner only)",
          description: "Deactivation ends the person's sessions at once. The last active owner can be neither demoted nor deactivated (409).",
          tags: ["Access"],
          security: session,
          requestBody: body("UpdateUser"),
          responses: { "200": ok("Person"), ...errors(401, 403, 404, 409, 422) },
        },
        delete: { summary: "Remove a person (owner only; never yourself or the last active owner)", tags: ["Access"], security: session, responses: { "200": ok("Removed"), ...errors(401, 403, 404, 409) } },
      },
      "/api/users/{id}/reset-link": {
        parameters: [id("id")],
        post: {
          summary: "Issue a one-time password reset link for a person (owner only)",
          description: "Returns the link's path once; only a hash is stored. Valid 24 hours, single use; a newer link cancels the older one.",
          tags: ["Access"],
          security: session,
          responses: { "201": ok("{ path, expiresAt }"), ...errors(401, 403, 404, 409) },
        },
      },
    },
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The session cookie set by signing in" } },
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
        MoveMembers: toSchema(moveMembersSchema),
        CreateDimension: toSchema(createDimensionSchema),
        UpdateDimension: toSchema(updateDimensionSchema),
        SignInForm: { ...toSchema(signInSchema), properties: { ...(toSchema(signInSchema).properties as object), callbackUrl: { type: "string", examples: ["/surveys"] } } },
        ChangePassword: toSchema(changePasswordSchema),
        ResetPassword: toSchema(resetPasswordSchema),
        CreateUser: toSchema(createUserSchema),
        UpdateUser: toSchema(updateUserSchema),
      },
    },
  };
}
