import { describe, expect, it } from "vitest";
import { routeMethodsFromFiles } from "@/lib/testing/route-files";
import { ROUTE_METHODS } from "../allowed-methods";
import { buildOpenApiDocument } from ".";

type Operation = {
  operationId?: string;
  tags: string[];
  summary?: string;
  security: unknown[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

/** "/api/surveys/[id]" → "/api/surveys/{id}"; next-auth's own routes and the HTML pages are not the API. */
const apiRoutes = (routes: Record<string, readonly string[]>) =>
  Object.fromEntries(
    Object.entries(routes)
      .filter(([route]) => route.startsWith("/api/") && !route.startsWith("/api/auth/"))
      .map(([route, methods]) => [
        route.replace(/\[(\w+)\]/g, "{$1}"),
        [...methods].map((m) => m.toLowerCase()).sort(),
      ]),
  );

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );
  const documented = Object.fromEntries(
    Object.entries(doc.paths).map(([path, methods]) => [path, Object.keys(methods as object).sort()]),
  );

  it("is OpenAPI 3.1 and covers the submission and authoring endpoints", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/api/s/{token}", "/api/surveys", "/api/surveys/{id}/questions", "/api/teams"])
      expect(doc.paths).toHaveProperty([path]);
  });

  it("documents every API route with exactly the methods it answers", () => {
    expect(documented).toEqual(apiRoutes(ROUTE_METHODS));
  });

  it("documents every route file under app/api and pages/api, so a new route cannot go undocumented", () => {
    expect(documented).toEqual(apiRoutes(routeMethodsFromFiles()));
  });

  it("gives every operation a unique operationId, a summary, a tag and a success response with its body", () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    const tagNames = doc.tags.map((t) => t.name);
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`;
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary, where).toBeTruthy();
      expect(tagNames, where).toEqual(expect.arrayContaining(op.tags));
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      // The sign-in form answers with redirects only (303 to the page or back to the form).
      if (path === "/api/sign-in") expect(Object.keys(op.responses), where).toContain("303");
      else expect(success.length, where).toBeGreaterThan(0);
      for (const [status, response] of success) {
        if (status === "204") continue;
        const [media] = Object.entries(response.content ?? {});
        expect(media, `${where} ${status}`).toBeDefined();
        if (media[0] === "application/json") expect(media[1].schema, `${where} ${status}`).not.toEqual({});
      }
    }
    expect(operations.length).toBeGreaterThanOrEqual(81);
  });

  it("answers every error with the shared error envelope", () => {
    for (const { path, method, op } of operations)
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]\d\d$/.test(status) || path === "/api/health") continue;
        expect(response.content, `${method} ${path} ${status}`).toEqual({
          "application/json": { schema: { $ref: "#/components/schemas/Error" } },
        });
      }
    expect(doc.components.schemas.Error).toMatchObject({ required: ["error"] });
  });

  it("marks exactly the public operations with security: [] and lists 401 on every other one", () => {
    const open = operations
      .filter(({ op }) => op.security.length === 0)
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(open.sort()).toEqual([
      "GET /api/health",
      "GET /api/openapi.json",
      "GET /api/s/i/{token}",
      "GET /api/s/{token}",
      "GET /api/share/{token}/dimensions",
      "GET /api/share/{token}/dora",
      "GET /api/share/{token}/meta",
      "GET /api/share/{token}/notice",
      "GET /api/share/{token}/nps",
      "GET /api/share/{token}/response-rates",
      "GET /api/share/{token}/surveys/{surveyId}",
      "GET /api/share/{token}/surveys/{surveyId}/comments",
      "GET /api/share/{token}/surveys/{surveyId}/drivers",
      "GET /api/share/{token}/teams",
      "GET /api/you-said",
      "POST /api/friction/{token}",
      "POST /api/password-reset",
      "POST /api/s/i/{token}",
      "POST /api/s/{token}",
      "POST /api/setup",
      "POST /api/sign-in",
    ]);
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`;
      if (op.security.length === 0) expect(op.responses, where).not.toHaveProperty("401");
      else if (path.startsWith("/api/delivery/webhooks/")) {
        // Webhooks carry no session: the provider's signature (or token) is their credential.
        expect(op.security, where).toEqual([{ [path.includes("/github/") ? "githubSignature" : "gitlabToken"]: [] }]);
        expect(op.responses, where).toHaveProperty("401");
      } else {
        // Owner-only administration and your own password take the session only; the rest take an API token too.
        const ownerOnly = path.startsWith("/api/users") || /^\/api\/(tokens|webhooks|audit|jobs|testing)/.test(path);
        const sessionOnly =
          ownerOnly || path === "/api/account/password" || (path === "/api/settings" && method !== "get");
        expect(op.security, where).toEqual(sessionOnly ? [{ session: [] }] : [{ session: [] }, { bearer: [] }]);
        if (!sessionOnly) expect(op.responses, where).toHaveProperty("429");
        expect(op.responses, where).toHaveProperty("401");
        // Every state-changing call can be refused as cross-site, whatever the role.
        if (method !== "get") expect(op.responses, where).toHaveProperty("403");
      }
    }
    expect(doc.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("lists 422 wherever a body or query is validated, 413 and 400 with a body, 404 with path parameters", () => {
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`;
      const json = (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content?.["application/json"];
      if (json) for (const status of ["400", "413", "422"]) expect(op.responses, where).toHaveProperty(status);
      // A form post (the sign-in page) answers its refusals with a redirect, but still caps its body.
      else if (op.requestBody) for (const status of ["400", "413"]) expect(op.responses, where).toHaveProperty(status);
      if (op.parameters?.some((p) => p.in === "query")) expect(op.responses, where).toHaveProperty("422");
      if (path.includes("{")) expect(op.responses, where).toHaveProperty("404");
      if (path !== "/api/openapi.json" && path !== "/api/health") expect(op.responses, where).toHaveProperty("503");
    }
    expect(doc.paths["/api/s/{token}"].post.responses).toHaveProperty("429");
    expect(doc.paths["/api/friction/{token}"].post.responses).toHaveProperty("429");
    expect(doc.paths["/api/teams"].post.responses).toHaveProperty("409");
  });

  it("describes the access endpoints, with the public ones marked as needing no session", () => {
    const paths = doc.paths as Record<string, Record<string, { security?: unknown[] }>>;
    for (const [path, method] of [
      ["/api/users/{id}", "patch"],
      ["/api/users/{id}", "delete"],
      ["/api/users/{id}/reset-link", "post"],
      ["/api/account/password", "post"],
      ["/api/tokens", "post"],
      ["/api/webhooks", "post"],
    ] as const) {
      expect(paths[path][method].security).toEqual([{ session: [] }]);
    }
    expect(paths["/api/password-reset"].post.security).toEqual([]);
    expect(paths["/api/sign-in"].post.security).toEqual([]);
    expect((doc.components.schemas.UpdateUser as any).properties.active.type).toBe("boolean");
  });

  it("derives request bodies from the handlers' zod schemas", () => {
    const submission = doc.components.schemas.Submission as any;
    expect(submission.required).toEqual(["idempotencyKey", "answers"]);
    expect(submission.properties.idempotencyKey).toMatchObject({ type: "string", minLength: 16, maxLength: 128 });
    expect(submission.properties.answers.maxItems).toBe(200);
    const question = doc.components.schemas.QuestionFields as any;
    expect(question.properties.kind.enum).toEqual(["likert", "nps", "single_choice", "multiple_choice", "free_text"]);
    expect(question.properties.prompt.maxLength).toBe(300);
    expect(
      (doc.paths["/api/workflows"].post as any).requestBody.content["application/json"].schema.properties.targetMinutes
        .type,
    ).toBe("number");
  });

  it("derives response bodies from the domains' wire schemas, with named shapes as components", () => {
    const json = (path: string, method: string, status: string) =>
      (doc.paths as any)[path][method].responses[status].content["application/json"].schema;
    expect(json("/api/surveys", "post", "201").properties.survey).toEqual({ $ref: "#/components/schemas/Survey" });
    expect((doc.components.schemas.Survey as any).properties.status.enum).toEqual(["draft", "open", "closed"]);
    expect((doc.components.schemas.User as any).properties).not.toHaveProperty("passwordHash");
    expect(json("/api/analytics/nps", "get", "200").properties.points.items.anyOf).toHaveLength(2);
    expect((doc.paths as any)["/api/backlog/export"].get.responses["200"].content).toHaveProperty(["text/csv"]);
    expect((doc.paths as any)["/api/surveys/{id}/links/{linkId}/qr"].get.responses["200"].content).toHaveProperty([
      "image/svg+xml",
    ]);
  });

  it("only references schemas it defines", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]);
    for (const ref of new Set(refs)) expect(doc.components.schemas).toHaveProperty([ref]);
    expect(JSON.stringify(doc)).not.toContain("#/$defs/");
  });
});
