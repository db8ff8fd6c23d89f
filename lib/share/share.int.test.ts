import { beforeAll, describe, expect, it } from "vitest";
import { GET as resultsRoute } from "@/app/api/analytics/surveys/[surveyId]/route";
import { GET as npsRoute } from "@/app/api/analytics/nps/route";
import { GET as dimensionsRoute } from "@/app/api/analytics/dimensions/route";
import { GET as doraRoute } from "@/app/api/analytics/dora/route";
import { GET as ratesRoute } from "@/app/api/analytics/response-rates/route";
import { GET as teamsRoute } from "@/app/api/analytics/teams/route";
import { GET as driversRoute } from "@/app/api/analytics/surveys/[surveyId]/drivers/route";
import { GET as sharedDimensions } from "@/app/api/share/[token]/dimensions/route";
import { GET as sharedDora } from "@/app/api/share/[token]/dora/route";
import { GET as sharedRates } from "@/app/api/share/[token]/response-rates/route";
import { GET as sharedTeams } from "@/app/api/share/[token]/teams/route";
import { GET as sharedDrivers } from "@/app/api/share/[token]/surveys/[surveyId]/drivers/route";
import { GET as sharedMeta } from "@/app/api/share/[token]/meta/route";
import { GET as sharedNps } from "@/app/api/share/[token]/nps/route";
import { GET as sharedComments } from "@/app/api/share/[token]/surveys/[surveyId]/comments/route";
import { GET as sharedResults } from "@/app/api/share/[token]/surveys/[surveyId]/route";
import { DELETE as revokeRoute } from "@/app/api/share-links/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/share-links/route";
import * as s from "@/lib/db/schema";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertClosedSurvey, insertTeams, npsAndSatisfaction, seedWorkspace } from "@/lib/testing/workspace-fixture";
import { eq } from "drizzle-orm";
import { countShareView, findShareLink } from "./queries";

const db = withTestDatabase();
const ids = { owner: "", editor: "", viewer: "", survey: "", other: "", why: "", teams: {} as Record<string, string> };
const SECRET = "the deploy bot leaks tokens";

beforeAll(async () => {
  const d = db.handle().db;
  Object.assign(ids, await seedWorkspace(d, { anonymityThreshold: 5, roles: ["owner", "editor", "viewer"] }));
  ids.teams = await insertTeams(d, [
    { name: "Alpha", headcount: 20, onPlatform: true },
    { name: "Tiny", headcount: 3, onPlatform: false },
  ]);
  const { surveyId, questions } = await insertClosedSurvey(d, "2026-Q2", [
    ...npsAndSatisfaction,
    { key: "why", kind: "free_text", prompt: "Why?" },
  ]);
  ids.survey = surveyId;
  ids.other = (await insertClosedSurvey(d, "2026-Q1", npsAndSatisfaction)).surveyId;
  const q = Object.fromEntries(questions.map((x) => [x.key, x.id]));
  ids.why = q.why;
  for (const [team, n] of [
    ["Alpha", 12],
    ["Tiny", 2],
  ] as const) {
    const rows = await d
      .insert(s.responses)
      .values(Array.from({ length: n }, () => ({ surveyId, teamId: ids.teams[team], submittedOn: "2026-05-01" })))
      .returning();
    await d.insert(s.answers).values(
      rows.flatMap((r, i) => [
        { responseId: r.id, questionId: q.platform_nps, numberValue: i % 11 },
        { responseId: r.id, questionId: q.sat, numberValue: 1 + (i % 5) },
        { responseId: r.id, questionId: q.why, textValue: SECRET },
      ]),
    );
  }
});

const create = (body: Record<string, unknown>, userId = ids.editor) => callRoute(createRoute, { userId, body });
const tokenOf = (path: string) => path.split("/").at(-1)!;
const results = (token: string, surveyId = ids.survey, query = "") =>
  callRoute(sharedResults, {
    params: { token, surveyId },
    url: `http://localhost/api/share/${token}/surveys/${surveyId}${query}`,
  });

describe("share links", () => {
  it("lets editors and owners create links, not viewers; stores only a hash of a high-entropy token", async () => {
    expect((await create({ target: "overview" }, ids.viewer)).status).toBe(403);
    const { status, json } = await create({ target: "survey", surveyId: ids.survey }, ids.owner);
    expect(status).toBe(201);
    const token = tokenOf(json.path);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(json.link).toMatchObject({ state: "active", includeFreeText: false, views: 0, surveyTitle: "DX 2026-Q2" });
    const days = (Date.parse(json.link.expiresAt) - Date.parse(json.link.createdAt)) / 86_400_000;
    expect(days).toBe(30);
    const rows = await db.handle().db.select().from(s.shareLinks);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await create({ target: "overview", days: 181 })).status).toBe(422);
    expect((await create({ target: "survey" })).status).toBe(422);
  });

  it("shows a survey exactly as a signed-in viewer sees it, without free text unless chosen", async () => {
    const { json } = await create({ target: "survey", surveyId: ids.survey });
    const token = tokenOf(json.path);
    for (const query of ["", `?team=${ids.teams.Tiny}`, `?team=${ids.teams.Alpha}`]) {
      const shared = await results(token, ids.survey, query);
      const signedIn = await callRoute(resultsRoute, {
        userId: ids.viewer,
        params: { surveyId: ids.survey },
        url: `http://localhost/api/analytics/surveys/${ids.survey}${query}`,
      });
      expect(shared.status).toBe(200);
      expect(shared.json).toEqual(signedIn.json);
    }
    const comments = await callRoute(sharedComments, {
      params: { token, surveyId: ids.survey },
      url: `http://localhost/api/share/${token}/surveys/${ids.survey}/comments?question=${ids.why}`,
    });
    expect(comments.status).toBe(404);
    expect(JSON.stringify(comments.json)).not.toContain(SECRET);
    // A survey link opens its survey only: not another survey, not the overview's trends.
    expect((await results(token, ids.other)).status).toBe(404);
    expect((await callRoute(sharedNps, { params: { token } })).status).toBe(404);
    expect((await callRoute(sharedMeta, { params: { token } })).status).toBe(200);
    const drivers = await callRoute(sharedDrivers, { params: { token, surveyId: ids.survey } });
    const own = await callRoute(driversRoute, { userId: ids.viewer, params: { surveyId: ids.survey } });
    expect(drivers.status).toBe(200);
    expect(drivers.json).toEqual(own.json);
  });

  it("includes written answers (of groups of at least k) only when the link says so", async () => {
    const { json } = await create({ target: "survey", surveyId: ids.survey, includeFreeText: true });
    const token = tokenOf(json.path);
    const url = (team = "") =>
      `http://localhost/api/share/${token}/surveys/${ids.survey}/comments?question=${ids.why}${team}`;
    const all = await callRoute(sharedComments, { params: { token, surveyId: ids.survey }, url: url() });
    expect(all.status).toBe(200);
    expect(all.json.comments.total).toBe(14);
    const tiny = await callRoute(sharedComments, {
      params: { token, surveyId: ids.survey },
      url: url(`&team=${ids.teams.Tiny}`),
    });
    expect(tiny.json.comments.hidden).toBe(true);
  });

  it("serves the overview's figures as the dashboard does", async () => {
    const { json } = await create({ target: "overview", days: 7 });
    const token = tokenOf(json.path);
    const pairs = [
      [sharedNps, npsRoute],
      [sharedDimensions, dimensionsRoute],
      [sharedTeams, teamsRoute],
      [sharedRates, ratesRoute],
      [sharedDora, doraRoute],
    ] as const;
    for (const [sharedRoute, signedInRoute] of pairs) {
      const shared = await callRoute(sharedRoute, { params: { token } });
      const signedIn = await callRoute(signedInRoute, { userId: ids.viewer });
      expect(shared.status).toBe(200);
      expect(shared.json).toEqual(signedIn.json);
    }
    expect((await results(token)).status).toBe(404);
  });

  it("counts views without recording who looked, and answers 410 once revoked or expired", async () => {
    const { json } = await create({ target: "survey", surveyId: ids.survey });
    const token = tokenOf(json.path);
    await countShareView({ id: json.link.id });
    await countShareView({ id: json.link.id });
    expect((await findShareLink({ token }))?.views).toBe(2);

    expect(
      (await callRoute(revokeRoute, { method: "DELETE", params: { id: json.link.id }, userId: ids.viewer })).status,
    ).toBe(403);
    const revoked = await callRoute(revokeRoute, {
      method: "DELETE",
      params: { id: json.link.id },
      userId: ids.editor,
    });
    expect(revoked.json.link.state).toBe("revoked");
    expect((await results(token)).status).toBe(410);
    expect((await callRoute(sharedMeta, { params: { token } })).status).toBe(410);

    const later = await create({ target: "survey", surveyId: ids.survey, days: 1 });
    const laterToken = tokenOf(later.json.path);
    expect((await results(laterToken)).status).toBe(200);
    await db
      .handle()
      .db.update(s.shareLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(s.shareLinks.id, later.json.link.id));
    expect((await results(laterToken)).status).toBe(410);
    expect((await findShareLink({ token: laterToken }))?.state).toBe("expired");

    const list = await callRoute(listRoute, { userId: ids.editor });
    const states = Object.fromEntries(list.json.links.map((l: { id: string; state: string }) => [l.id, l.state]));
    expect(states[json.link.id]).toBe("revoked");
    expect(states[later.json.link.id]).toBe("expired");
    expect((await results("A".repeat(43))).status).toBe(404);
  });
});
