// Over 400 lines on purpose: one property-based fuzz suite across every write endpoint, sharing its generators.
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchItemRoute } from "@/app/api/backlog/items/[id]/route";
import { POST as mergeRoute } from "@/app/api/backlog/items/[id]/merge/route";
import { POST as moveRoute } from "@/app/api/backlog/items/[id]/move/route";
import { PATCH as thresholdsRoute } from "@/app/api/backlog/thresholds/route";
import { POST as buildRoute } from "@/app/api/backlog/build/route";
import { POST as createDimensionRoute } from "@/app/api/dimensions/route";
import { PATCH as patchDimensionRoute } from "@/app/api/dimensions/[id]/route";
import { POST as frictionRoute } from "@/app/api/friction/[token]/route";
import { POST as createMapRoute } from "@/app/api/journeys/route";
import { PATCH as patchMapRoute } from "@/app/api/journeys/[id]/route";
import { POST as addStepRoute } from "@/app/api/journeys/[id]/steps/route";
import { PATCH as patchStepRoute } from "@/app/api/journeys/[id]/steps/[stepId]/route";
import { PUT as reorderStepsRoute } from "@/app/api/journeys/[id]/steps/order/route";
import { POST as linkThemeRoute } from "@/app/api/journeys/[id]/steps/[stepId]/themes/route";
import submitRoute from "@/pages/api/s/[token]";
import { PATCH as settingsRoute } from "@/app/api/settings/route";
import { POST as createSurveyRoute } from "@/app/api/surveys/route";
import { PATCH as patchSurveyRoute } from "@/app/api/surveys/[id]/route";
import { POST as addQuestionRoute } from "@/app/api/surveys/[id]/questions/route";
import { PATCH as patchQuestionRoute } from "@/app/api/surveys/[id]/questions/[questionId]/route";
import { PUT as reorderQuestionsRoute } from "@/app/api/surveys/[id]/questions/order/route";
import { POST as linksRoute } from "@/app/api/surveys/[id]/links/route";
import { POST as statusRoute } from "@/app/api/surveys/[id]/status/route";
import { POST as createTeamRoute } from "@/app/api/teams/route";
import { PATCH as patchTeamRoute } from "@/app/api/teams/[id]/route";
import { POST as createWorkflowRoute } from "@/app/api/workflows/route";
import { PATCH as patchWorkflowRoute } from "@/app/api/workflows/[id]/route";
import { PUT as timingRoute } from "@/app/api/workflows/[id]/timings/[period]/route";
import { POST as formSubmitRoute } from "@/app/s/[token]/submit/route";
import type { RouteHandler } from "@/lib/api/route";
import { createUser } from "@/lib/auth/queries";
import { selectRows } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { createJourneyMap, addJourneyStep, createWorkflow, getJourneyMap } from "@/lib/journeys/queries";
import { stepDefaults } from "@/lib/journeys/schemas";
import { ensureFrictionLink, hashSubmissionKey } from "@/lib/responses/queries";
import { buildSubmissionSchema } from "@/lib/responses/submission-schema";
import {
  createTeamLinks,
  getRespondentSurvey,
  getSurveyWithQuestions,
  listSurveyLinks,
  type RespondentSurvey,
} from "@/lib/surveys/queries";
import { createCustomDimension, createTeam } from "@/lib/workspace/queries";
import { callRoute } from "./api";
import { changedTables, fingerprintDatabase, type DatabaseFingerprint } from "./fingerprint";
import { withTestDatabase } from "./test-db";
import { displaySafe } from "@/lib/text/display-safe";
import { answerFieldName } from "@/lib/responses/survey-form-fields";

/*
 * Property-based fuzzing of every write endpoint a respondent or an editor can reach. For any body —
 * random values, malformed JSON, wrong types, out-of-range numbers, control characters, huge strings,
 * real ids mixed with made-up ones — the answer is never a 5xx, a refusal is a 4xx with a readable
 * message, and a refused request leaves every table exactly as it was (row counts and an md5 of the rows).
 */
const db = withTestDatabase();

// About 100–200 runs a property; variants of an endpoint already fuzzed and the clustering run get fewer.
const RUNS = { submission: 200, valid: 100, public: 100, authoring: 100, variant: 50, expensive: 25 };

const ids = {
  editor: "",
  owner: "",
  team: "",
  openSurvey: "",
  token: "",
  teamToken: "",
  frictionToken: "",
  draftSurvey: "",
  draftQuestions: [] as string[],
  statusSurvey: "",
  dimension: "",
  map: "",
  steps: [] as string[],
  workflow: "",
  items: [] as string[],
  frictionEntry: 0,
};
let questions: RespondentSurvey["questions"] = [];

// ── Arbitraries ──────────────────────────────────────────────────────────────────────────────

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const oddChar = fc.constantFrom(
  "\u0000",
  "\u202e",
  "\ufeff",
  "\u2028",
  "\u00e9",
  "\u{1F984}",
  "<",
  ">",
  "'",
  '"',
  "\\",
  "%",
  "\u0301",
  "\u7f6e",
);
const unicodeText = fc.string({
  unit: fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), controlChar, loneSurrogate, oddChar),
  maxLength: 40,
});

const nastyString = fc.oneof(
  unicodeText,
  // Weighted up: the classic edge values should come up for every field within a hundred runs.
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "NaN",
      "Infinity",
      "-Infinity",
      "-0",
      "1e309",
      "0x10",
      "",
      " ",
      "\t\n",
      "null",
      "undefined",
      "true",
      "[]",
      "{}",
      "2026-Q5",
      "2026-Q0",
      "1999-Q1",
      "2026-02-30",
      "9999-99-99",
      "0000-01-01",
      "2026-04-31",
      "2025-02-29",
      "00000000-0000-0000-0000-000000000000",
      "__proto__",
      "constructor",
      "' or 1=1 --",
      "\u0000",
      "a\u0000b",
      "<script>alert(1)</script>",
      '=HYPERLINK("x")',
    ),
  },
  fc.uuid(),
  fc.integer({ min: 200, max: 20_000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 260_000, max: 300_000 }).map((n) => "y".repeat(n)),
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    -1,
    0,
    0.5,
    1.5,
    -0.0001,
    1e-40,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 63),
    1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER,
    525_601,
    100_001,
  ),
);
const deepValue = fc.integer({ min: 10, max: 2000 }).map((n) => {
  let v: unknown = "bottom";
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  fc.boolean(),
  fc.constant(null),
  fc.anything({ maxDepth: 3 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
  deepValue,
);

type Body = { raw: string; label: string };
const raw = (value: unknown, label: string): Body => ({ raw: JSON.stringify(value) ?? "", label });

type Valid = () => Record<string, unknown>;

/** A valid body with one to three fields replaced by nasty values, removed, or added. */
function mutated(valid: Valid): fc.Arbitrary<Body> {
  const keys = Object.keys(valid());
  const key = keys.length
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...keys) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      )
    : fc.string({ maxLength: 12 });
  const edit = fc.tuple(
    key,
    fc.oneof(
      { weight: 5, arbitrary: nastyValue.map((v) => ({ set: v })) },
      { weight: 1, arbitrary: fc.constant({ remove: true as const }) },
    ),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const body: Record<string, unknown> = { ...valid() };
    for (const [k, e] of edits) {
      if ("remove" in e) delete body[k];
      else body[k] = e.set;
    }
    return raw(body, "mutated");
  });
}

/** Text that is not the JSON the endpoint expects: broken syntax, duplicate keys, wrong top-level shapes. */
function malformed(valid: Valid): fc.Arbitrary<Body> {
  const text = () => JSON.stringify(valid());
  return fc.oneof(
    fc.nat().map((n) => ({ raw: text().slice(0, n % Math.max(1, text().length)), label: "truncated" })),
    fc
      .constantFrom(
        "",
        " ",
        "{",
        "}",
        "[",
        "null",
        "true",
        "0",
        '"x"',
        "{'a':1}",
        '{"a":NaN}',
        '{"a":1,}',
        "[1,2",
        "\ufeff{}",
        "{/*c*/}",
        "undefined",
        "\u0000",
      )
      .map((r) => ({ raw: r, label: "literal" })),
    fc.string({ maxLength: 60 }).map((r) => ({ raw: r, label: "string" })),
    fc
      .tuple(fc.constantFrom(...(Object.keys(valid()).length ? Object.keys(valid()) : ["x"])), nastyValue, fc.boolean())
      .map(([k, v, last]) => {
        const dup = `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`;
        const t = text();
        return {
          raw: last
            ? `${t.slice(0, -1)}${t.length > 2 ? "," : ""}${dup}}`
            : `{${dup}${t.length > 2 ? "," : ""}${t.slice(1)}`,
          label: "duplicate key",
        };
      }),
    fc.constant(0).map(() => raw([valid()], "array instead of object")),
    fc.integer({ min: 1, max: 20_000 }).map((n) => ({ raw: "[".repeat(n) + "]".repeat(n), label: "deep array" })),
    fc
      .integer({ min: 1, max: 5_000 })
      .map((n) => ({ raw: '{"a":'.repeat(n) + "1" + "}".repeat(n), label: "deep object" })),
    fc.json().map((r) => ({ raw: r, label: "json" })),
  );
}

function bodies(valid: Valid): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 4, arbitrary: mutated(valid) },
    { weight: 2, arbitrary: malformed(valid) },
    { weight: 1, arbitrary: fc.anything().map((x) => raw(x, "anything")) },
    { weight: 1, arbitrary: fc.constant(0).map(() => raw(valid(), "valid")) },
  );
}

/** Mostly the real id, sometimes an unknown uuid or garbage. */
const idOr = (real: () => string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(0).map(() => real()) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: nastyString.filter((x) => x.length < 2000) },
  );

// ── The invariant ────────────────────────────────────────────────────────────────────────────

let known: DatabaseFingerprint | null = null;
const fingerprint = () => fingerprintDatabase(db.handle().db);

type Reply = { status: number; json: any };

function expectReadableRefusal(res: Reply, context: string) {
  expect(res.status, context).toBeGreaterThanOrEqual(400);
  expect(res.status, context).toBeLessThan(500);
  const message = res.json?.error?.message;
  expect(typeof message, `${context}: ${JSON.stringify(res.json)?.slice(0, 300)}`).toBe("string");
  expect(message.trim().length, context).toBeGreaterThan(3);
  expect(message, context).not.toMatch(
    /\bat .*\.(ts|js):\d+|TypeError|ReferenceError|undefined is not|syntax error at or near|violates .* constraint/,
  );
}

/** Sends one request and checks the invariant; returns the reply so a property can check more. */
async function checkSafe(send: () => Promise<Reply>, context: string): Promise<Reply> {
  known ??= await fingerprint();
  const res = await send();
  expect(res.status, `${context} → ${JSON.stringify(res.json)?.slice(0, 300)}`).toBeLessThan(500);
  const after = await fingerprint();
  if (res.status >= 400) {
    expectReadableRefusal(res, context);
    expect(changedTables(known, after), `${context}: a refused request changed the database`).toEqual([]);
  } else {
    expect(res.status, context).toBeGreaterThanOrEqual(200);
  }
  known = after;
  return res;
}

const ctx = (label: string, body: Body, params?: Record<string, string>) =>
  `${label}: ${body.label} ${body.raw.length > 300 ? `${body.raw.slice(0, 200)}…(${body.raw.length} chars)` : body.raw} ${params ? JSON.stringify(params).slice(0, 200) : ""}`;

let ipCounter = 0;
const nextIp = () => {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

// ── Fixture: one of everything, kept small so each fingerprint is a few milliseconds ─────────

beforeAll(async () => {
  const d = db.handle().db;
  await d.insert(s.workspaceSettings).values({ id: 1, anonymityThreshold: 5 }).onConflictDoNothing();
  ids.editor = (
    await createUser({
      name: "Fuzz Editor",
      email: "fuzz-editor@example.com",
      password: "long-enough-pass",
      role: "editor",
    })
  ).id;
  ids.owner = (
    await createUser({
      name: "Fuzz Owner",
      email: "fuzz-owner@example.com",
      password: "long-enough-pass",
      role: "owner",
    })
  ).id;
  ids.team = (await createTeam({ input: { name: "Payments", headcount: 10, onPlatform: true } })).id;

  const create = async (period: string) => {
    const res = await callRoute(createSurveyRoute, {
      body: { templateId: "quarterly-dx", period },
      userId: ids.editor,
    });
    expect(res.status).toBe(201);
    return res.json.survey.id as string;
  };
  ids.openSurvey = await create("2026-Q3");
  await createTeamLinks({ surveyId: ids.openSurvey });
  const links = await listSurveyLinks({ surveyId: ids.openSurvey });
  ids.token = links.find((l) => !l.teamId)!.token;
  ids.teamToken = links.find((l) => l.teamId === ids.team)!.token;
  expect(
    (await callRoute(statusRoute, { params: { id: ids.openSurvey }, body: { status: "open" }, userId: ids.editor }))
      .status,
  ).toBe(200);
  questions = (await getRespondentSurvey({ token: ids.token }))!.questions;

  ids.draftSurvey = await create("2026-Q4");
  ids.draftQuestions = (await getSurveyWithQuestions({ id: ids.draftSurvey }))!.questions.map((q) => q.id);
  ids.statusSurvey = await create("2027-Q1");

  ids.dimension = (await createCustomDimension({ input: { name: "Deploys", description: "" } })).id;
  ids.map = (
    await createJourneyMap({
      input: { name: "Ship a service", workflow: "", persona: "", maturityNow: 0, maturityTarget: 3 },
    })
  ).id;
  const stepInput = {
    ...stepDefaults,
    path: "current" as const,
    minutes: 10,
    pain: "high" as const,
    loadType: "extraneous" as const,
    loadLevel: 3,
    tools: 1,
  };
  await addJourneyStep({ mapId: ids.map, input: { ...stepInput, name: "Request a pipeline" } });
  await addJourneyStep({ mapId: ids.map, input: { ...stepInput, name: "Wait for review" } });
  ids.steps = (await getJourneyMap({ id: ids.map }))!.steps.map((x) => x.id);
  ids.workflow = (await createWorkflow({ input: { name: "Fuzz workflow", targetMinutes: 30 } })).id;

  const link = await ensureFrictionLink({ teamId: ids.team });
  ids.frictionToken = link.token;
  for (const text of ["Staging is down again", "Waiting for a review takes days"]) {
    expect(
      (await callRoute(frictionRoute, { params: { token: link.token }, body: { text }, client: nextIp() })).status,
    ).toBe(201);
  }
  const entries = await selectRows<{ id: number }>(d, sql`select id from friction_entries order by id`);
  ids.frictionEntry = Number(entries[0].id);
  const items = await d
    .insert(s.backlogItems)
    .values([
      { scope: "friction", label: "Staging environments", terms: ["staging"] },
      { scope: "friction", label: "Code review waits", terms: ["review"] },
    ])
    .returning();
  ids.items = items.map((i) => i.id);
  await d.insert(s.themeMembers).values(
    entries.map((e, i) => ({
      backlogItemId: ids.items[i],
      sourceId: `f:${e.id}`,
      frictionEntryId: Number(e.id),
      similarity: 0.9,
    })),
  );
  known = await fingerprint();
});

// ── Submission ───────────────────────────────────────────────────────────────────────────────

const submit = (body: Body, token = ids.token) =>
  callRoute(submitRoute, { method: "POST", params: { token }, rawBody: body.raw, client: nextIp() });

function validValueFor(q: RespondentSurvey["questions"][number]): fc.Arbitrary<unknown> {
  switch (q.kind) {
    case "likert":
      return fc.integer({ min: 1, max: 5 });
    case "nps":
      return fc.integer({ min: 0, max: 10 });
    case "single_choice":
      return fc.constantFrom(...q.options!.map((o) => o.id));
    case "multiple_choice":
      return fc.subarray(
        q.options!.map((o) => o.id),
        { minLength: 1 },
      );
    default:
      // Printable text without control characters, so the stored value is the trimmed input less its
      // bidirectional and zero-width characters (lib/text/display-safe.ts).
      return fc
        .string({
          unit: fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), oddChar),
          minLength: 1,
          maxLength: q.maxLength ?? 1000,
        })
        .map((t) => t.replace(/[\u0000-\u001F\u007F]/g, "").slice(0, q.maxLength ?? 1000))
        .filter((t) => displaySafe(t).trim().length > 0);
  }
}

const idempotencyKey = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);

const validSubmission = () =>
  fc
    .tuple(
      idempotencyKey,
      fc.tuple(
        ...questions.map((q) =>
          q.required ? validValueFor(q) : fc.option(validValueFor(q), { nil: undefined, freq: 3 }),
        ),
      ),
      fc.boolean(),
    )
    .chain(([key, values, shuffle]) => {
      const answers = questions.flatMap((q, i) =>
        values[i] === undefined ? [] : [{ questionId: q.id, value: values[i] }],
      );
      return (
        shuffle
          ? fc.shuffledSubarray(answers, { minLength: answers.length, maxLength: answers.length })
          : fc.constant(answers)
      ).map((a) => ({ idempotencyKey: key, answers: a }));
    });

async function storedAnswers(key: string) {
  return selectRows<{
    question_id: string;
    number_value: number | null;
    choice_values: string[] | null;
    text_value: string | null;
  }>(
    db.handle().db,
    sql`select a.question_id, a.number_value, a.choice_values, a.text_value from submission_keys k join answers a on a.response_id = k.response_id
        where k.key_hash = ${hashSubmissionKey(ids.openSurvey, key)} order by a.question_id`,
  );
}

async function countRows() {
  const [r] = await selectRows<{ responses: number; answers: number; keys: number }>(
    db.handle().db,
    sql`select (select count(*)::int from responses) as responses, (select count(*)::int from answers) as answers, (select count(*)::int from submission_keys) as keys`,
  );
  return { responses: Number(r.responses), answers: Number(r.answers), keys: Number(r.keys) };
}

describe("fuzzing the public submission endpoint", () => {
  const validBody = () => ({
    idempotencyKey: "fuzz-valid-key-0000000000",
    answers: questions.map((q) => ({ questionId: q.id, value: q.kind === "nps" ? 9 : q.kind === "likert" ? 4 : null })),
  });

  it("random and malformed bodies: never a 5xx, refusals are readable 4xx and store nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          malformed(validBody),
          fc.anything().map((x) => raw(x, "anything")),
          mutated(validBody),
        ),
        async (body) => {
          // A valid body may slip through ("mutated" can leave it intact): that is a 2xx and allowed.
          await checkSafe(() => submit(body), ctx("submit", body));
        },
      ),
      { numRuns: RUNS.submission },
    );
  });

  it("well-formed envelopes with wrong answers: real ids mixed with made-up ones, wrong types, out-of-range values", async () => {
    const questionId = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...questions.map((q) => q.id)) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: nastyString },
    );
    const answer = fc.oneof(
      { weight: 6, arbitrary: fc.record({ questionId, value: fc.oneof(nastyValue, ...questions.map(validValueFor)) }) },
      {
        weight: 1,
        arbitrary: fc.record({ questionId, value: fc.oneof(nastyValue, fc.constant(undefined)) }, { requiredKeys: [] }),
      },
      { weight: 1, arbitrary: nastyValue },
    );
    const envelope = fc.record(
      {
        idempotencyKey: fc.oneof({ weight: 5, arbitrary: idempotencyKey }, { weight: 1, arbitrary: nastyValue }),
        answers: fc.oneof(
          { weight: 6, arbitrary: fc.array(answer, { maxLength: 14 }) },
          { weight: 1, arbitrary: nastyValue },
          { weight: 1, arbitrary: fc.array(answer, { minLength: 201, maxLength: 210 }) },
        ),
        extra: nastyValue,
      },
      { requiredKeys: ["idempotencyKey", "answers"] },
    );
    const schema = buildSubmissionSchema(questions);
    await fc.assert(
      fc.asyncProperty(envelope, fc.constantFrom("token", "teamToken"), async (body, which) => {
        const before = await countRows();
        const sent = raw(body, "envelope");
        const res = await checkSafe(() => submit(sent, ids[which]), ctx("submit", sent));
        const parsed = schema.safeParse(JSON.parse(sent.raw));
        if (res.status === 201) {
          // The oracle is the survey's own validator: what it accepts is stored once, with every answer.
          expect(parsed.success).toBe(true);
          expect(await countRows()).toEqual({
            responses: before.responses + 1,
            answers: before.answers + parsed.data!.answers.length,
            keys: before.keys + 1,
          });
        } else if (res.status === 200) {
          expect(res.json.duplicate).toBe(true);
          expect(await countRows()).toEqual(before);
        } else {
          expect(parsed.success, `refused a body the validator accepts: ${sent.raw.slice(0, 300)}`).toBe(false);
        }
      }),
      { numRuns: RUNS.submission },
    );
  });

  it("the form posted without JavaScript: random fields never cause a 5xx and refused forms store nothing", async () => {
    const field = fc.tuple(
      fc.oneof(
        fc.constantFrom("idempotencyKey", ...questions.map((q) => answerFieldName(q.id))),
        fc.string({ maxLength: 20 }),
      ),
      fc.oneof(
        nastyString.filter((x) => x.length < 5000),
        fc.integer({ min: -5, max: 15 }).map(String),
        idempotencyKey,
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(field, { maxLength: 20 }), async (fields) => {
        const before = await countRows();
        const res = await callRoute(formSubmitRoute, {
          method: "POST",
          params: { token: ids.token },
          rawBody: new URLSearchParams(fields).toString(),
          headers: { "content-type": "application/x-www-form-urlencoded" },
          client: nextIp(),
        });
        const after = await countRows();
        // Refused answers come back as the form itself (422); anything else redirects.
        if (res.status === 422) {
          expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
          expect(after).toEqual(before);
          known = await fingerprint();
          return;
        }
        expect(res.status).toBe(303);
        const location = new URL(res.headers.get("location")!, "http://localhost");
        if (location.searchParams.get("error") !== null) {
          expect(location.searchParams.get("error")!.trim().length).toBeGreaterThan(3);
          expect(after).toEqual(before);
        } else {
          expect(location.searchParams.get("sent")).toBe("1");
          expect(after.responses - before.responses).toBeLessThanOrEqual(1);
        }
        known = await fingerprint();
      }),
      { numRuns: RUNS.public },
    );
  });

  it("the friction log: random bodies never cause a 5xx and refusals store nothing", async () => {
    const valid = () => ({ text: "The staging database is always full" });
    await fc.assert(
      fc.asyncProperty(
        bodies(valid),
        fc.oneof(
          { weight: 8, arbitrary: fc.constant("real") },
          { weight: 1, arbitrary: fc.constant("survey") },
          { weight: 1, arbitrary: nastyString.filter((x) => x.length < 100) },
        ),
        async (body, which) => {
          const token = which === "real" ? ids.frictionToken : which === "survey" ? ids.token : which;
          await checkSafe(
            () => callRoute(frictionRoute, { method: "POST", params: { token }, rawBody: body.raw, client: nextIp() }),
            ctx("friction", body, { token }),
          );
        },
      ),
      { numRuns: RUNS.public },
    );
  });
});

// ── Authoring ────────────────────────────────────────────────────────────────────────────────

type Endpoint = {
  name: string;
  handler: RouteHandler;
  method: string;
  params?: () => fc.Arbitrary<Record<string, string>>;
  valid: Valid;
  user?: () => string;
  runs?: number;
};

const question = {
  key: "fuzz_choice",
  kind: "single_choice",
  prompt: "Which?",
  options: [
    { id: "a", label: "A" },
    { id: "b", label: "B" },
  ],
  dimension: null,
};
const step = {
  path: "current",
  name: "Fuzzed step",
  minutes: 12,
  pain: "medium",
  loadType: "extraneous",
  loadLevel: 3,
  tools: 2,
  concepts: 1,
  configFiles: 1,
  people: 0,
  dashboards: 0,
  docs: 1,
  notes: "",
};

const endpoints: Endpoint[] = [
  {
    name: "POST /api/surveys",
    handler: createSurveyRoute,
    method: "POST",
    valid: () => ({ templateId: "quarterly-dx", period: "2026-Q3", title: "Fuzz" }),
  },
  {
    name: "POST /api/surveys (copy)",
    handler: createSurveyRoute,
    method: "POST",
    valid: () => ({ copyFromSurveyId: ids.openSurvey, period: "2027-Q2" }),
    runs: RUNS.variant,
  },
  {
    name: "PATCH /api/surveys/:id",
    handler: patchSurveyRoute,
    method: "PATCH",
    params: () => idOr(() => ids.draftSurvey).map((id) => ({ id })),
    valid: () => ({
      title: "Q4 survey",
      intro: "Hello",
      period: "2026-Q4",
      opensOn: "2026-10-01",
      closesOn: "2026-12-01",
    }),
  },
  {
    name: "POST /api/surveys/:id/questions",
    handler: addQuestionRoute,
    method: "POST",
    params: () => idOr(() => ids.draftSurvey).map((id) => ({ id })),
    valid: () => ({ ...question }),
  },
  {
    name: "POST /api/surveys/:id/questions (published survey)",
    runs: RUNS.variant,
    handler: addQuestionRoute,
    method: "POST",
    params: () => fc.constant(0).map(() => ({ id: ids.openSurvey })),
    valid: () => ({ ...question, key: "late_question" }),
  },
  {
    name: "PATCH /api/surveys/:id/questions/:questionId",
    handler: patchQuestionRoute,
    method: "PATCH",
    params: () =>
      fc.record({
        id: idOr(() => ids.draftSurvey),
        questionId: fc.oneof(
          fc.constantFrom(...ids.draftQuestions),
          fc.constantFrom(...questions.map((q) => q.id)),
          fc.uuid(),
        ),
      }),
    valid: () => ({ prompt: "Reworded", helpText: "", required: true }),
  },
  {
    name: "PATCH /api/surveys/:id/questions/:questionId (published survey)",
    runs: RUNS.variant,
    handler: patchQuestionRoute,
    method: "PATCH",
    params: () =>
      fc.constantFrom(...questions.map((q) => q.id)).map((questionId) => ({ id: ids.openSurvey, questionId })),
    valid: () => ({ prompt: "Reworded live", kind: "likert" }),
  },
  {
    name: "PUT /api/surveys/:id/questions/order",
    handler: reorderQuestionsRoute,
    method: "PUT",
    params: () => idOr(() => ids.draftSurvey).map((id) => ({ id })),
    valid: () => ({ questionIds: [...ids.draftQuestions].reverse() }),
  },
  {
    name: "PUT /api/surveys/:id/questions/order (mixed ids)",
    runs: RUNS.variant,
    handler: reorderQuestionsRoute,
    method: "PUT",
    params: () => fc.constant(0).map(() => ({ id: ids.draftSurvey })),
    valid: () => ({ questionIds: [...ids.draftQuestions.slice(1), questions[0].id] }),
  },
  {
    name: "POST /api/surveys/:id/status",
    handler: statusRoute,
    method: "POST",
    params: () => idOr(() => ids.statusSurvey).map((id) => ({ id })),
    valid: () => ({ status: "open" }),
  },
  {
    name: "POST /api/surveys/:id/links",
    handler: linksRoute,
    method: "POST",
    params: () => idOr(() => ids.openSurvey).map((id) => ({ id })),
    valid: () => ({ teamIds: [ids.team] }),
  },
  {
    name: "POST /api/teams",
    handler: createTeamRoute,
    method: "POST",
    valid: () => ({ name: "Platform", headcount: 7, onPlatform: true, effectivePeriod: "2026-Q3" }),
  },
  {
    name: "PATCH /api/teams/:id",
    handler: patchTeamRoute,
    method: "PATCH",
    params: () => idOr(() => ids.team).map((id) => ({ id })),
    valid: () => ({ name: "Payments", headcount: 12, onPlatform: false, effectivePeriod: "2026-Q4" }),
  },
  {
    name: "POST /api/dimensions",
    handler: createDimensionRoute,
    method: "POST",
    valid: () => ({ name: "Docs", description: "Finding answers" }),
  },
  {
    name: "PATCH /api/dimensions/:id",
    handler: patchDimensionRoute,
    method: "PATCH",
    params: () => idOr(() => ids.dimension).map((id) => ({ id })),
    valid: () => ({ name: "Deploys", description: "" }),
  },
  {
    name: "POST /api/journeys",
    handler: createMapRoute,
    method: "POST",
    valid: () => ({ name: "Onboard", workflow: "Day one", persona: "New hire", maturityNow: 1, maturityTarget: 3 }),
  },
  {
    name: "PATCH /api/journeys/:id",
    handler: patchMapRoute,
    method: "PATCH",
    params: () => idOr(() => ids.map).map((id) => ({ id })),
    valid: () => ({ name: "Ship a service", maturityNow: 2 }),
  },
  {
    name: "POST /api/journeys/:id/steps",
    handler: addStepRoute,
    method: "POST",
    params: () => idOr(() => ids.map).map((id) => ({ id })),
    valid: () => ({ ...step }),
  },
  {
    name: "PATCH /api/journeys/:id/steps/:stepId",
    handler: patchStepRoute,
    method: "PATCH",
    params: () => fc.record({ id: idOr(() => ids.map), stepId: idOr(() => ids.steps[0]) }),
    valid: () => ({ name: "Request a pipeline", minutes: 30, loadLevel: 4, counterpartStepId: null, outcome: null }),
  },
  {
    name: "PUT /api/journeys/:id/steps/order",
    handler: reorderStepsRoute,
    method: "PUT",
    params: () => idOr(() => ids.map).map((id) => ({ id })),
    valid: () => ({ path: "current", stepIds: [...ids.steps].reverse() }),
  },
  {
    name: "POST /api/journeys/:id/steps/:stepId/themes",
    handler: linkThemeRoute,
    method: "POST",
    params: () => fc.record({ id: idOr(() => ids.map), stepId: idOr(() => ids.steps[1]) }),
    valid: () => ({ backlogItemId: ids.items[0], status: "accepted" }),
  },
  {
    name: "POST /api/workflows",
    handler: createWorkflowRoute,
    method: "POST",
    valid: () => ({ name: "Rollback", targetMinutes: 5 }),
  },
  {
    name: "PATCH /api/workflows/:id",
    handler: patchWorkflowRoute,
    method: "PATCH",
    params: () => idOr(() => ids.workflow).map((id) => ({ id })),
    valid: () => ({ name: "Fuzz workflow", targetMinutes: 45 }),
  },
  {
    name: "PUT /api/workflows/:id/timings/:period",
    handler: timingRoute,
    method: "PUT",
    params: () =>
      fc.record({
        id: idOr(() => ids.workflow),
        period: fc.oneof(
          { weight: 4, arbitrary: fc.constant("2026-Q3") },
          { weight: 1, arbitrary: nastyString.filter((x) => x.length < 100) },
        ),
      }),
    valid: () => ({ measurementsMinutes: [10, 12.5, 11], notes: "" }),
  },
  {
    name: "PATCH /api/backlog/items/:id",
    handler: patchItemRoute,
    method: "PATCH",
    params: () => idOr(() => ids.items[0]).map((id) => ({ id })),
    valid: () => ({ customLabel: "Staging", effort: "M", status: "planned", owner: "Platform", notes: "" }),
  },
  {
    name: "POST /api/backlog/items/:id/merge",
    handler: mergeRoute,
    method: "POST",
    params: () => idOr(() => ids.items[1]).map((id) => ({ id })),
    valid: () => ({ targetId: ids.items[1] }),
  },
  {
    name: "POST /api/backlog/items/:id/move",
    handler: moveRoute,
    method: "POST",
    params: () => idOr(() => ids.items[0]).map((id) => ({ id })),
    valid: () => ({ memberIds: ["00000000-0000-4000-8000-000000000000"], newLabel: "Split theme" }),
  },
  {
    name: "PATCH /api/backlog/thresholds",
    handler: thresholdsRoute,
    method: "PATCH",
    valid: () => ({ frequencyThreshold: 0.2, impactThreshold: 0.5 }),
  },
  {
    name: "PATCH /api/settings (owner)",
    handler: settingsRoute,
    method: "PATCH",
    user: () => ids.owner,
    valid: () => ({ name: "Fuzz workspace", anonymityThreshold: 5 }),
  },
  {
    name: "POST /api/backlog/build",
    handler: buildRoute,
    method: "POST",
    valid: () => ({ scope: "survey:" + ids.openSurvey, k: 2 }),
    runs: RUNS.expensive,
  },
];

describe("fuzzing the authoring endpoints as an editor", () => {
  for (const endpoint of endpoints) {
    it(`${endpoint.name}: never a 5xx; refusals are readable 4xx and change nothing`, async () => {
      const params = endpoint.params ? fc.constant(0).chain(() => endpoint.params!()) : fc.constant(undefined);
      await fc.assert(
        fc.asyncProperty(bodies(endpoint.valid), params, async (body, p) => {
          await checkSafe(
            () =>
              callRoute(endpoint.handler, {
                method: endpoint.method,
                params: p,
                rawBody: body.raw,
                userId: endpoint.user?.() ?? ids.editor,
              }),
            ctx(endpoint.name, body, p),
          );
        }),
        { numRuns: endpoint.runs ?? RUNS.authoring },
      );
    });
  }
});

// Last, so the rows it stores do not slow the fingerprints of the properties above.
describe("valid submissions", () => {
  let keyCounter = 0;
  it("valid random submissions are always accepted and stored exactly once with all their answers", async () => {
    await fc.assert(
      fc.asyncProperty(validSubmission(), fc.constantFrom("token", "teamToken"), async (generated, which) => {
        // fast-check repeats small strings across runs; a reused key would rightly be a duplicate.
        const body = { ...generated, idempotencyKey: `${generated.idempotencyKey}-${++keyCounter}` };
        const before = await countRows();
        const res = await submit(raw(body, "valid"), ids[which]);
        expect(res.status, JSON.stringify(res.json)).toBe(201);
        const stored = await storedAnswers(body.idempotencyKey);
        const expected = body.answers
          .map((a) => {
            const q = questions.find((x) => x.id === a.questionId)!;
            const v = a.value;
            return {
              question_id: a.questionId,
              number_value: typeof v === "number" ? v : null,
              choice_values: q.kind === "single_choice" ? [v] : q.kind === "multiple_choice" ? v : null,
              text_value: q.kind === "free_text" ? displaySafe(String(v)).trim() : null,
            };
          })
          .sort((a, b) => (a.question_id < b.question_id ? -1 : 1));
        expect(
          stored.map((r) => ({ ...r, number_value: r.number_value === null ? null : Number(r.number_value) })),
        ).toEqual(expected);
        expect(await countRows()).toEqual({
          responses: before.responses + 1,
          answers: before.answers + expected.length,
          keys: before.keys + 1,
        });
        // A retry of the same submission (lost acknowledgement) is acknowledged and not stored again.
        const retry = await submit(raw(body, "retry"), ids[which]);
        expect(retry.status).toBe(200);
        expect(retry.json.duplicate).toBe(true);
        expect(await countRows()).toEqual({
          responses: before.responses + 1,
          answers: before.answers + expected.length,
          keys: before.keys + 1,
        });
      }),
      { numRuns: RUNS.valid },
    );
    known = await fingerprint();
  });
});
