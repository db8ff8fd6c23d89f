// Over 400 lines on purpose: every way an invitation is made, used, refused and counted, against one database.
// Invite-only links against a real database (PGlite, and PostgreSQL with TEST_ENGINE=postgres): lists,
// single-use invitations, invite-only teams, and concurrent uses of one token storing one response.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as inviteOnlyRoute } from "@/app/api/teams/[id]/invite-only/route";
import { GET as getListRoute, PUT as saveListRoute } from "@/app/api/teams/[id]/invite-list/route";
import { POST as changeStatus } from "@/app/api/surveys/[id]/status/route";
import { POST as createSurveyRoute } from "@/app/api/surveys/route";
import { GET as openPage } from "@/app/s/[token]/route";
import { GET as invitePage } from "@/app/s/i/[token]/route";
import { POST as inviteForm } from "@/app/s/i/[token]/submit/route";
import { openDatabase, selectRows, type DatabaseHandle } from "@/lib/db/client";
import { env } from "@/lib/env";
import { countResponses, storeResponses } from "@/lib/responses/queries";
import { answerFieldName } from "@/lib/responses/survey-form-fields";
import { getResponseRates } from "@/lib/analytics/queries";
import { runJobsNow } from "@/lib/jobs/drain";
import {
  createTeamLinks,
  getRespondentSurvey,
  getSurveyLinkStats,
  listSurveyLinks,
  type RespondentSurvey,
} from "@/lib/surveys/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertTeams, seedWorkspace } from "@/lib/testing/workspace-fixture";
import openLink from "@/pages/api/s/[token]";
import inviteLink from "@/pages/api/s/i/[token]";
import { inviteCounts, issueInviteToken, pendingInvitees } from ".";
import { hashInviteToken } from "./token";

const db = withTestDatabase();
let users: Record<"editor" | "viewer", string>;
let teamIds: Record<string, string>;
let surveyId = "";
let questions: RespondentSurvey["questions"];
let ip = 0;
const extraHandles: DatabaseHandle[] = [];

const newKey = () => `test-${crypto.randomUUID()}`;
const client = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;
const answers = (of = questions) =>
  of.map((q) => ({
    questionId: q.id,
    value:
      q.kind === "likert"
        ? 4
        : q.kind === "nps"
          ? 9
          : q.kind === "single_choice"
            ? q.options![0].id
            : q.kind === "multiple_choice"
              ? [q.options![0].id]
              : "Builds are slow",
  }));
const submit = (token: string, idempotencyKey = newKey(), body?: unknown) =>
  callRoute(inviteLink, {
    method: "POST",
    params: { token },
    body: body ?? { idempotencyKey, answers: answers() },
    client: client(),
  });
const saveList = (team: string, text: string, userId = users.editor) =>
  callRoute(saveListRoute, { method: "PUT", params: { id: teamIds[team] }, body: { text }, userId });
const setInviteOnly = (team: string, inviteOnly: boolean) =>
  callRoute(inviteOnlyRoute, {
    method: "PUT",
    params: { id: teamIds[team] },
    body: { inviteOnly },
    userId: users.editor,
  });
const responsesOf = async (team: string) =>
  Number(
    (
      await selectRows<{ n: number }>(
        db.handle().db,
        sql`select count(*)::int as n from responses where team_id = ${teamIds[team]}`,
      )
    )[0].n,
  );
const inviteFor = async (email: string, survey = surveyId) => {
  const pending = await pendingInvitees(db.handle().db, survey);
  const invite = pending.find((p) => p.email === email);
  if (!invite) throw new Error(`${email} is not pending`);
  return { invite, token: (await issueInviteToken(db.handle().db, invite.inviteId))! };
};
const usedOf = async (inviteId: string) =>
  (await selectRows<{ used: boolean }>(db.handle().db, sql`select used from survey_invites where id = ${inviteId}`))[0]
    .used;

async function openSurvey(period: string) {
  const created = await callRoute(createSurveyRoute, {
    body: { templateId: "quarterly-dx", period },
    userId: users.editor,
  });
  expect(created.status).toBe(201);
  const id = created.json.survey.id as string;
  await createTeamLinks({ surveyId: id });
  const opened = await callRoute(changeStatus, { params: { id }, body: { status: "open" }, userId: users.editor });
  expect(opened.status).toBe(200);
  return id;
}

beforeAll(async () => {
  users = await seedWorkspace(db.handle().db, { anonymityThreshold: 5, roles: ["editor", "viewer"] });
  teamIds = await insertTeams(db.handle().db, [
    { name: "Payments", headcount: 9 },
    { name: "Search", headcount: 6 },
  ]);
  surveyId = await openSurvey("2026-Q3");
  const [link] = await listSurveyLinks({ surveyId });
  questions = (await getRespondentSurvey({ token: link.token }))!.questions;
});

afterAll(async () => {
  for (const handle of extraHandles) await handle.close();
});

describe("distribution lists", () => {
  it("saves a pasted list, merging duplicates case-insensitively, and says how many people it holds", async () => {
    const text =
      "email\nana@example.com\nBo <bo@example.com>\n\nANA@example.com\ncy@example.com, Cy Lee\nbo@EXAMPLE.com\n";
    const saved = await saveList("Payments", text);
    expect(saved.status).toBe(200);
    expect(saved.json.summary).toBe("3 people, 2 duplicates merged");
    expect(saved.json.list.emails).toEqual(["ana@example.com", "bo@example.com", "cy@example.com"]);
    const read = await callRoute(getListRoute, { params: { id: teamIds.Payments }, userId: users.editor });
    expect(read.json.list).toMatchObject({ people: 3, inviteOnly: false });
  });

  it("saves nothing when a line is not an address, and names every such line", async () => {
    const refused = await saveList("Payments", "dee@example.com\nnot-an-address\nana@example.com\nx@@y\n");
    expect(refused.status).toBe(422);
    expect(refused.json.error.fieldErrors.text).toEqual([
      "Line 2: “not-an-address” — no email address",
      "Line 4: “x@@y” — not a valid email address",
    ]);
    const read = await callRoute(getListRoute, { params: { id: teamIds.Payments }, userId: users.editor });
    expect(read.json.list.emails).toEqual(["ana@example.com", "bo@example.com", "cy@example.com"]);
  });

  it("is for editors only, and answers 404 for an unknown team", async () => {
    expect((await saveList("Payments", "eve@example.com", users.viewer)).status).toBe(403);
    expect((await callRoute(getListRoute, { params: { id: teamIds.Payments }, userId: users.viewer })).status).toBe(
      403,
    );
    const unknown = await callRoute(getListRoute, {
      params: { id: "00000000-0000-4000-8000-000000000000" },
      userId: users.editor,
    });
    expect(unknown.status).toBe(404);
  });
});

describe("single-use invitations", () => {
  it("store no time, no serial id and no reference to a response", async () => {
    const columns = await selectRows<{ column_name: string; data_type: string }>(
      db.handle().db,
      sql`select column_name, data_type from information_schema.columns where table_name = 'survey_invites' order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(["email", "id", "survey_id", "team_id", "token_hash", "used"]);
    expect(columns.find((c) => c.column_name === "id")!.data_type).toBe("uuid");
    expect(columns.some((c) => /time|date|serial|int/.test(c.data_type))).toBe(false);
  });

  it("invite each person on the list once, and count them per team", async () => {
    await saveList("Search", "sam@example.com\nsky@example.com");
    const first = await pendingInvitees(db.handle().db, surveyId);
    expect(first.map((p) => p.email).sort()).toEqual([
      "ana@example.com",
      "bo@example.com",
      "cy@example.com",
      "sam@example.com",
      "sky@example.com",
    ]);
    const again = await pendingInvitees(db.handle().db, surveyId, teamIds.Search);
    expect(again.map((p) => p.inviteId).sort()).toEqual(
      first
        .filter((p) => p.teamId === teamIds.Search)
        .map((p) => p.inviteId)
        .sort(),
    );
    const counts = await inviteCounts(db.handle().db, surveyId);
    expect(new Map(counts.map((c) => [c.teamId, c.invited]))).toEqual(
      new Map([
        [teamIds.Payments, 3],
        [teamIds.Search, 2],
      ]),
    );
  });

  it("open the survey once: the answer is stored under the team, the invitation marked used, and a reuse refused", async () => {
    const { invite, token } = await inviteFor("ana@example.com");
    const page = await callRoute(invitePage, { url: `http://localhost/s/i/${token}`, params: { token } });
    expect(page.status).toBe(200);
    expect(page.json).toContain(`action="/s/i/${token}/submit"`);
    expect(page.json).toContain(`data-api="/api/s/i/${token}"`);
    const survey = await callRoute(inviteLink, { params: { token } });
    expect(survey.status).toBe(200);
    expect(survey.json.team).toBe("Payments");

    const before = await responsesOf("Payments");
    const key = newKey();
    expect((await submit(token, key)).status).toBe(201);
    expect(await responsesOf("Payments")).toBe(before + 1);
    expect(await usedOf(invite.inviteId)).toBe(true);
    // The same send again (a retry) is the same answer; another one is refused and stores nothing.
    const retry = await submit(token, key);
    expect(retry.status).toBe(200);
    expect(retry.json.duplicate).toBe(true);
    const reuse = await submit(token);
    expect(reuse.status).toBe(410);
    expect(reuse.json.error.message).toMatch(/already been used/);
    expect(await responsesOf("Payments")).toBe(before + 1);
    const reusedPage = await callRoute(invitePage, { url: `http://localhost/s/i/${token}`, params: { token } });
    expect(reusedPage.status).toBe(410);
    expect(reusedPage.json).toContain("This invitation has already been used");
    expect((await callRoute(inviteLink, { params: { token } })).status).toBe(410);
    // Whoever answered is no longer pending (reminders skip them) and gets no new link.
    const pending = await pendingInvitees(db.handle().db, surveyId, teamIds.Payments);
    expect(pending.map((p) => p.email)).not.toContain("ana@example.com");
    expect(await issueInviteToken(db.handle().db, invite.inviteId)).toBeNull();
  });

  it("works through the form without JavaScript, then shows the thank-you and refuses the link", async () => {
    const { invite, token } = await inviteFor("bo@example.com");
    const form = new URLSearchParams({ idempotencyKey: newKey() });
    questions.forEach((q, i) => {
      const value = answers()[i].value;
      form.set(answerFieldName(q.id), Array.isArray(value) ? value[0] : String(value));
    });
    const posted = await callRoute(inviteForm, {
      method: "POST",
      url: `http://localhost/s/i/${token}/submit`,
      params: { token },
      rawBody: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      client: client(),
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe(`/s/i/${token}?sent=1`);
    expect(await usedOf(invite.inviteId)).toBe(true);
    const again = await callRoute(inviteForm, {
      method: "POST",
      url: `http://localhost/s/i/${token}/submit`,
      params: { token },
      rawBody: new URLSearchParams({ ...Object.fromEntries(form), idempotencyKey: newKey() }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      client: client(),
    });
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(`/s/i/${token}?error=gone`);
  });

  it("only the latest link sent works, and unknown tokens get a clear 404", async () => {
    const pending = await pendingInvitees(db.handle().db, surveyId, teamIds.Search);
    const sam = pending.find((p) => p.email === "sam@example.com")!;
    const older = (await issueInviteToken(db.handle().db, sam.inviteId))!;
    const newer = (await issueInviteToken(db.handle().db, sam.inviteId))!;
    expect(newer).not.toBe(older);
    expect(newer).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stale = await callRoute(invitePage, { url: `http://localhost/s/i/${older}`, params: { token: older } });
    expect(stale.status).toBe(404);
    expect(stale.json).toContain("only the latest one works");
    expect((await submit(older)).status).toBe(404);
    for (const token of ["nope", "x".repeat(43)]) expect((await submit(token)).status).toBe(404);
    // Only the hash is stored.
    const rows = await selectRows<{ token_hash: string }>(
      db.handle().db,
      sql`select token_hash from survey_invites where id = ${sam.inviteId}`,
    );
    expect(rows[0].token_hash).toBe(hashInviteToken(newer));
    expect(JSON.stringify(rows)).not.toContain(newer);
  });

  it("stores nothing and keeps the invitation for a refused submission", async () => {
    const { invite, token } = await inviteFor("cy@example.com");
    const before = await countResponses();
    const bad = answers().map((a, i) => (i === 0 ? { ...a, value: "seven" } : a));
    const refused = await submit(token, newKey(), { idempotencyKey: newKey(), answers: bad });
    expect(refused.status).toBe(422);
    expect(await countResponses()).toEqual(before);
    expect(await usedOf(invite.inviteId)).toBe(false);
  });

  it("refuses answers once the survey has closed, without using the invitation", async () => {
    const closing = await openSurvey("2026-Q4");
    const { invite, token } = await inviteFor("sky@example.com", closing);
    const closed = await callRoute(changeStatus, {
      params: { id: closing },
      body: { status: "closed" },
      userId: users.editor,
    });
    expect(closed.status).toBe(200);
    const before = await countResponses();
    const refused = await submit(token);
    expect(refused.status).toBe(410);
    expect(refused.json.error.message).toMatch(/closed/);
    const page = await callRoute(invitePage, { url: `http://localhost/s/i/${token}`, params: { token } });
    expect(page.status).toBe(410);
    expect(page.json).toContain("This survey is closed");
    expect(await countResponses()).toEqual(before);
    expect(await usedOf(invite.inviteId)).toBe(false);
  });
});

describe("invite-only teams", () => {
  it("refuse answers through the team's shared link, with a clear page, while invitations work", async () => {
    const teamLink = (await listSurveyLinks({ surveyId })).find((l) => l.teamId === teamIds.Search)!.token;
    const postOpen = () =>
      callRoute(openLink, {
        method: "POST",
        params: { token: teamLink },
        body: { idempotencyKey: newKey(), answers: answers() },
        client: client(),
      });
    expect((await postOpen()).status).toBe(201);
    const set = await setInviteOnly("Search", true);
    expect(set.status).toBe(200);
    expect(set.json.list.inviteOnly).toBe(true);

    const before = await responsesOf("Search");
    const refused = await postOpen();
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/personal invitation/);
    expect((await callRoute(openLink, { params: { token: teamLink } })).status).toBe(403);
    const page = await callRoute(openPage, { url: `http://localhost/s/${teamLink}`, params: { token: teamLink } });
    expect(page.status).toBe(403);
    expect(page.json).toContain("This team answers by personal invitation");
    expect(page.json).not.toContain("<form");
    expect(await responsesOf("Search")).toBe(before);

    const pending = await pendingInvitees(db.handle().db, surveyId, teamIds.Search);
    const token = (await issueInviteToken(db.handle().db, pending[0].inviteId))!;
    expect((await submit(token)).status).toBe(201);
    expect(await responsesOf("Search")).toBe(before + 1);

    expect((await setInviteOnly("Search", false)).status).toBe(200);
    expect((await postOpen()).status).toBe(201);
  });
});

describe("concurrent uses of one invitation", () => {
  it("store exactly one response when the same token is sent many times at once", async () => {
    await saveList("Payments", "ana@example.com\nbo@example.com\ncy@example.com\nrace@example.com");
    const { invite, token } = await inviteFor("race@example.com");
    const before = await countResponses();
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(token)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 410, 410, 410, 410, 410, 410, 410]);
    expect((await countResponses()).responses).toBe(before.responses + 1);
    expect(await usedOf(invite.inviteId)).toBe(true);
  });

  it("store one response across separate connections (instances), each its own transaction", async () => {
    await saveList("Payments", "ana@example.com\nbo@example.com\ncy@example.com\nrace@example.com\nrace2@example.com");
    const { token } = await inviteFor("race2@example.com");
    const url = db.url();
    // On PostgreSQL, six pools as six instances would have; on PGlite the one embedded database.
    for (let i = 0; i < 6 && url; i++) extraHandles.push(await openDatabase({ url, migrate: false }));
    const connections = url ? extraHandles.map((h) => h.db) : Array.from({ length: 6 }, () => db.handle().db);
    const pending = (key: string) => ({
      surveyId,
      teamId: teamIds.Payments,
      keyHash: `race-${key}`,
      inviteHash: hashInviteToken(token),
      answers: [{ questionId: questions[0].id, numberValue: 9, choiceValues: null, textValue: null }],
    });
    const before = await countResponses();
    const results = await Promise.all(connections.map((c, i) => storeResponses([pending(String(i))], c)));
    expect(results.flat().filter((r) => r !== null)).toHaveLength(1);
    expect((await countResponses()).responses).toBe(before.responses + 1);
  });

  // Two connections at once need a server: PGlite is one connection, where the test above covers the batch.
  if (env.TEST_ENGINE === "postgres")
    it("a use that waits on another instance's uncommitted use stores nothing once that one commits", async () => {
      await saveList("Payments", "ana@example.com\nbo@example.com\ncy@example.com\nrace@example.com\nwait@example.com");
      const { invite, token } = await inviteFor("wait@example.com");
      const [holder, waiter] = extraHandles;
      const before = await countResponses();
      let stored: unknown;
      await holder.db.transaction(async (tx) => {
        await tx.execute(sql`update survey_invites set used = true where id = ${invite.inviteId}`);
        const waiting = storeResponses(
          [
            {
              surveyId,
              teamId: teamIds.Payments,
              keyHash: `wait-${newKey()}`,
              inviteHash: hashInviteToken(token),
              answers: [{ questionId: questions[0].id, numberValue: 9, choiceValues: null, textValue: null }],
            },
          ],
          waiter.db,
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        stored = waiting;
      });
      expect(await stored).toEqual([null]);
      expect((await countResponses()).responses).toBe(before.responses);
    });
});

describe("exact response rates", () => {
  it("divide an invite-only team's shown count by the people it invited, and show nothing per team under k", async () => {
    const rated = await openSurvey("2027-Q1");
    await saveList("Search", Array.from({ length: 8 }, (_, i) => `s${i}@example.com`).join("\n"));
    expect((await setInviteOnly("Search", true)).status).toBe(200);
    const people = await pendingInvitees(db.handle().db, rated, teamIds.Search);
    expect(people).toHaveLength(8);
    const link = (await listSurveyLinks({ surveyId: rated }))[0];
    const ratedQuestions = (await getRespondentSurvey({ token: link.token }))!.questions;
    const answer = async (count: number, from: number) => {
      for (const p of people.slice(from, from + count)) {
        const token = (await issueInviteToken(db.handle().db, p.inviteId))!;
        const body = { idempotencyKey: newKey(), answers: answers(ratedQuestions) };
        expect((await submit(token, undefined, body)).status).toBe(201);
      }
    };
    const searchRow = async () =>
      (await getSurveyLinkStats({ surveyId: rated, showTokens: false })).links.find(
        (l) => l.teamId === teamIds.Search,
      )!;
    await answer(3, 0);
    // Collecting, 3 of 8 under k = 5: no count, no rate.
    expect(await searchRow()).toMatchObject({ inviteOnly: true, invited: 8, responses: null, responseRate: null });
    await answer(3, 3);
    // 6 answered: the count in steps of k ("5+"), the rate from that count.
    expect(await searchRow()).toMatchObject({ invited: 8, responses: { n: 5, atLeast: true }, responseRate: 5 / 8 });
    const collecting = await getResponseRates({ filter: { from: "2027-Q1", to: "2027-Q1" } });
    expect(collecting.surveys.find((x) => x.surveyId === rated)!.teams).toEqual([]);

    const closed = await callRoute(changeStatus, {
      params: { id: rated },
      body: { status: "closed" },
      userId: users.editor,
    });
    expect(closed.status).toBe(200);
    const rates = await getResponseRates({ filter: { from: "2027-Q1", to: "2027-Q1" } });
    const search = rates.surveys.find((x) => x.surveyId === rated)!.teams.find((t) => t.teamId === teamIds.Search)!;
    expect(search).toMatchObject({ headcount: 6, invited: 8, value: { hidden: false, n: 6, rate: 6 / 8 } });
    expect((await setInviteOnly("Search", false)).status).toBe(200);
  });
});

describe("closing a survey", () => {
  it("rewrites its invitations in one transaction, so no system column ties a used mark to its response", async () => {
    const closing = await openSurvey("2027-Q2");
    const link = (await listSurveyLinks({ surveyId: closing }))[0];
    const closingQuestions = (await getRespondentSurvey({ token: link.token }))!.questions;
    const people = await pendingInvitees(db.handle().db, closing, teamIds.Payments);
    for (const p of people.slice(0, 2)) {
      const token = (await issueInviteToken(db.handle().db, p.inviteId))!;
      expect(
        (await submit(token, undefined, { idempotencyKey: newKey(), answers: answers(closingQuestions) })).status,
      ).toBe(201);
    }
    const writers = async (table: "responses" | "survey_invites") =>
      (
        await selectRows<{ xmin: string }>(
          db.handle().db,
          sql`select xmin::text as xmin from ${sql.raw(table)} where survey_id = ${closing}`,
        )
      ).map((r) => r.xmin);
    // While open, each used mark was written by the transaction that stored its response.
    const responseWriters = await writers("responses");
    expect((await writers("survey_invites")).filter((x) => responseWriters.includes(x))).toHaveLength(2);

    const closed = await callRoute(changeStatus, {
      params: { id: closing },
      body: { status: "closed" },
      userId: users.editor,
    });
    expect(closed.status).toBe(200);
    await runJobsNow({ kinds: ["survey.close"] });
    const after = await writers("survey_invites");
    expect(after).toHaveLength(people.length);
    expect(new Set(after).size).toBe(1);
    expect(after.filter((x) => responseWriters.includes(x))).toEqual([]);
    const used = await selectRows<{ n: number }>(
      db.handle().db,
      sql`select count(*)::int as n from survey_invites where survey_id = ${closing} and used`,
    );
    expect(Number(used[0].n)).toBe(2);
  });
});
