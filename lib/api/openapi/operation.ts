// One OpenAPI operation, built from the route handler it documents: security, parameters, request
// body and the error statuses come from what its route() parses and who may call it (lib/api/route.ts
// keeps that on the handler); success bodies come from the domain's zod wire schemas. Only summaries,
// operationIds and the statuses a handler's own logic adds are written by hand in ./paths/*.
import { z } from "zod";
import type { NodeMethod } from "@/lib/api/node-route";
import type { RouteConfig, RouteHandler } from "@/lib/api/route";

export type Method = "get" | "post" | "put" | "patch" | "delete";
export const tags = {
  Respond: "Public and anonymous: answering a survey or reporting friction through a link token",
  Authoring: "Surveys, their questions and their per-team links",
  Workspace: "Teams, dimensions, friction-log links, settings and the audit log",
  Access: "Signing in, people, roles and passwords",
  Analytics: "Trends and comparisons; groups under the anonymity threshold k are hidden",
  Backlog: "Themes found in free-text answers, ranked by impact × frequency, and their curation",
  Journeys: "Developer journey maps, their steps and baseline workflow timings",
  Jobs: "Background jobs (pg-boss): backlog analyses, surveys opening and closing on their dates",
  Delivery: "DORA four keys measured from GitHub, GitLab and CSV delivery events; systems, not people",
  Imports:
    "Past survey results from CSV files, and feedback notes from interviews, shadowing, office hours and support",
  System: "Health, first-run setup and this document",
  Integrations: "API tokens and outgoing webhooks (owner only)",
  Distribution: "Survey series, email and Slack announcements, reminders and closing summaries, and their send log",
} as const;
export type Tag = keyof typeof tags;

/** A public handler outside route() (health, sign-in): nothing it parses is on it for the document to read. */
type PlainHandler = ((request: Request) => Promise<Response>) & { access?: undefined; config?: undefined };
/** A route()'s handler, a Pages Router method, a plain handler, or a stand-in for one (this document's). */
export type Documented = RouteHandler | NodeMethod | PlainHandler | { access: "public"; config?: undefined };

const accessOf = (handler: Documented) => handler.access ?? "public";

/** A response the handler itself gives: a JSON body described by a zod schema, another media type, or none (a redirect). */
export type Success = {
  description: string;
  schema?: z.ZodType;
  media?: "text/csv" | "image/svg+xml" | "application/pdf";
};
/** 503 only for the health check, whose outage answer is its own body rather than the error envelope. */
export type SuccessStatus = "200" | "201" | "303" | "503";

export type Operation = {
  operationId: string;
  summary: string;
  tag: Tag;
  description?: string;
  /** A named request body in components.schemas, instead of the one derived from the route's schema. */
  body?: string;
  /** A named form body (application/x-www-form-urlencoded), for handlers that read a form. */
  form?: string;
  /** What the handler answers when it succeeds: at least one 2xx (or the 303 of a form post). */
  responses: Partial<Record<SuccessStatus, Success>>;
  /** Statuses the handler's own logic adds to those its route() answers for. */
  adds?: number[];
  /** False for the few operations that never touch the database (so never answer 503). */
  database?: false;
  /** A public route's own scheme (a webhook's signature), in place of `security: []`. */
  security?: Record<string, string[]>[];
};

export type Paths = Record<string, Partial<Record<Method, [Documented, Operation]>>>;

export const ok = (description: string, schema: z.ZodType): Success => ({ description, schema });
export const csv = (description: string): Success => ({ description, media: "text/csv" });

/** `{ ok: true }`: what a handler that returns nothing answers (lib/api/route.ts). */
export const okWire = z.object({ ok: z.literal(true) }).meta({ id: "Ok" });
export const done = (description = "Done") => ok(description, okWire);

const errorDescriptions: Record<number, string> = {
  400: "Malformed JSON, an empty body or the wrong content type",
  401: "Not signed in",
  403: "Role not allowed, or a cross-site request (see the session scheme)",
  404: "Unknown link or resource",
  409: "Not allowed in the current state (e.g. the survey is published)",
  410: "Gone: the survey is closed, or the reset link was used or expired",
  413: "Body too large; the connection is closed",
  422: "Validation failed; fieldErrors name each field",
  429: "Rate limited (an API token over its per-minute budget, or too many submissions); see Retry-After",
  503: "Database unavailable; nothing was stored. See Retry-After",
};

/**
 * zod's JSON Schema, minus what only repeats itself: the regular expressions zod checks uuid, date
 * and date-time formats with (the format says it), and the safe-integer bounds of every z.int().
 */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  const { format, minimum, maximum } = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    if (key === "pattern" && typeof format === "string") continue;
    if (key === "minimum" && minimum === Number.MIN_SAFE_INTEGER) continue;
    if (key === "maximum" && maximum === Number.MAX_SAFE_INTEGER) continue;
    out[key] = tidy(item);
  }
  return out;
}

function toJsonSchema(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  return JSON.parse(JSON.stringify(tidy(json)).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<
    string,
    unknown
  > & { $defs?: Record<string, unknown>; properties?: Record<string, unknown>; required?: string[] };
}

/**
 * zod → JSON Schema (2020-12, what OpenAPI 3.1 uses). Schemas given an id with .meta({ id }) become
 * components: their definitions are added to `components` and referenced from there.
 */
export function jsonSchemaOf(schema: z.ZodType, components: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, $defs, ...json } = toJsonSchema(schema);
  for (const [id, definition] of Object.entries($defs ?? {})) components[id] ??= definition;
  // A schema with its own id (a named wire shape) is itself a component.
  const id = z.globalRegistry.get(schema)?.id;
  if (id) {
    components[id] ??= json;
    return { $ref: `#/components/schemas/${id}` };
  }
  return json;
}

const STATE_CHANGING = new Set<Method>(["post", "put", "patch", "delete"]);

function configOf(handler: Documented): Partial<RouteConfig> {
  return ("config" in handler && handler.config) || {};
}

/**
 * Whether API tokens may call an operation: never public ones (nothing to authenticate), owner-only
 * ones or session-only ones (lib/integrations/token-policy.ts).
 */
export function acceptsApiTokens(handler: Documented): boolean {
  const access = accessOf(handler);
  return access !== "public" && access !== "owner" && !configOf(handler).sessionOnly;
}

function securityOf(handler: Documented) {
  if (accessOf(handler) === "public") return [];
  return acceptsApiTokens(handler) ? [{ session: [] }, { bearer: [] }] : [{ session: [] }];
}

/** The error statuses an operation can answer: those its route() answers for, plus its own. */
export function errorStatuses(method: Method, handler: Documented, op: Operation, hasForm: boolean): number[] {
  const config = configOf(handler);
  const statuses = new Set([...(op.database === false ? [] : [503]), ...(op.adds ?? [])]);
  const access = accessOf(handler);
  if (access !== "public") {
    statuses.add(401);
    if (access !== "viewer" || STATE_CHANGING.has(method)) statuses.add(403);
    // An API token over its budget is refused before anything else (lib/api/token-auth.ts).
    if (acceptsApiTokens(handler)) statuses.add(429);
  }
  if (config.params) statuses.add(404);
  if (config.query) statuses.add(422);
  if (config.body || op.body) for (const status of [400, 413, 422]) statuses.add(status);
  if (hasForm) for (const status of [400, 413]) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}

/** The operation as the route answers it: who may call it, what it parses, what it returns and which errors. */
export function buildOperation(
  path: string,
  method: Method,
  handler: Documented,
  op: Operation,
  components: Record<string, unknown>,
) {
  const config = configOf(handler);
  const schemaOf = (schema: z.ZodType) => jsonSchemaOf(schema, components);
  const fieldsOf = (schema: z.ZodType | undefined) => {
    const json = schema ? toJsonSchema(schema) : {};
    return { properties: json.properties ?? {}, required: json.required ?? [] };
  };

  const pathParams = fieldsOf(config.params);
  const parameters: Record<string, unknown>[] = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: pathParams.properties[name] ?? { type: "string" },
  }));
  const query = fieldsOf(config.query);
  for (const [name, schema] of Object.entries(query.properties))
    parameters.push({ name, in: "query", required: query.required.includes(name), schema });

  let requestBody: unknown;
  if (op.form)
    requestBody = {
      required: true,
      content: { "application/x-www-form-urlencoded": { schema: { $ref: `#/components/schemas/${op.form}` } } },
    };
  if (config.body || op.body) {
    const schema = op.body ? { $ref: `#/components/schemas/${op.body}` } : schemaOf(config.body!);
    requestBody = { required: true, content: { "application/json": { schema } } };
  }

  const responses: Record<string, unknown> = {};
  for (const [status, success] of Object.entries(op.responses) as [SuccessStatus, Success][]) {
    const content = success.schema
      ? { "application/json": { schema: schemaOf(success.schema) } }
      : success.media
        ? { [success.media]: { schema: { type: "string" } } }
        : undefined;
    responses[status] = { description: success.description, ...(content ? { content } : {}) };
  }
  for (const status of errorStatuses(method, handler, op, Boolean(op.form)).filter((s) => !(String(s) in responses)))
    responses[String(status)] = {
      description: errorDescriptions[status] ?? "Error",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };

  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: op.security ?? securityOf(handler),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}
