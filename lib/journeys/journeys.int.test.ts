// Over 400 lines on purpose: the journey API end to end (maps, steps, links, evidence) on one database.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMapsRoute, POST as createMapRoute } from "@/app/api/journeys/route";
import { DELETE as deleteMapRoute, GET as getMapRoute, PATCH as patchMapRoute } from "@/app/api/journeys/[id]/route";
import { POST as duplicateRoute } from "@/app/api/journeys/[id]/duplicate/route";
import { GET as exportRoute } from "@/app/api/journeys/[id]/export/route";
import { GET as evidenceRoute } from "@/app/api/journeys/[id]/evidence/route";
import { GET as suggestionsRoute } from "@/app/api/journeys/[id]/suggestions/route";
import { POST as addStepRoute } from "@/app/api/journeys/[id]/steps/route";
import { PUT as reorderRoute } from "@/app/api/journeys/[id]/steps/order/route";
import { DELETE as deleteStepRoute, PATCH as patchStepRoute } from "@/app/api/journeys/[id]/steps/[stepId]/route";
import { POST as linkRoute } from "@/app/api/journeys/[id]/steps/[stepId]/themes/route";
import { DELETE as unlinkRoute } from "@/app/api/journeys/[id]/steps/[stepId]/themes/[themeId]/route";
import { createUser } from "@/lib/auth/queries";
import { releaseUnreleasedThemes } from "@/lib/backlog/queries";
import { setTestUser } from "@/lib/auth/session";
import * as s from "@/lib/db/schema";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { minutesSavedFromTotals } from "./comparison";
import type { JourneyMapDetail, JourneyMapSummary } from "./types";

const db = withTestDatabase();
let editor = "";
let viewer = "";

const countRows = async (table: "journey_maps" | "journey_steps" | "journey_step_themes") => {
  const result = (await db.handle().db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as any;
  return Number((Array.isArray(result) ? result : result.rows)[0].n);
};
const getMap = async (id: string) =>
  (await callRoute(getMapRoute, { params: { id }, userId: viewer })).json as JourneyMapDetail;
const names = (detail: JourneyMapDetail, path: "current" | "golden") =>
  detail.steps
    .filter((x) => x.path === path)
    .sort((a, b) => a.position - b.position)
    .map((x) => x.name);

beforeAll(async () => {
  editor = (await createUser({ name: "Ed", email: "ed@example.com", password: "editor-password", role: "editor" })).id;
  viewer = (await createUser({ name: "Vi", email: "vi@example.com", password: "viewer-password", role: "viewer" })).id;
});

describe("journey maps", () => {
  let mapId = "";

  it("an editor creates a map from a template with both paths and counterparts in place", async () => {
    const res = await callRoute(createMapRoute, {
      body: { name: "New service", templateId: "new-service", maturityNow: 1, maturityTarget: 4 },
      userId: editor,
    });
    expect(res.status).toBe(201);
    mapId = res.json.map.id;
    const detail = await getMap(mapId);
    expect(names(detail, "current")).toHaveLength(8);
    // Six golden steps, and two that record which current steps the golden path eliminates.
    expect(names(detail, "golden")).toHaveLength(8);
    expect(detail.steps.filter((x) => x.outcome === "eliminated")).toHaveLength(2);
    const scaffold = detail.steps.find((x) => x.name === "Scaffold from the service template")!;
    const copied = detail.steps.find((x) => x.id === scaffold.counterpartStepId)!;
    expect(copied.path).toBe("current");
    expect(copied.position).toBe(0);
    expect(scaffold.outcome).toBe("abstracted");
  });

  it("a viewer reads maps but cannot change them; anonymous gets 401", async () => {
    const list = await callRoute(listMapsRoute, { userId: viewer });
    expect(list.status).toBe(200);
    expect(list.json.maps[0]).toMatchObject({ id: mapId, currentSteps: 8, goldenSteps: 6, notDesignedMinutes: 0 });
    expect((await callRoute(createMapRoute, { body: { name: "X" }, userId: viewer })).status).toBe(403);
    expect(
      (await callRoute(patchMapRoute, { method: "PATCH", params: { id: mapId }, body: { name: "Y" }, userId: viewer }))
        .status,
    ).toBe(403);
    expect((await callRoute(listMapsRoute, {})).status).toBe(401);
  });

  it("refuses invalid map input with field messages and stores nothing", async () => {
    const before = await countRows("journey_maps");
    const bad = await callRoute(createMapRoute, {
      body: { name: "", maturityNow: 5, maturityTarget: -1 },
      userId: editor,
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(["maturityNow", "maturityTarget", "name"]);
    const backwards = await callRoute(createMapRoute, {
      body: { name: "Backwards", maturityNow: 3, maturityTarget: 1 },
      userId: editor,
    });
    expect(backwards.status).toBe(422);
    expect(backwards.json.error.fieldErrors.maturityTarget).toBeDefined();
    expect(await countRows("journey_maps")).toBe(before);
    const patch = await callRoute(patchMapRoute, {
      method: "PATCH",
      params: { id: mapId },
      body: { maturityTarget: 7 },
      userId: editor,
    });
    expect(patch.status).toBe(422);
    expect((await getMap(mapId)).map.maturityTarget).toBe(4);
  });

  it("a new current step no golden step covers is not yet designed: the list's saving does not grow", async () => {
    const summary = async () =>
      ((await callRoute(listMapsRoute, { userId: viewer })).json.maps as JourneyMapSummary[]).find(
        (m) => m.id === mapId,
      )!;
    const before = await summary();
    const added = await callRoute(addStepRoute, {
      params: { id: mapId },
      body: { path: "current", name: "Security review of the new service", minutes: 960 },
      userId: editor,
    });
    expect(added.status).toBe(201);
    const after = await summary();
    expect(after.currentMinutes).toBe(before.currentMinutes + 960);
    expect(after.notDesignedMinutes).toBe(960);
    expect(minutesSavedFromTotals(after)).toBe(minutesSavedFromTotals(before));
    const removed = await callRoute(deleteStepRoute, {
      method: "DELETE",
      params: { id: mapId, stepId: added.json.step.id },
      userId: editor,
    });
    expect(removed.status).toBeLessThan(300);
  });

  it("edits the map details", async () => {
    const res = await callRoute(patchMapRoute, {
      method: "PATCH",
      params: { id: mapId },
      body: { persona: "Payments team", maturityNow: 2 },
      userId: editor,
    });
    expect(res.status).toBe(200);
    expect(res.json.map).toMatchObject({ persona: "Payments team", maturityNow: 2, maturityTarget: 4 });
  });

  it("adds steps at the end of a path and reorders a path in one write", async () => {
    const blank = await callRoute(createMapRoute, { body: { name: "Rollback" }, userId: editor });
    const id = blank.json.map.id;
    const add = (name: string) =>
      callRoute(addStepRoute, { params: { id }, body: { path: "current", name, minutes: 5 }, userId: editor });
    const a = (await add("Find the last good version")).json.step;
    const b = (await add("Open a ticket")).json.step;
    const c = (await add("Wait for the release manager")).json.step;
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);
    expect(a).toMatchObject({ pain: "low", loadType: "intrinsic", loadLevel: 1, tools: 0 });
    const reorder = (body: { path: string; stepIds: string[] }) =>
      callRoute(reorderRoute, { method: "PUT", params: { id }, body, userId: editor });

    const reordered = ["Wait for the release manager", "Find the last good version", "Open a ticket"];
    const ok = await reorder({ path: "current", stepIds: [c.id, a.id, b.id] });
    expect(ok.status).toBe(200);
    expect(names(await getMap(id), "current")).toEqual(reordered);

    // A partial or foreign list is refused and the order stays as it was.
    const partial = await reorder({ path: "current", stepIds: [a.id, b.id] });
    expect(partial.status).toBe(422);
    expect(partial.json.error.fieldErrors.stepIds).toBeDefined();
    const wrongPath = await reorder({ path: "golden", stepIds: [c.id, a.id, b.id] });
    expect(wrongPath.status).toBe(422);
    expect(names(await getMap(id), "current")).toEqual(reordered);

    // Deleting a step closes the gap.
    expect(
      (await callRoute(deleteStepRoute, { method: "DELETE", params: { id, stepId: a.id }, userId: editor })).status,
    ).toBe(200);
    const after = await getMap(id);
    expect(after.steps.map((x) => x.position).sort()).toEqual([0, 1]);
  });

  it("refuses a negative time, a load level outside 1–5 and negative counts, storing nothing", async () => {
    const before = await countRows("journey_steps");
    const bad = await callRoute(addStepRoute, {
      params: { id: mapId },
      body: { path: "current", name: "Bad", minutes: -5, loadLevel: 6, tools: -1, pain: "extreme" },
      userId: editor,
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fieldErrors).toMatchObject({
      minutes: ["Time cannot be negative"],
      loadLevel: ["Load level goes from 1 to 5"],
      tools: ["tools cannot be negative"],
    });
    expect(bad.json.error.fieldErrors.pain).toBeDefined();
    const zero = await callRoute(addStepRoute, {
      params: { id: mapId },
      body: { path: "current", name: "Zero", minutes: 1, loadLevel: 0 },
      userId: editor,
    });
    expect(zero.status).toBe(422);
    expect(await countRows("journey_steps")).toBe(before);

    const step = (await getMap(mapId)).steps[0];
    const patch = await callRoute(patchStepRoute, {
      method: "PATCH",
      params: { id: mapId, stepId: step.id },
      body: { minutes: -1 },
      userId: editor,
    });
    expect(patch.status).toBe(422);
    expect((await getMap(mapId)).steps[0].minutes).toBe(step.minutes);
  });

  it("keeps counterparts and outcomes on the golden path and within the map", async () => {
    const detail = await getMap(mapId);
    const current = detail.steps.find((x) => x.path === "current")!;
    const outcomeOnCurrent = await callRoute(addStepRoute, {
      params: { id: mapId },
      body: { path: "current", name: "X", minutes: 1, outcome: "automated" },
      userId: editor,
    });
    expect(outcomeOnCurrent.status).toBe(422);
    expect(outcomeOnCurrent.json.error.fieldErrors.outcome).toBeDefined();
    const other = (
      await callRoute(createMapRoute, { body: { name: "Other", templateId: "onboarding" }, userId: editor })
    ).json;
    const foreign = other.steps.find((x: { path: string }) => x.path === "current").id;
    const crossMap = await callRoute(addStepRoute, {
      params: { id: mapId },
      body: { path: "golden", name: "Y", minutes: 1, counterpartStepId: foreign, outcome: "kept" },
      userId: editor,
    });
    expect(crossMap.status).toBe(422);
    expect(crossMap.json.error.fieldErrors.counterpartStepId).toBeDefined();
    const ok = await callRoute(addStepRoute, {
      params: { id: mapId },
      body: { path: "golden", name: "Y", minutes: 1, counterpartStepId: current.id, outcome: "automated" },
      userId: editor,
    });
    expect(ok.status).toBe(201);
    expect(ok.json.step).toMatchObject({
      path: "golden",
      position: 8, // after the template's eight golden steps (two of them record eliminations)
      counterpartStepId: current.id,
      outcome: "automated",
    });
  });

  it("duplicates a map with its steps and counterpart links remapped", async () => {
    const res = await callRoute(duplicateRoute, { method: "POST", params: { id: mapId }, userId: editor });
    expect(res.status).toBe(201);
    const original = await getMap(mapId);
    const copy = await getMap(res.json.id);
    expect(copy.map.name).toBe(`${original.map.name} (copy)`);
    expect(names(copy, "current")).toEqual(names(original, "current"));
    expect(names(copy, "golden")).toEqual(names(original, "golden"));
    const copyIds = new Set(copy.steps.map((x) => x.id));
    for (const g of copy.steps.filter((x) => x.counterpartStepId)) expect(copyIds.has(g.counterpartStepId!)).toBe(true);
  });

  it("exports the map as CSV with a BOM and defused formulas", async () => {
    const step = (await getMap(mapId)).steps[0];
    await callRoute(patchStepRoute, {
      method: "PATCH",
      params: { id: mapId, stepId: step.id },
      body: { notes: "=cmd|' /C calc'!A0" },
      userId: editor,
    });
    setTestUser(viewer);
    const res = await exportRoute(new Request(`http://localhost/api/journeys/${mapId}/export`), {
      params: Promise.resolve({ id: mapId }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    // Read bytes: Response.text() would swallow the BOM.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFFMap,Path,Position,Step")).toBe(true);
    expect(text).toContain("'=cmd");
  });

  it("deletes a map with its steps; unknown ids are 404", async () => {
    const blank = (
      await callRoute(createMapRoute, { body: { name: "Doomed", templateId: "onboarding" }, userId: editor })
    ).json.map.id;
    const stepsBefore = await countRows("journey_steps");
    expect((await callRoute(deleteMapRoute, { method: "DELETE", params: { id: blank }, userId: editor })).status).toBe(
      200,
    );
    expect(await countRows("journey_steps")).toBe(stepsBefore - 10);
    expect((await callRoute(getMapRoute, { params: { id: blank }, userId: viewer })).status).toBe(404);
    expect((await callRoute(getMapRoute, { params: { id: "not-a-uuid" }, userId: viewer })).status).toBe(404);
  });
});

describe("evidence from survey themes", () => {
  let mapId = "";
  let stepId = "";
  let bigTheme = "";
  let smallTheme = "";

  beforeAll(async () => {
    const d = db.handle().db;
    const created = (
      await callRoute(createMapRoute, { body: { name: "Evidence", templateId: "new-service" }, userId: editor })
    ).json;
    mapId = created.map.id;
    stepId = created.steps.find((x: { name: string }) => x.name.startsWith("Request a CI pipeline")).id;

    // Two quarters: 10 responses in Q3 (6 mention slow CI), 8 in Q4 (3 mention it); 2 mention vault.
    const quotes = [
      "CI takes forever to build",
      "Waiting on the CI queue",
      "Builds are slow",
      "CI is slow",
      "Slow pipelines",
      "CI builds time out",
      "CI is still slow",
      "The build queue",
      "CI slow again",
    ];
    const surveyIds: string[] = [];
    const answerIds: { q3: number[]; q4: number[]; vault: number[] } = { q3: [], q4: [], vault: [] };
    for (const [period, total, hits] of [
      ["2026-Q3", 10, 6],
      ["2026-Q4", 8, 3],
    ] as const) {
      const [survey] = await d.insert(s.surveys).values({ title: period, period, status: "closed" }).returning();
      surveyIds.push(survey.id);
      const [question] = await d
        .insert(s.questions)
        .values({
          surveyId: survey.id,
          key: "frustration",
          position: 0,
          kind: "free_text",
          prompt: "What frustrates you?",
        })
        .returning();
      for (let i = 0; i < total; i++) {
        const [response] = await d.insert(s.responses).values({ surveyId: survey.id }).returning();
        const text =
          i < hits ? quotes[(period === "2026-Q3" ? 0 : 6) + i] : i === hits ? "Vault access takes a week" : "Fine";
        const [answer] = await d
          .insert(s.answers)
          .values({ responseId: response.id, questionId: question.id, textValue: text })
          .returning();
        if (i < hits) answerIds[period === "2026-Q3" ? "q3" : "q4"].push(answer.id);
        else if (i === hits) answerIds.vault.push(answer.id);
        // One respondent answers twice about CI: still one respondent.
        if (i === 0 && period === "2026-Q3") {
          const [second] = await d
            .insert(s.answers)
            .values({ responseId: response.id, questionId: question.id, textValue: "And the CI runners are flaky" })
            .returning();
          answerIds.q3.push(second.id);
        }
      }
    }
    const [big] = await d
      .insert(s.backlogItems)
      .values({ scope: "periods:2026-Q3..2026-Q4", label: "Slow CI builds", terms: ["ci", "build", "slow", "queue"] })
      .returning();
    const [small] = await d
      .insert(s.backlogItems)
      .values({ scope: "periods:2026-Q3..2026-Q4", label: "Vault access", terms: ["vault", "access", "secrets"] })
      .returning();
    bigTheme = big.id;
    smallTheme = small.id;
    const members = [...answerIds.q3, ...answerIds.q4].map((id, i) => ({
      backlogItemId: big.id,
      sourceId: `a:${id}`,
      answerId: id,
      similarity: 1 - i / 100,
    }));
    await d.insert(s.themeMembers).values(members);
    await d
      .insert(s.themeMembers)
      .values(
        answerIds.vault.map((id) => ({ backlogItemId: small.id, sourceId: `a:${id}`, answerId: id, similarity: 0.9 })),
      );
    await d
      .insert(s.workspaceSettings)
      .values({ id: 1, name: "Test", anonymityThreshold: 5 })
      .onConflictDoUpdate({ target: s.workspaceSettings.id, set: { anonymityThreshold: 5 } });
    await releaseUnreleasedThemes(d);
  });

  it("suggests the CI theme for the CI step by shared terms", async () => {
    const res = await callRoute(suggestionsRoute, { params: { id: mapId }, userId: editor });
    expect(res.status).toBe(200);
    const forStep = res.json.suggestions.filter((x: { stepId: string }) => x.stepId === stepId);
    expect(forStep[0]).toMatchObject({ themeId: bigTheme, label: "Slow CI builds" });
    expect((await callRoute(suggestionsRoute, { params: { id: mapId }, userId: viewer })).status).toBe(403);
  });

  it("refuses an unknown theme with a field message and stores nothing", async () => {
    const before = await countRows("journey_step_themes");
    const res = await callRoute(linkRoute, {
      params: { id: mapId, stepId },
      body: { backlogItemId: "00000000-0000-4000-8000-000000000000" },
      userId: editor,
    });
    expect(res.status).toBe(422);
    expect(res.json.error.fieldErrors.backlogItemId).toEqual(["This theme does not exist in the backlog"]);
    const notUuid = await callRoute(linkRoute, {
      params: { id: mapId, stepId },
      body: { backlogItemId: "slow-ci" },
      userId: editor,
    });
    expect(notUuid.status).toBe(422);
    expect(await countRows("journey_step_themes")).toBe(before);
  });

  it("shows share, trend and quotes for a theme traced to at least k respondents", async () => {
    expect(
      (await callRoute(linkRoute, { params: { id: mapId, stepId }, body: { backlogItemId: bigTheme }, userId: editor }))
        .status,
    ).toBe(201);
    const res = await callRoute(evidenceRoute, { params: { id: mapId }, userId: viewer });
    expect(res.status).toBe(200);
    expect(res.json.k).toBe(5);
    const evidence = res.json.themes.find((t: { backlogItemId: string }) => t.backlogItemId === bigTheme);
    expect(evidence).toMatchObject({ hidden: false, respondents: 9, population: 18, share: 0.5 });
    // Q3: 6 of 10 shown; Q4: only 3 people, under k, so that quarter is hidden.
    expect(evidence.trend).toEqual([
      { period: "2026-Q3", share: 0.6, hidden: false },
      { period: "2026-Q4", share: null, hidden: true },
    ]);
    expect(evidence.quotes).toHaveLength(3);
    expect(new Set(evidence.quotes).size).toBe(3);
    expect((await getMap(mapId)).steps.find((x) => x.id === stepId)!.themes).toEqual([
      { backlogItemId: bigTheme, label: "Slow CI builds", status: "accepted" },
    ]);
  });

  it("hides a theme traced to fewer than k respondents: no numbers, no quotes", async () => {
    await callRoute(linkRoute, { params: { id: mapId, stepId }, body: { backlogItemId: smallTheme }, userId: editor });
    const res = await callRoute(evidenceRoute, { params: { id: mapId }, userId: viewer });
    const evidence = res.json.themes.find((t: { backlogItemId: string }) => t.backlogItemId === smallTheme);
    expect(evidence).toEqual({
      backlogItemId: smallTheme,
      label: "Vault access",
      hidden: true,
      respondents: null,
      population: null,
      share: null,
      trend: [],
      quotes: [],
    });
    expect(JSON.stringify(res.json)).not.toContain("Vault access takes a week");
  });

  it("raising k hides a theme that was visible", async () => {
    await db
      .handle()
      .db.update(s.workspaceSettings)
      .set({ anonymityThreshold: 10 })
      .where(eq(s.workspaceSettings.id, 1));
    const res = await callRoute(evidenceRoute, { params: { id: mapId }, userId: viewer });
    expect(res.json.themes.find((t: { backlogItemId: string }) => t.backlogItemId === bigTheme)).toMatchObject({
      hidden: true,
      quotes: [],
    });
    await db
      .handle()
      .db.update(s.workspaceSettings)
      .set({ anonymityThreshold: 5 })
      .where(eq(s.workspaceSettings.id, 1));
  });

  it("a dismissed suggestion is not suggested again, and an unlinked theme leaves the evidence", async () => {
    const ciStep = (await getMap(mapId)).steps.find((x) => x.name === "Learn the deploy pipeline and canary rules")!;
    await callRoute(linkRoute, {
      params: { id: mapId, stepId: ciStep.id },
      body: { backlogItemId: bigTheme, status: "dismissed" },
      userId: editor,
    });
    const suggestions = (await callRoute(suggestionsRoute, { params: { id: mapId }, userId: editor })).json.suggestions;
    expect(
      suggestions.some((x: { stepId: string; themeId: string }) => x.stepId === ciStep.id && x.themeId === bigTheme),
    ).toBe(false);
    expect(
      suggestions.some((x: { stepId: string; themeId: string }) => x.stepId === stepId && x.themeId === bigTheme),
    ).toBe(false);

    expect(
      (
        await callRoute(unlinkRoute, {
          method: "DELETE",
          params: { id: mapId, stepId, themeId: smallTheme },
          userId: editor,
        })
      ).status,
    ).toBe(200);
    const res = await callRoute(evidenceRoute, { params: { id: mapId }, userId: viewer });
    expect(res.json.themes.map((t: { backlogItemId: string }) => t.backlogItemId)).toEqual([bigTheme]);
  });
});
