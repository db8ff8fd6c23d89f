// Holds every response the integration tests receive through callRoute to the OpenAPI document:
// a success must have a documented status and parse with its zod wire schema with no field left
// over (an undocumented field fails as surely as a missing one); an error must be one of the
// operation's documented statuses and have the shared error envelope.
import { isDeepStrictEqual } from "node:util";
import type { NodeRouteHandler } from "@/lib/api/node-route";
import type { RouteHandler } from "@/lib/api/route";
import { errorEnvelope } from "@/lib/api/http";
import type { DocumentedOperation } from "@/lib/api/openapi";
import { errorStatuses, type Success } from "@/lib/api/openapi/operation";

let byHandler: Promise<Map<unknown, DocumentedOperation>> | undefined;
// Loaded on first use: the document imports every route module.
const documented = () =>
  (byHandler ??= import("@/lib/api/openapi").then(
    ({ documentedOperations }) => new Map(documentedOperations().map((op) => [op.handler, op])),
  ));

export async function assertDocumentedResponse(
  handler: RouteHandler | NodeRouteHandler | ((request: Request) => Promise<Response>),
  method: string,
  response: { status: number; contentType: string; json: unknown },
) {
  const operations = await documented();
  const target = "methods" in handler ? handler.methods[method.toUpperCase() as "GET" | "POST"] : handler;
  const found = target && operations.get(target);
  // Not an API operation (the respondent's HTML page), or a method the route refuses with 405.
  if (!found) return;
  const { path, operation } = found;
  const where = `${found.method.toUpperCase()} ${path} answered ${response.status}`;
  const fail = (why: string) => {
    throw new Error(`${where}, which the OpenAPI document does not describe: ${why}`);
  };

  const success = operation.responses[String(response.status) as keyof typeof operation.responses] as
    Success | undefined;
  if (success) {
    if (success.media) {
      if (!response.contentType.startsWith(success.media)) fail(`content type ${response.contentType}`);
      return;
    }
    if (!success.schema) return;
    const parsed = success.schema.safeParse(response.json);
    if (!parsed.success) fail(JSON.stringify(parsed.error.issues.slice(0, 5)));
    // zod drops keys a schema does not name: anything dropped is an undocumented field.
    else if (!isDeepStrictEqual(parsed.data, response.json)) fail(undocumentedFields(response.json, parsed.data));
    return;
  }
  if (response.status < 400) return void fail("undocumented status");
  // 500 is a bug, not a documented answer; the test that got it fails on its own terms.
  if (response.status === 500) return;
  if (!errorStatuses(found.method, found.handler, operation, Boolean(operation.form)).includes(response.status))
    fail("undocumented error status");
  const envelope = errorEnvelope.strict().safeParse(response.json);
  if (!envelope.success) fail(`not the error envelope: ${JSON.stringify(response.json)}`);
}

/** Paths of the keys in `raw` that `parsed` lost, e.g. "survey.createdBy". */
function undocumentedFields(raw: unknown, parsed: unknown, at = ""): string {
  if (Array.isArray(raw) && Array.isArray(parsed))
    return raw.map((item, i) => undocumentedFields(item, parsed[i], `${at}[${i}]`)).find(Boolean) ?? "";
  if (!raw || typeof raw !== "object" || !parsed || typeof parsed !== "object") return "";
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in parsed)) return `field ${at ? `${at}.` : ""}${key}`;
    const inner = undocumentedFields(value, (parsed as Record<string, unknown>)[key], at ? `${at}.${key}` : key);
    if (inner) return inner;
  }
  return "";
}
