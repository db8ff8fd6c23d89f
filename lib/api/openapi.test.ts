import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument();

  it("is OpenAPI 3.1 and covers the submission and authoring endpoints", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/api/s/{token}", "/api/surveys", "/api/surveys/{id}/questions", "/api/surveys/{id}/status", "/api/teams", "/api/dimensions"]) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });

  it("describes the access endpoints, with the public ones marked as needing no session", () => {
    const paths = doc.paths as Record<string, Record<string, { security?: unknown[] }>>;
    for (const [path, method] of [["/api/users/{id}", "patch"], ["/api/users/{id}", "delete"], ["/api/users/{id}/reset-link", "post"], ["/api/account/password", "post"]] as const) {
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
    const question = doc.components.schemas.Question as any;
    expect(question.properties.kind.enum).toEqual(["likert", "nps", "single_choice", "multiple_choice", "free_text"]);
    expect(question.properties.prompt.maxLength).toBe(300);
  });

  it("only references schemas it defines", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]);
    for (const ref of new Set(refs)) expect(doc.components.schemas).toHaveProperty([ref]);
  });
});
