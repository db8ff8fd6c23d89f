// Imports through their routes on both engines: past survey results (preview, errors by line and
// column, all-or-nothing, stored rows carrying nothing identifying, the quarter in the NPS and
// dimension trends) and feedback notes clustered into the backlog alone and with survey answers.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as dimensionsRoute } from "@/app/api/analytics/dimensions/route";
import { GET as npsRoute } from "@/app/api/analytics/nps/route";
import { GET as backlogRoute } from "@/app/api/backlog/route";
import { POST as notesImportRoute } from "@/app/api/imports/notes/import/route";
import { DELETE as deleteNoteRoute } from "@/app/api/imports/notes/[id]/route";
import { GET as notesRoute, POST as addNoteRoute } from "@/app/api/imports/notes/route";
import { POST as importRoute } from "@/app/api/imports/surveys/route";
import { createUser } from "@/lib/auth/queries";
import { buildBacklog } from "@/lib/backlog/queries";
import { NOTES_SCOPE, quartersWithNotesScope } from "@/lib/backlog/scope";
import { selectRows } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { createSurvey } from "@/lib/surveys/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { TEAM_COLUMN } from "./constants";

const db = withTestDatabase();
let editor = "";
let viewer = "";
let source = "";
const PAST = "2025-Q4";

const count = async (table: string) =>
  Number((await selectRows<{ n: number }>(db.handle().db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n);

// A form tool's export: a timestamp, a name and an email beside the answers, none of which may be stored.
const header = "Timestamp,Full name,Email,Team,platform_nps,Cognitive load,Frustration";
const people = [
  ["Payments", 10, "Strongly agree", "Builds on CI are slow and flaky"],
  ["Payments", 9, "Agree", "CI builds take forever"],
  ["Payments", 9, "Agree", ""],
  ["Payments", 6, "Disagree", "Slow CI builds block my merges"],
  ["Payments", 8, "Agree", ""],
  ["Search", 3, "Strongly disagree", "Too many YAML files to deploy"],
  ["Search", 10, "Agree", "Deploy config is confusing"],
  ["Search", 7, "Neither agree nor disagree", ""],
  ["Search", 9, "Agree", ""],
  ["Search", 2, "Disagree", "Deploys need three YAML files"],
] as const;
const rows = people.map(
  ([team, nps, load, text], i) =>
    `2025-11-0${(i % 9) + 1} 14:${10 + i}:07,Person ${i},person${i}@corp.example,${team},${nps},${load},${text}`,
);
const file = (...extra: string[]) => [header, ...rows, ...extra].join("\n");
const columns = {
  Team: TEAM_COLUMN,
  platform_nps: "platform_nps",
  "Cognitive load": "cognitive_load",
  Frustration: "frustration",
};
const target = () => ({ kind: "copy", copyFromSurveyId: source, period: PAST });

beforeAll(async () => {
  editor = (await createUser({ name: "Ed", email: "ed@example.com", password: "editor-password", role: "editor" })).id;
  viewer = (await createUser({ name: "Vi", email: "vi@example.com", password: "viewer-password", role: "viewer" })).id;
  await db
    .handle()
    .db.insert(teams)
    .values([{ name: "Payments" }, { name: "Search" }]);
  source = (await createSurvey({ input: { templateId: "quarterly-dx", period: "2026-Q1" }, userId: editor })).id;
});

describe("importing past survey results", () => {
  it("previews the suggested mapping and the first rows as stored, storing nothing", async () => {
    const res = await callRoute(importRoute, { body: { csv: file(), target: target() }, userId: editor });
    expect(res.status).toBe(200);
    // By key or prompt, and the team column: the timestamp, name and email are never suggested.
    expect(res.json.columns).toEqual(columns);
    expect(res.json).toMatchObject({ committed: false, surveyId: null, rows: 10, errorCount: 0 });
    expect(res.json.target).toEqual({ title: "Developer experience survey 2025-Q4", period: PAST });
    expect(await count("responses")).toBe(0);
    expect(await count("surveys")).toBe(1);
  });

  it("shows each mapped column's labels with their values", async () => {
    const res = await callRoute(importRoute, { body: { csv: file(), target: target(), columns }, userId: editor });
    const load = res.json.columnValues.find((c: { column: string }) => c.column === "Cognitive load");
    expect(load.values).toContainEqual({ raw: "Strongly agree", value: 5, count: 1, mapped: true });
    expect(load.values).toContainEqual({ raw: "Neither agree nor disagree", value: 3, count: 1, mapped: true });
    expect(res.json.preview[0]).toEqual({
      team: "Payments",
      answers: [
        { questionKey: "platform_nps", numberValue: 10, choiceValues: null, textValue: null },
        { questionKey: "cognitive_load", numberValue: 5, choiceValues: null, textValue: null },
        {
          questionKey: "frustration",
          numberValue: null,
          choiceValues: null,
          textValue: "Builds on CI are slow and flaky",
        },
      ],
    });
    expect(JSON.stringify(res.json)).not.toMatch(/corp\.example|Person 0|14:10/);
  });

  it("stores nothing when any row has an error, naming its line and column", async () => {
    const res = await callRoute(importRoute, {
      body: {
        csv: file("2025-11-30 09:00:00,X,x@corp.example,Nowhere,11,Sometimes,"),
        target: target(),
        columns,
        commit: true,
      },
      userId: editor,
    });
    expect(res.json.committed).toBe(false);
    expect(res.json.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [12, "Team"],
      [12, "platform_nps"],
      [12, "Cognitive load"],
    ]);
    expect(await count("surveys")).toBe(1);
    expect(await count("responses")).toBe(0);
  });

  it("refuses a quarter that is not over, and viewers", async () => {
    const now = { ...target(), period: "2099-Q1" };
    const future = await callRoute(importRoute, { body: { csv: file(), target: now, columns }, userId: editor });
    expect(future.status).toBe(422);
    expect(future.json.error.fieldErrors["target.period"]).toEqual(["Past results belong to a quarter that is over"]);
    const draft = await createSurvey({ input: { copyFromSurveyId: source, period: "2099-Q1" }, userId: editor });
    const refused = await callRoute(importRoute, {
      body: { csv: file(), target: { kind: "survey", surveyId: draft.id }, columns, commit: true },
      userId: editor,
    });
    expect(refused.status).toBe(409);
    expect((await callRoute(importRoute, { body: { csv: file(), target: target() }, userId: viewer })).status).toBe(
      403,
    );
    expect(await count("responses")).toBe(0);
  });

  it("stores every row in a closed survey of the quarter, with nothing identifying, and the quarter joins the trends", async () => {
    const res = await callRoute(importRoute, {
      body: { csv: file(), target: target(), columns, commit: true },
      userId: editor,
    });
    expect(res.json).toMatchObject({ committed: true, rows: 10, errorCount: 0 });
    const surveyId = res.json.surveyId;
    const [survey] = await selectRows<{ status: string; period: string }>(
      db.handle().db,
      sql`select status, period from surveys where id = ${surveyId}`,
    );
    expect(survey).toEqual({ status: "closed", period: PAST });
    // The stored rows: every response dated the quarter's first day, answers only the mapped values.
    const stored = await selectRows<Record<string, unknown>>(
      db.handle().db,
      sql`select r.*, r.submitted_on::text as day from responses r where r.survey_id = ${surveyId}`,
    );
    expect(stored).toHaveLength(10);
    expect(Object.keys(stored[0]).sort()).toEqual(["day", "id", "submitted_on", "survey_id", "team_id"]);
    expect(new Set(stored.map((r) => r.day))).toEqual(new Set(["2025-10-01"]));
    const everything = JSON.stringify(
      await selectRows(
        db.handle().db,
        sql`select a.* from answers a join responses r on r.id = a.response_id where r.survey_id = ${surveyId}`,
      ),
    );
    expect(everything).not.toMatch(/corp\.example|Person \d|2025-11|14:1\d/);
    expect(await count("answers")).toBe(10 + 10 + 6);

    const nps = await callRoute(npsRoute, { url: "http://localhost/api/analytics/nps?from=2025-Q1", userId: viewer });
    const point = nps.json.points.find((p: { period: string }) => p.period === PAST);
    // 5 promoters (10, 9, 9, 10, 9), 3 detractors (6, 3, 2) of 10: +20.
    expect(point).toMatchObject({ hidden: false, n: 10, promoters: 5, detractors: 3, score: 20 });
    const dims = await callRoute(dimensionsRoute, {
      url: "http://localhost/api/analytics/dimensions?from=2025-Q1",
      userId: viewer,
    });
    expect(dims.json.periods).toContain(PAST);
    const load = dims.json.dimensions.find((d: { key: string }) => d.key === "devex.cognitive_load");
    expect(load.points.find((p: { period: string }) => p.period === PAST)).toMatchObject({ hidden: false, n: 10 });

    // The survey now has responses: a second import into it is refused and stores nothing.
    const again = await callRoute(importRoute, {
      body: { csv: file(), target: { kind: "survey", surveyId }, columns, commit: true },
      userId: editor,
    });
    expect(again.status).toBe(409);
    expect(await count("responses")).toBe(10);
  });
});

describe("feedback notes as a backlog source", () => {
  const noteCsv = [
    "text,period,team,loop,asked_by",
    '"How do I get a faster local build?",2025-Q4,Payments,inner,ana@corp.example',
    '"Local build is slow after every checkout",2025-Q4,,inner,bo@corp.example',
    '"Why does the local build take so long?",2025-Q4,Search,inner,cy@corp.example',
  ].join("\n");

  it("imports a support channel's CSV all or nothing, dropping other columns", async () => {
    const bad = await callRoute(notesImportRoute, {
      body: { csv: `${noteCsv}\n"ok",2025-Q9,Nowhere,sideways,x`, commit: true },
      userId: editor,
    });
    expect(bad.json.committed).toBe(false);
    expect(bad.json.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [5, "period"],
      [5, "team"],
      [5, "loop"],
    ]);
    expect(await count("feedback_notes")).toBe(0);
    const preview = await callRoute(notesImportRoute, { body: { csv: noteCsv }, userId: editor });
    expect(preview.json).toMatchObject({ committed: false, rows: 3, errorCount: 0 });
    const res = await callRoute(notesImportRoute, { body: { csv: noteCsv, commit: true }, userId: editor });
    expect(res.json.committed).toBe(true);
    expect(JSON.stringify(await selectRows(db.handle().db, sql`select * from feedback_notes`))).not.toContain(
      "corp.example",
    );
  });

  it("editors add notes; viewers read them but cannot write", async () => {
    for (const text of [
      "Shadowed a dev: local build took 9 minutes",
      "Interview: slow local build kills flow",
      "Office hours: CI builds are slow",
    ]) {
      const res = await callRoute(addNoteRoute, {
        body: { text, source: "interview", period: PAST, loop: "inner", teamId: null },
        userId: editor,
      });
      expect(res.status).toBe(201);
    }
    const denied = await callRoute(addNoteRoute, {
      body: { text: "x", source: "interview", period: PAST },
      userId: viewer,
    });
    expect(denied.status).toBe(403);
    const list = await callRoute(notesRoute, { userId: viewer });
    expect(list.json.total).toBe(6);
    expect(list.json.notes.filter((n: { loop: string }) => n.loop === "inner")).toHaveLength(6);
    expect((await callRoute(notesRoute, {})).status).toBe(401);
  });

  it("clusters notes in their own scope and together with the quarter's survey answers", async () => {
    await buildBacklog({ scope: NOTES_SCOPE, k: 1 });
    const own = await selectRows<{ notes: number; answers: number }>(
      db.handle().db,
      sql`select count(m.feedback_note_id)::int as notes, count(m.answer_id)::int as answers
          from theme_members m join backlog_items b on b.id = m.backlog_item_id where b.scope = ${NOTES_SCOPE}`,
    );
    expect(own).toEqual([{ notes: 6, answers: 0 }]);
    const mixed = quartersWithNotesScope(PAST, PAST);
    await buildBacklog({ scope: mixed, k: 2 });
    const both = await selectRows<{ notes: number; answers: number }>(
      db.handle().db,
      sql`select count(m.feedback_note_id)::int as notes, count(m.answer_id)::int as answers
          from theme_members m join backlog_items b on b.id = m.backlog_item_id where b.scope = ${mixed}`,
    );
    expect(both).toEqual([{ notes: 6, answers: 6 }]);
    const view = await callRoute(backlogRoute, {
      url: `http://localhost/api/backlog?scope=${encodeURIComponent(mixed)}`,
      userId: viewer,
    });
    expect(view.status).toBe(200);
    // Ten respondents and six notes: each note counts as one person, like a friction entry.
    expect(view.json.items.length).toBeGreaterThan(0);

    // Deleting a note takes it out of its themes.
    const [{ id }] = await selectRows<{ id: number }>(
      db.handle().db,
      sql`select min(id)::int as id from feedback_notes`,
    );
    expect(
      (await callRoute(deleteNoteRoute, { method: "DELETE", params: { id: String(id) }, userId: editor })).status,
    ).toBe(200);
    const left = await selectRows<{ n: number }>(
      db.handle().db,
      sql`select count(*)::int as n from theme_members where feedback_note_id = ${id}`,
    );
    expect(left[0].n).toBe(0);
  });
});
