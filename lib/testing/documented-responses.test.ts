import { describe, expect, it } from "vitest";
import * as backlogExport from "@/app/api/backlog/export/route";
import * as surveys from "@/app/api/surveys/route";
import { assertDocumentedResponse } from "./documented-responses";

const json = (status: number, body: unknown) => ({ status, contentType: "application/json", json: body });
const survey = {
  id: "9b2f7c1e-3f4a-4c3b-9a51-2b8e6f0d1c2a",
  title: "Q3 developer survey",
  period: "2026-Q3",
  status: "open",
  updatedAt: "2026-07-01T09:00:00.000Z",
  questionCount: 12,
  responses: { n: 10, atLeast: true },
};

describe("assertDocumentedResponse", () => {
  it("accepts a response that has the documented status and shape", async () => {
    await assertDocumentedResponse(surveys.GET, "GET", json(200, { surveys: [survey] }));
    await assertDocumentedResponse(surveys.GET, "GET", json(401, { error: { code: "unauthorized", message: "x" } }));
  });

  it("refuses an undocumented field, a missing or mistyped one, and an undocumented status", async () => {
    await expect(
      assertDocumentedResponse(surveys.GET, "GET", json(200, { surveys: [{ ...survey, createdBy: "someone" }] })),
    ).rejects.toThrow("field surveys[0].createdBy");
    const { questionCount: _left, ...missing } = survey;
    await expect(assertDocumentedResponse(surveys.GET, "GET", json(200, { surveys: [missing] }))).rejects.toThrow(
      "questionCount",
    );
    await expect(
      assertDocumentedResponse(surveys.GET, "GET", json(200, { surveys: [{ ...survey, updatedAt: "yesterday" }] })),
    ).rejects.toThrow("updatedAt");
    await expect(assertDocumentedResponse(surveys.GET, "GET", json(201, { surveys: [] }))).rejects.toThrow(
      "undocumented status",
    );
    await expect(
      assertDocumentedResponse(surveys.GET, "GET", json(409, { error: { code: "conflict", message: "x" } })),
    ).rejects.toThrow("undocumented error status");
  });

  it("refuses an error without the shared envelope, and a CSV download with another media type", async () => {
    await expect(assertDocumentedResponse(surveys.POST, "POST", json(422, { message: "Invalid" }))).rejects.toThrow(
      "not the error envelope",
    );
    await expect(assertDocumentedResponse(backlogExport.GET, "GET", json(200, []))).rejects.toThrow("content type");
    await assertDocumentedResponse(backlogExport.GET, "GET", {
      status: 200,
      contentType: "text/csv; charset=utf-8",
      json: "a,b",
    });
  });
});
