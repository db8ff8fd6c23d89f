// The OpenAPI 3.1 description of the HTTP API, built from the route handlers themselves (see
// ./operation.ts) and the domains' zod schemas, so it cannot drift from what the server accepts and
// answers. openapi.test.ts fails when a route is undocumented; `npm run lint:openapi` runs Redocly on it.
import { z } from "zod";
import {
  changePasswordSchema,
  createUserSchema,
  resetPasswordSchema,
  signInSchema,
  updateUserSchema,
} from "@/lib/auth/schemas";
import { moveMembersSchema } from "@/lib/backlog/schemas";
import { errorEnvelope } from "@/lib/api/http";
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
import {
  buildOperation,
  jsonSchemaOf,
  tags,
  type Documented,
  type Method,
  type Operation,
  type Paths,
} from "./operation";
import { accessPaths } from "./paths/access";
import { analyticsPaths } from "./paths/analytics";
import { authoringPaths } from "./paths/authoring";
import { backlogPaths } from "./paths/backlog";
import { jobPaths } from "./paths/jobs";
import { integrationPaths } from "./paths/integrations";
import { invitePaths } from "./paths/invites";
import { deliveryPaths } from "./paths/delivery";
import { importPaths } from "./paths/imports";
import { distributionPaths } from "./paths/distribution";
import { journeyPaths } from "./paths/journeys";
import { sharePaths } from "./paths/share";
import { systemPaths } from "./paths/system";
import { targetPaths } from "./paths/targets";
import { workspacePaths } from "./paths/workspace";

const answerValue = {
  description:
    'Likert: integer 1–5 · NPS: integer 0–10 · single choice: an option id · multiple choice: a list of option ids · free text: a string within the question\'s limit. null or "" skips an optional question.',
  oneOf: [{ type: "integer" }, { type: "string" }, { type: "array", items: { type: "string" } }, { type: "null" }],
};

/** Every API route and method (next-auth's own /api/auth/* aside), in the document's order. */
function allPaths(): Paths {
  return {
    ...systemPaths(),
    ...authoringPaths(),
    ...workspacePaths(),
    ...accessPaths(),
    ...analyticsPaths(),
    ...backlogPaths(),
    ...journeyPaths(),
    ...jobPaths(),
    ...integrationPaths(),
    ...deliveryPaths(),
    ...importPaths(),
    ...sharePaths(),
    ...distributionPaths(),
    ...invitePaths(),
    ...targetPaths(),
  };
}

export type DocumentedOperation = { path: string; method: Method; handler: Documented; operation: Operation };

/** The operations with their handlers, for tests that check responses against what is documented. */
export function documentedOperations(): DocumentedOperation[] {
  return Object.entries(allPaths()).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, [handler, operation]]) => ({
      path,
      method: method as Method,
      handler,
      operation,
    })),
  );
}

/** Request bodies named in components.schemas (the rest are inlined from each route's zod schema). */
function requestSchemas(components: Record<string, unknown>) {
  const schemaOf = (schema: z.ZodType) => jsonSchemaOf(schema, components);
  const submission = schemaOf(submissionEnvelopeSchema) as {
    properties: { answers: { items: { properties: Record<string, unknown> } } };
  };
  submission.properties.answers.items.properties.value = answerValue;
  const signIn = schemaOf(signInSchema) as { properties: object };
  return {
    Submission: submission,
    FrictionEntry: schemaOf(frictionSchema),
    CreateSurvey: schemaOf(createSurveySchema),
    UpdateSurvey: schemaOf(updateSurveySchema),
    ChangeStatus: schemaOf(changeStatusSchema),
    QuestionFields: schemaOf(questionFieldsSchema),
    UpdateQuestion: schemaOf(updateQuestionSchema),
    ReorderQuestions: schemaOf(reorderQuestionsSchema),
    CreateLinks: schemaOf(createLinksSchema),
    CreateFrictionLink: schemaOf(createFrictionLinkSchema),
    CreateTeam: schemaOf(createTeamSchema),
    UpdateTeam: schemaOf(updateTeamSchema),
    CreateDimension: schemaOf(createDimensionSchema),
    UpdateDimension: schemaOf(updateDimensionSchema),
    MoveMembers: schemaOf(moveMembersSchema),
    SignInForm: {
      ...signIn,
      properties: { ...signIn.properties, callbackUrl: { type: "string", examples: ["/surveys"] } },
    },
    ChangePassword: schemaOf(changePasswordSchema),
    ResetPassword: schemaOf(resetPasswordSchema),
    CreateUser: schemaOf(createUserSchema),
    UpdateUser: schemaOf(updateUserSchema),
    WebhookPayload: {
      type: "object",
      description: "The provider's webhook payload as it sends it (JSON); the signature covers its exact bytes",
    },
  };
}

export function buildOpenApiDocument() {
  const schemas: Record<string, unknown> = {};
  Object.assign(schemas, requestSchemas(schemas));
  jsonSchemaOf(errorEnvelope, schemas);
  const paths: Record<string, Record<string, ReturnType<typeof buildOperation>>> = {};
  for (const { path, method, handler, operation } of documentedOperations())
    (paths[path] ??= {})[method] = buildOperation(path, method, handler, operation, schemas);
  return {
    openapi: "3.1.0",
    info: {
      title: "DX Pulse API",
      version: "1.0.0",
      description:
        'Post anonymous survey answers (e.g. from a Slack bot or CI) and script quarterly surveys. Public endpoints (security: []) need only a link token; the rest use the signed-in session cookie or an API token (Authorization: Bearer, see the bearer scheme), with the role each operation names. Every path answers a method it does not list with 405 and an Allow header. Numbers in JSON bodies must be JSON numbers ("7", null or true are refused with 422).',
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/", description: "The DX Pulse instance serving this document" }],
    tags: Object.entries(tags).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        githubSignature: {
          type: "apiKey",
          in: "header",
          name: "X-Hub-Signature-256",
          description:
            "sha256=<HMAC-SHA256 of the exact body with the integration's secret>, as GitHub signs deliveries",
        },
        gitlabToken: {
          type: "apiKey",
          in: "header",
          name: "X-Gitlab-Token",
          description: "The integration's secret token, as GitLab sends it",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The session cookie set by signing in (named __Secure-next-auth.session-token over https). A state-changing request (POST, PUT, PATCH, DELETE) carrying it must come from the app's own origin: one whose Origin header names another host, or whose Sec-Fetch-Site says cross-site, is refused with 403. Clients that send neither (scripts, curl) are not affected.",
        },
        bearer: {
          type: "http",
          scheme: "bearer",
          description: `An API token an owner created in Settings → API tokens, sent as \`Authorization: Bearer dxp_…\`. A read token may call GET operations with a viewer's access; a read-write token may also make the changes an editor can. Owner-only operations (people, settings, audit log, tokens, webhooks) and your own password never accept a token (403). An unknown or revoked token is refused with 401. Each token may make API_TOKEN_RATE_LIMIT requests a minute (300 by default), counted across every instance; beyond that, 429 with Retry-After. No same-origin check applies, since a token is never sent by a browser on its own.`,
        },
      },
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
