import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import surveyLink from "@/pages/api/s/[token]";
import {
  DELETE as deleteQuestionRoute,
  PATCH as patchQuestion,
} from "@/app/api/surveys/[id]/questions/[questionId]/route";
import { PUT as reorderRoute } from "@/app/api/surveys/[id]/questions/order/route";
import { POST as addQuestionRoute } from "@/app/api/surveys/[id]/questions/route";
import { GET as linksRoute, POST as createLinksRoute } from "@/app/api/surveys/[id]/links/route";
import { GET as qrRoute } from "@/app/api/surveys/[id]/links/[linkId]/qr/route";
import { DELETE as deleteSurveyRoute, GET as getSurveyRoute, PATCH as patchSurvey } from "@/app/api/surveys/[id]/route";
import { POST as statusRoute } from "@/app/api/surveys/[id]/status/route";
import { GET as listSurveysRoute, POST as createSurveyRoute } from "@/app/api/surveys/route";
import { POST as createTeamRoute } from "@/app/api/teams/route";
import { PATCH as patchTeamRoute } from "@/app/api/teams/[id]/route";
import { DELETE as deleteDimensionRoute, PATCH as patchDimensionRoute } from "@/app/api/dimensions/[id]/route";
import { GET as dimensionsRoute, POST as createDimensionRoute } from "@/app/api/dimensions/route";
import { createUser } from "@/lib/auth/queries";
import { selectRows } from "@/lib/db/client";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { listWordingChanges } from "./queries";

const db = withTestDatabase();
let editor = "";
let viewer = "";

const as = (userId: string) => ({
  get: (h: any, params: Record<string, string> = {}) => callRoute(h, { method: "GET", params, userId }),
  post: (h: any, params: Record<string, string>, body: unknown) =>
    callRoute(h, { method: "POST", params, body, userId }),
  patch: (h: any, params: Record<string, string>, body: unknown) =>
    callRoute(h, { method: "PATCH", params, body, userId }),
  put: (h: any, params: Record<string, string>, body: unknown) => callRoute(h, { method: "PUT", params, body, userId }),
  del: (h: any, params: Record<string, string>) => callRoute(h, { method: "DELETE", params, userId }),
});
const count = async (table: string) =>
  Number((await selectRows<{ n: number }>(db.handle().db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n);

beforeAll(async () => {
  editor = (await createUser({ name: "Ed", email: "ed@example.com", password: "long-enough-pass", role: "editor" })).id;
  viewer = (await createUser({ name: "Vi", email: "vi@example.com", password: "long-enough-pass", role: "viewer" })).id;
});

describe("survey authoring", () => {
  let q2Id = "";
  let q3Id = "";

  it("creates a draft from a template with a public link; viewers cannot", async () => {
    expect((await as(viewer).post(createSurveyRoute, {}, { templateId: "dora", period: "2026-Q2" })).status).toBe(403);
    const bad = await as(editor).post(createSurveyRoute, {}, { templateId: "nope", period: "Q2" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(["period", "templateId"]);
    expect(await count("surveys")).toBe(0);

    const res = await as(editor).post(createSurveyRoute, {}, { templateId: "quarterly-dx", period: "2026-Q2" });
    expect(res.status).toBe(201);
    expect(res.json.survey).toMatchObject({
      status: "draft",
      period: "2026-Q2",
      title: "Developer experience survey 2026-Q2",
    });
    q2Id = res.json.survey.id;
    const full = await as(viewer).get(getSurveyRoute, { id: q2Id });
    expect(full.json.questions).toHaveLength(14);
    const links = await as(editor).get(linksRoute, { id: q2Id });
    expect(links.json.links).toHaveLength(1);
    // A draft's count is "fewer than k", never 0 or 1: counts under k are never shown.
    expect(links.json.links[0]).toMatchObject({ teamId: null, responses: null });
    const list = await as(viewer).get(listSurveysRoute);
    expect(list.json.surveys[0]).toMatchObject({ id: q2Id, questionCount: 14, responses: null });
  });

  it("adds, edits, reorders and deletes questions in a draft, validating each field", async () => {
    const invalid = await as(editor).post(
      addQuestionRoute,
      { id: q2Id },
      { key: "Bad Key", kind: "single_choice", prompt: "", options: [{ id: "a", label: "A" }] },
    );
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.json.error.fieldErrors).sort()).toEqual(["key", "prompt"]);
    const oneOption = await as(editor).post(
      addQuestionRoute,
      { id: q2Id },
      { key: "env", kind: "single_choice", prompt: "Env?", options: [{ id: "a", label: "A" }] },
    );
    expect(oneOption.status).toBe(422);
    expect(oneOption.json.error.fieldErrors.options).toBeDefined();
    const dupKey = await as(editor).post(
      addQuestionRoute,
      { id: q2Id },
      { key: "deploy_ease", kind: "likert", prompt: "Again?" },
    );
    expect(dupKey.status).toBe(422);
    expect(dupKey.json.error.fieldErrors.key).toBeDefined();
    const badDim = await as(editor).post(
      addQuestionRoute,
      { id: q2Id },
      { key: "docs_find", kind: "likert", prompt: "Docs?", dimension: "made.up" },
    );
    expect(badDim.json.error.fieldErrors.dimension).toBeDefined();

    const added = await as(editor).post(
      addQuestionRoute,
      { id: q2Id },
      {
        key: "tools_used",
        kind: "multiple_choice",
        prompt: "Which tools do you use?",
        options: [
          { id: "k8s", label: "Kubernetes" },
          { id: "tf", label: "Terraform" },
        ],
        dimension: "space.activity",
      },
    );
    expect(added.status).toBe(201);
    expect(added.json.question).toMatchObject({ position: 14, maxLength: null, required: false });

    const edited = await as(editor).patch(
      patchQuestion,
      { id: q2Id, questionId: added.json.question.id },
      { prompt: "Which tools do you use weekly?", required: true },
    );
    expect(edited.status).toBe(200);
    expect(edited.json.question).toMatchObject({ prompt: "Which tools do you use weekly?", required: true });

    const ids: string[] = (await as(editor).get(getSurveyRoute, { id: q2Id })).json.questions.map(
      (q: { id: string }) => q.id,
    );
    const reversed = [...ids].reverse();
    expect((await as(editor).put(reorderRoute, { id: q2Id }, { questionIds: reversed.slice(1) })).status).toBe(422);
    expect((await as(editor).put(reorderRoute, { id: q2Id }, { questionIds: reversed })).status).toBe(200);
    const after = (await as(editor).get(getSurveyRoute, { id: q2Id })).json.questions.map((q: { id: string }) => q.id);
    expect(after).toEqual(reversed);

    expect((await as(editor).del(deleteQuestionRoute, { id: q2Id, questionId: added.json.question.id })).status).toBe(
      200,
    );
    expect((await as(editor).get(getSurveyRoute, { id: q2Id })).json.questions).toHaveLength(14);
  });

  it("validates survey details and dates", async () => {
    const bad = await as(editor).patch(patchSurvey, { id: q2Id }, { opensOn: "2026-05-10", closesOn: "2026-05-01" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fieldErrors.closesOn).toBeDefined();
    const ok = await as(editor).patch(
      patchSurvey,
      { id: q2Id },
      { title: "DX 2026-Q2", opensOn: "2026-04-01", closesOn: null },
    );
    expect(ok.json.survey).toMatchObject({ title: "DX 2026-Q2", opensOn: "2026-04-01", closesOn: null });
    const later = await as(editor).patch(patchSurvey, { id: q2Id }, { closesOn: "2026-03-01" });
    expect(later.status).toBe(422);
  });

  it("moves through draft → open → closed → open only", async () => {
    expect((await as(editor).post(statusRoute, { id: q2Id }, { status: "closed" })).status).toBe(409);
    expect((await as(editor).post(statusRoute, { id: q2Id }, { status: "open" })).json.survey.status).toBe("open");
    expect((await as(editor).post(statusRoute, { id: q2Id }, { status: "draft" })).status).toBe(409);
    // A published survey's structure is locked; wording and archiving still work.
    const anyQuestion = (await as(editor).get(getSurveyRoute, { id: q2Id })).json.questions.find(
      (q: any) => q.kind === "likert",
    );
    expect(
      (await as(editor).post(addQuestionRoute, { id: q2Id }, { key: "late", kind: "likert", prompt: "Late?" })).status,
    ).toBe(409);
    expect(
      (await as(editor).patch(patchQuestion, { id: q2Id, questionId: anyQuestion.id }, { kind: "free_text" })).status,
    ).toBe(409);
    expect((await as(editor).del(deleteSurveyRoute, { id: q2Id })).status).toBe(409);
  });

  it("keeps every question of a survey that has responses: delete is refused, archive works", async () => {
    const { links } = (await as(editor).get(linksRoute, { id: q2Id })).json;
    const { questions } = (await as(editor).get(getSurveyRoute, { id: q2Id })).json;
    const required = questions.filter((q: any) => q.required);
    const answers = required.map((q: any) => ({ questionId: q.id, value: q.kind === "nps" ? 8 : 3 }));
    const sent = await callRoute(surveyLink, {
      method: "POST",
      params: { token: links[0].token },
      body: { idempotencyKey: "authoring-test-key-1", answers },
    });
    expect(sent.status).toBe(201);
    const target = questions.find((q: any) => q.key === "protect");
    const before = await count("questions");
    const refused = await as(editor).del(deleteQuestionRoute, { id: q2Id, questionId: target.id });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/archive/);
    expect(await count("questions")).toBe(before);
    const archived = await as(editor).patch(patchQuestion, { id: q2Id, questionId: target.id }, { archived: true });
    expect(archived.json.question.archivedAt).not.toBeNull();
    const links2 = (await as(editor).get(linksRoute, { id: q2Id })).json.links;
    // One response is under k: the link shows no count, and the viewer sees no token.
    expect(links2[0].responses).toBeNull();
    const asViewer = (await as(viewer).get(linksRoute, { id: q2Id })).json;
    expect(asViewer.links[0].token).toBeNull();
    expect(JSON.stringify(asViewer)).not.toContain(links2[0].token);
  });

  it("copies last quarter keeping keys; rewording is recorded, a kind change is refused", async () => {
    const res = await as(editor).post(createSurveyRoute, {}, { copyFromSurveyId: q2Id, period: "2026-Q3" });
    expect(res.status).toBe(201);
    q3Id = res.json.survey.id;
    expect(res.json.survey).toMatchObject({ title: "DX 2026-Q3", copiedFromSurveyId: q2Id, status: "draft" });
    const { questions } = (await as(editor).get(getSurveyRoute, { id: q3Id })).json;
    // 14 template questions minus the archived one, in the order of last quarter.
    expect(questions).toHaveLength(13);
    expect(questions.map((q: any) => q.key)).not.toContain("protect");
    const nps = questions.find((q: any) => q.key === "platform_nps");

    const refused = await as(editor).patch(patchQuestion, { id: q3Id, questionId: nps.id }, { kind: "likert" });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fieldErrors.kind[0]).toMatch(/“NPS 0–10” in 2026-Q2/);
    const sneaky = await as(editor).post(
      addQuestionRoute,
      { id: q3Id },
      { key: "protect", kind: "nps", prompt: "Protect?" },
    );
    expect(sneaky.status).toBe(422);

    const reworded = await as(editor).patch(
      patchQuestion,
      { id: q3Id, questionId: nps.id },
      { prompt: "Would you recommend our platform to a friend on another team?" },
    );
    expect(reworded.status).toBe(200);
    const changes = await listWordingChanges({ surveyId: q3Id });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      questionId: nps.id,
      newPrompt: "Would you recommend our platform to a friend on another team?",
    });
    expect(changes[0].previousPrompt).toMatch(/recommend our internal developer platform/);
    // The editor reads them with the survey.
    const detail = (await as(editor).get(getSurveyRoute, { id: q3Id })).json;
    expect(detail.wordingChanges).toEqual([
      expect.objectContaining({ questionId: nps.id, previousPrompt: changes[0].previousPrompt }),
    ]);

    const copyMissing = await as(editor).post(
      createSurveyRoute,
      {},
      { copyFromSurveyId: crypto.randomUUID(), period: "2026-Q4" },
    );
    expect(copyMissing.status).toBe(422);
    const both = await as(editor).post(
      createSurveyRoute,
      {},
      { copyFromSurveyId: q2Id, templateId: "dora", period: "2026-Q4" },
    );
    expect(both.status).toBe(422);
  });

  it("deletes an unused draft", async () => {
    expect((await as(editor).del(deleteSurveyRoute, { id: q3Id })).status).toBe(200);
    expect((await as(editor).get(getSurveyRoute, { id: q3Id })).status).toBe(404);
  });
});

describe("teams, links and dimensions", () => {
  it("manages teams with dated on-platform changes, per-team links and QR codes", async () => {
    expect((await as(viewer).post(createTeamRoute, {}, { name: "Search", headcount: 12 })).status).toBe(403);
    const bad = await as(editor).post(createTeamRoute, {}, { name: "", headcount: -1 });
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(["headcount", "name"]);
    const team = (
      await as(editor).post(
        createTeamRoute,
        {},
        { name: "Search", headcount: 12, onPlatform: false, effectivePeriod: "2026-Q1" },
      )
    ).json.team;
    const dup = await as(editor).post(createTeamRoute, {}, { name: "search", headcount: 3 });
    expect(dup.status).toBe(409);
    expect(dup.json.error.fieldErrors.name).toBeDefined();

    const moved = await as(editor).patch(
      patchTeamRoute,
      { id: team.id },
      { onPlatform: true, effectivePeriod: "2026-Q2" },
    );
    expect(moved.json.team.onPlatform).toBe(true);
    const future = await as(editor).patch(
      patchTeamRoute,
      { id: team.id },
      { onPlatform: false, effectivePeriod: "2099-Q1" },
    );
    expect(future.json.team.onPlatform).toBe(true);
    const history = await selectRows<{ effective_period: string; on_platform: boolean }>(
      db.handle().db,
      sql`select effective_period, on_platform from team_platform_changes where team_id = ${team.id} order by effective_period`,
    );
    expect(history.map((h) => [h.effective_period, h.on_platform])).toEqual([
      ["2026-Q1", false],
      ["2026-Q2", true],
      ["2099-Q1", false],
    ]);

    const survey = (await as(editor).post(createSurveyRoute, {}, { templateId: "devex-pulse", period: "2026-Q4" })).json
      .survey;
    const created = await as(editor).post(createLinksRoute, { id: survey.id }, {});
    expect(created.status).toBe(201);
    expect(created.json.created).toBe(1);
    expect((await as(editor).post(createLinksRoute, { id: survey.id }, {})).json.created).toBe(0);
    const teamLink = created.json.links.find((l: any) => l.teamId === team.id);
    expect(teamLink).toMatchObject({ teamName: "Search", headcount: 12, responses: null, responseRate: null });
    const qr = await callRoute(qrRoute, {
      method: "GET",
      params: { id: survey.id, linkId: teamLink.id },
      userId: editor,
    });
    expect(qr.status).toBe(200);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(String(qr.json)).toContain("<svg");

    const archived = await as(editor).patch(patchTeamRoute, { id: team.id }, { archived: true });
    expect(archived.json.team.archivedAt).not.toBeNull();
  });

  it("creates a link for one team only, or for every team still without one", async () => {
    const team = async (name: string) =>
      (await as(editor).post(createTeamRoute, {}, { name, headcount: 8 })).json.team as { id: string };
    const billing = await team("Billing");
    const growth = await team("Growth");
    const gone = await team("Legacy");
    await as(editor).patch(patchTeamRoute, { id: gone.id }, { archived: true });
    const survey = (await as(editor).post(createSurveyRoute, {}, { templateId: "devex-pulse", period: "2027-Q1" })).json
      .survey;
    const teamLinks = async () =>
      ((await as(editor).get(linksRoute, { id: survey.id })).json.links as { teamId: string | null }[])
        .map((l) => l.teamId)
        .filter(Boolean);

    expect((await as(viewer).post(createLinksRoute, { id: survey.id }, { teamIds: [billing.id] })).status).toBe(403);
    const one = await as(editor).post(createLinksRoute, { id: survey.id }, { teamIds: [billing.id] });
    expect(one.status).toBe(201);
    expect(one.json.created).toBe(1);
    expect(await teamLinks()).toEqual([billing.id]);
    // Asking again for a team that has its link adds nothing.
    expect((await as(editor).post(createLinksRoute, { id: survey.id }, { teamIds: [billing.id] })).json.created).toBe(
      0,
    );

    for (const teamIds of [["00000000-0000-4000-8000-000000000000"], [gone.id]]) {
      const refused = await as(editor).post(createLinksRoute, { id: survey.id }, { teamIds });
      expect(refused.status).toBe(422);
      expect(refused.json.error.fieldErrors.teamIds).toEqual(["Unknown or archived team"]);
    }
    expect(await teamLinks()).toEqual([billing.id]);

    // "All teams" then fills in every active team without a link, and never the archived one.
    await as(editor).post(createLinksRoute, { id: survey.id }, {});
    const all = await teamLinks();
    expect(all).toContain(growth.id);
    expect(all).not.toContain(gone.id);
    expect(all.filter((id) => id === billing.id)).toHaveLength(1);
  });

  it("adds, renames and deletes custom dimensions; a used one cannot be deleted", async () => {
    const created = await as(editor).post(
      createDimensionRoute,
      {},
      { name: "Environments", description: "Staging and preview" },
    );
    expect(created.status).toBe(201);
    expect(created.json.dimension.key).toBe("custom.environments");
    expect((await as(editor).post(createDimensionRoute, {}, { name: "environments" })).status).toBe(409);
    const all = await as(viewer).get(dimensionsRoute);
    expect(all.json.builtIn.length).toBeGreaterThanOrEqual(12);
    expect(all.json.custom.map((d: any) => d.key)).toEqual(["custom.environments"]);

    const survey = (await as(editor).post(createSurveyRoute, {}, { templateId: "blank", period: "2027-Q1" })).json
      .survey;
    const q = await as(editor).post(
      addQuestionRoute,
      { id: survey.id },
      {
        key: "env_wait",
        kind: "likert",
        prompt: "How fast do you get an environment?",
        dimension: "custom.environments",
      },
    );
    expect(q.status).toBe(201);
    const id = created.json.dimension.id;
    expect((await as(editor).del(deleteDimensionRoute, { id })).status).toBe(409);
    const renamed = await as(editor).patch(patchDimensionRoute, { id }, { name: "Dev environments" });
    expect(renamed.json.dimension).toMatchObject({ key: "custom.environments", name: "Dev environments" });
    await as(editor).del(deleteQuestionRoute, { id: survey.id, questionId: q.json.question.id });
    expect((await as(editor).del(deleteDimensionRoute, { id })).status).toBe(200);
  });
});
