import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import surveyLink from "@/pages/api/s/[token]";
import { POST as changeStatus } from "@/app/api/surveys/[id]/status/route";
import { POST as createSurveyRoute } from "@/app/api/surveys/route";
import { errorReply } from "@/lib/api/http";
import { createUser } from "@/lib/auth/queries";
import { describeForLog, pgErrorCode } from "@/lib/errors";
import { getRespondentSurvey, listSurveyLinks, type RespondentSurvey } from "@/lib/surveys/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { openDatabase, setDatabaseHandleForTests, type DatabaseHandle } from "./client";

// A database outage must not write answers to the server log: failed statements are logged by
// code and fingerprint only (lib/db/query-errors.ts), whichever engine and whoever logs them.
const db = withTestDatabase();

let token = "";
let questions: RespondentSurvey["questions"] = [];
let n = 0;

beforeAll(async () => {
  const editorId = (
    await createUser({ name: "Pat", email: "pat@example.com", password: "long-enough-pass", role: "editor" })
  ).id;
  const created = await callRoute(createSurveyRoute, {
    body: { templateId: "quarterly-dx", period: "2026-Q3" },
    userId: editorId,
  });
  const surveyId = created.json.survey.id;
  expect(
    (await callRoute(changeStatus, { params: { id: surveyId }, body: { status: "open" }, userId: editorId })).status,
  ).toBe(200);
  token = (await listSurveyLinks({ surveyId })).find((l) => !l.teamId)!.token;
  questions = (await getRespondentSurvey({ token }))!.questions;
});

const answersWith = (text: string) =>
  questions.map((q) => ({
    questionId: q.id,
    value:
      q.kind === "free_text"
        ? text
        : q.kind === "likert"
          ? 4
          : q.kind === "nps"
            ? 9
            : q.kind === "single_choice"
              ? q.options![0].id
              : q.kind === "multiple_choice"
                ? [q.options![0].id]
                : null,
  }));
const submit = (text: string) =>
  callRoute(surveyLink, {
    method: "POST",
    params: { token },
    body: { idempotencyKey: `outage-key-${++n}-0123456789`, answers: answersWith(text) },
    client: `192.0.2.${n}`,
  });

/** Everything written to the console and to stdout/stderr while `run` runs. */
async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const lines: string[] = [];
  const record = (...args: unknown[]) =>
    void lines.push(
      args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 8, showHidden: true }))).join(" "),
    );
  const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation(record),
  );
  const writes = [
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (lines.push(String(chunk)), true)),
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (lines.push(String(chunk)), true)),
  ];
  try {
    return { result: await run(), output: lines.join("\n") };
  } finally {
    for (const spy of [...spies, ...writes]) spy.mockRestore();
  }
}

async function duringOutage<T>(broken: DatabaseHandle, run: () => Promise<T>): Promise<T> {
  // A fresh read of the survey is cached for a second (lib/responses/submit.ts), so the failing
  // statement is the one that stores the answers, as in a real outage.
  expect((await submit("warming the survey cache")).status).toBe(201);
  setDatabaseHandleForTests(broken);
  try {
    return await run();
  } finally {
    setDatabaseHandleForTests(db.handle());
  }
}

afterEach(() => setDatabaseHandleForTests(db.handle()));

describe("database errors in logs", () => {
  it("a submission while PostgreSQL is unreachable answers 503 and logs no answer text", async () => {
    const secret = "Deploy-pipeline-secret-4711 ÄÖ";
    const unreachable = await openDatabase({ url: "postgres://nobody:nothing@127.0.0.1:1/none", migrate: false });
    const { result, output } = await captureOutput(() => duringOutage(unreachable, () => submit(secret)));
    await unreachable.close();
    expect(result.status).toBe(503);
    expect(output).toContain("[api] database unavailable");
    expect(output).not.toContain("Deploy-pipeline-secret-4711");
  });

  it("a submission while the embedded database is closed logs no answer text", async () => {
    const secret = "Staging-is-down-secret-0815";
    const closed = await openDatabase({ dataDir: "memory://", migrate: false });
    await closed.close();
    const { result, output } = await captureOutput(() => duringOutage(closed, () => submit(secret)));
    expect(result.status).toBeGreaterThanOrEqual(500);
    expect(output).toMatch(/\[api\]/);
    expect(output).not.toContain("Staging-is-down-secret-0815");
  });

  it("a statement refused by the database keeps its code but not the value, in message, stack or fields", async () => {
    const secret = "my-manager-never-listens";
    const error = await db
      .handle()
      .db.execute(sql`select ${secret}::int`)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(pgErrorCode(error)).toBe("22P02");
    expect(inspect(error, { depth: 8, showHidden: true })).not.toContain(secret);
    expect(String((error as Error).stack)).not.toContain(secret);
    expect(describeForLog(error)).toMatch(/^Database error 22P02 in statement [0-9a-f]{8} select/);
    const { result, output } = await captureOutput(async () => errorReply(error));
    expect(result.status).toBe(422);
    expect(output).not.toContain(secret);
  });
});
