import { beforeAll, describe, expect, it } from "vitest";
import { GET as dimensionsRoute } from "@/app/api/analytics/dimensions/route";
import { GET as npsRoute } from "@/app/api/analytics/nps/route";
import {
  DELETE as deletePlanRoute,
  GET as getPlanRoute,
  PUT as putPlanRoute,
} from "@/app/api/backlog/items/[id]/plan/route";
import { GET as roadmapRoute } from "@/app/api/backlog/roadmap/route";
import { POST as stepItemRoute } from "@/app/api/journeys/[id]/steps/[stepId]/backlog-item/route";
import { DELETE as deleteTargetRoute, PATCH as patchTargetRoute } from "@/app/api/targets/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/targets/route";
import * as s from "@/lib/db/schema";
import { periodOfDate } from "@/lib/period";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertClosedSurvey, insertTeams, npsAndSatisfaction, seedWorkspace } from "@/lib/testing/workspace-fixture";
import { readTarget } from "./status";

const db = withTestDatabase();
const ids = { owner: "", editor: "", viewer: "", teams: {} as Record<string, string>, workflow: "" };

/** A closed survey in `period`: per team, n responses with NPS answers `nps(i)` and satisfaction `sat(i)`. */
async function quarter(
  period: string,
  teams: [string, number][],
  nps: (i: number) => number,
  sat: (i: number) => number,
) {
  const d = db.handle().db;
  const { surveyId, questions } = await insertClosedSurvey(d, period, npsAndSatisfaction);
  const q = Object.fromEntries(questions.map((x) => [x.key, x.id]));
  for (const [team, n] of teams) {
    const rows = await d
      .insert(s.responses)
      .values(
        Array.from({ length: n }, () => ({
          surveyId,
          teamId: ids.teams[team],
          submittedOn: `${period.slice(0, 4)}-02-01`,
        })),
      )
      .returning();
    await d.insert(s.answers).values(
      rows.flatMap((r, i) => [
        { responseId: r.id, questionId: q.platform_nps, numberValue: nps(i) },
        { responseId: r.id, questionId: q.sat, numberValue: sat(i) },
      ]),
    );
  }
}

const create = (body: Record<string, unknown>, userId = ids.editor) => callRoute(createRoute, { userId, body });
const list = (userId = ids.viewer) => callRoute(listRoute, { userId });
const teamsOfQuarter: [string, number][] = [
  ["Alpha", 12],
  ["Beta", 12],
  ["Tiny", 2],
];

beforeAll(async () => {
  const d = db.handle().db;
  Object.assign(ids, await seedWorkspace(d, { anonymityThreshold: 5, roles: ["owner", "editor", "viewer"] }));
  ids.teams = await insertTeams(d, [
    { name: "Alpha", headcount: 20, onPlatform: true },
    { name: "Beta", headcount: 20, onPlatform: false },
    { name: "Tiny", headcount: 3, onPlatform: false },
  ]);
  // 2026-Q1: mostly detractors, satisfaction 2–3. Targets are set after this quarter closes.
  await quarter(
    "2026-Q1",
    teamsOfQuarter,
    (i) => (i % 4 === 0 ? 9 : 3),
    (i) => 2 + (i % 2),
  );
  const [workflow] = await d
    .insert(s.baselineWorkflows)
    .values({ key: "first_deploy", name: "First deploy", targetMinutes: 30 })
    .returning();
  ids.workflow = workflow.id;
  await d
    .insert(s.workflowTimings)
    .values({ workflowId: workflow.id, period: "2026-Q1", measurementsMinutes: [120, 100, 110] });
});

describe("targets", () => {
  it("lets editors set targets, not viewers, and takes the latest closed quarter as the baseline", async () => {
    expect((await create({ metric: "nps", goal: 40, due: "2027-Q1" }, ids.viewer)).status).toBe(403);
    const { status, json } = await create({ metric: "nps", goal: 40, due: "2027-Q1" });
    expect(status).toBe(201);
    const nps = await callRoute(npsRoute, { userId: ids.viewer, url: "http://localhost/api/analytics/nps" });
    const q1 = nps.json.points.find((p: { period: string }) => p.period === "2026-Q1");
    expect(json.target.baseline).toEqual({ period: "2026-Q1", value: q1.score });
    expect(json.target.current).toEqual({ period: "2026-Q1", value: q1.score, low: q1.ciLow, high: q1.ciHigh });
    expect(json.target.label).toBe("Platform NPS");

    const timing = await create({ metric: "timing", metricKey: ids.workflow, goal: 30, due: "2026-Q4" });
    expect(timing.json.target).toMatchObject({ baseline: { period: "2026-Q1", value: 110 }, direction: "lower" });
  });

  it("refuses measures that do not exist and a team on a workflow timing", async () => {
    expect((await create({ metric: "dimension", metricKey: "space.nothing", goal: 4, due: "2027-Q1" })).status).toBe(
      422,
    );
    expect((await create({ metric: "dora", metricKey: "dora.nothing", goal: 3, due: "2027-Q1" })).status).toBe(422);
    const withTeam = await create({
      metric: "timing",
      metricKey: ids.workflow,
      teamId: ids.teams.Alpha,
      goal: 30,
      due: "2027-Q1",
    });
    expect(withTeam.status).toBe(422);
    expect(withTeam.json.error.fieldErrors.teamId).toBeTruthy();
    expect((await create({ metric: "nps", goal: 40, due: "2027-Q5" })).status).toBe(422);
  });

  it("shows a team's target with no value, baseline or status while the team's figure is hidden", async () => {
    const { status, json } = await create({ metric: "nps", teamId: ids.teams.Tiny, goal: 20, due: "2027-Q1" });
    expect(status).toBe(201);
    const hiddenTeam = await callRoute(npsRoute, {
      userId: ids.viewer,
      url: `http://localhost/api/analytics/nps?team=${ids.teams.Tiny}`,
    });
    expect(hiddenTeam.json.points.every((p: { hidden: boolean }) => p.hidden)).toBe(true);
    expect(json.target).toMatchObject({ hidden: true, baseline: null, current: null, status: "no_data" });
    const dim = await create({
      metric: "dimension",
      metricKey: "space.satisfaction",
      teamId: ids.teams.Tiny,
      goal: 4,
      due: "2027-Q1",
    });
    expect(dim.json.target).toMatchObject({ hidden: true, baseline: null, current: null, status: "no_data" });
    // Nothing in the list gives a number for Tiny beyond the goals editors typed.
    const tiny = (await list()).json.targets.filter((t: { teamId: string | null }) => t.teamId === ids.teams.Tiny);
    expect(tiny).toHaveLength(2);
    for (const t of tiny) expect(t.summary).not.toMatch(/\d/);

    const alpha = await create({
      metric: "dimension",
      metricKey: "space.satisfaction",
      teamId: ids.teams.Alpha,
      goal: 4,
      due: "2027-Q1",
    });
    expect(alpha.json.target.hidden).toBe(false);
    expect(alpha.json.target.label).toBe("Satisfaction & well-being · Alpha");
    expect(alpha.json.target.baseline.period).toBe("2026-Q1");
  });

  it("reads progress from the next closed quarter, with the status readTarget gives its interval", async () => {
    await quarter(
      "2026-Q3",
      teamsOfQuarter,
      (i) => (i % 5 === 0 ? 7 : 10),
      (i) => 4 + (i % 2),
    );
    const { json } = await list();
    const nps = json.targets.find((t: { metric: string; teamId: string | null }) => t.metric === "nps" && !t.teamId);
    expect(nps.current.period).toBe("2026-Q3");
    expect(nps.baseline.period).toBe("2026-Q1");
    const expected = readTarget({ direction: "higher", goal: 40, due: "2027-Q1", baseline: nps.baseline }, nps.current);
    expect(nps.status).toBe(expected.status);
    expect(nps.summary).toBe(expected.summary);
    expect(nps.status).not.toBe("no_data");
  });

  it("lets editors change and remove targets", async () => {
    const { json } = await create({ metric: "nps", goal: 10, due: "2026-Q4" });
    const id = json.target.id;
    const patch = (body: object, userId = ids.editor) =>
      callRoute(patchTargetRoute, { userId, method: "PATCH", params: { id }, body });
    expect((await patch({ goal: 60 }, ids.viewer)).status).toBe(403);
    const changed = await patch({ goal: 60, due: "2027-Q2" });
    expect(changed.json.target).toMatchObject({ goal: 60, due: "2027-Q2" });
    expect((await callRoute(deleteTargetRoute, { userId: ids.viewer, method: "DELETE", params: { id } })).status).toBe(
      403,
    );
    expect((await callRoute(deleteTargetRoute, { userId: ids.editor, method: "DELETE", params: { id } })).status).toBe(
      200,
    );
    expect((await callRoute(deleteTargetRoute, { userId: ids.editor, method: "DELETE", params: { id } })).status).toBe(
      404,
    );
  });
});

describe("action plans and the roadmap", () => {
  const item = async (label: string) => {
    const [row] = await db.handle().db.insert(s.backlogItems).values({ scope: "friction", label }).returning();
    return row.id;
  };
  const plan = (id: string, body: object, userId = ids.editor) =>
    callRoute(putPlanRoute, { userId, method: "PUT", params: { id }, body });

  it("plans an item for a quarter with an owner and a measure; editors only; the measure must exist", async () => {
    const id = await item("Slow CI");
    expect((await plan(id, { targetQuarter: "2026-Q2" }, ids.viewer)).status).toBe(403);
    expect(
      (await plan(id, { targetQuarter: "2026-Q2", measureKind: "dimension", measureKey: "space.none" })).status,
    ).toBe(422);
    expect((await plan(id, { targetQuarter: "2026-Q2", measureKind: "dimension" })).status).toBe(422);
    const saved = await plan(id, {
      targetQuarter: "2026-Q2",
      owner: "Dana",
      measureKind: "dimension",
      measureKey: "space.satisfaction",
    });
    expect(saved.status).toBe(200);
    expect(saved.json.plan).toMatchObject({
      owner: "Dana",
      targetQuarter: "2026-Q2",
      measure: { label: "Satisfaction & well-being" },
    });
  });

  it("groups planned items by quarter and shows a passed item's measure before and after with intervals", async () => {
    const later = await item("Golden path docs");
    await plan(later, { targetQuarter: "2099-Q1", measureKind: "timing", measureKey: ids.workflow });
    const roadmap = await callRoute(roadmapRoute, { userId: ids.viewer });
    expect(roadmap.status).toBe(200);
    const periods = roadmap.json.quarters.map((q: { period: string }) => q.period);
    expect(periods).toEqual([...periods].sort());
    expect(periods).toEqual(expect.arrayContaining(["2026-Q2", "2099-Q1"]));
    expect(roadmap.json.currentQuarter).toBe(periodOfDate(new Date()));
    const q2 = roadmap.json.quarters.find((q: { period: string }) => q.period === "2026-Q2");
    expect(q2.past).toBe(true);
    const slow = q2.items.find((i: { label: string }) => i.label === "Slow CI");
    const dims = await callRoute(dimensionsRoute, {
      userId: ids.viewer,
      url: "http://localhost/api/analytics/dimensions",
    });
    const points = dims.json.dimensions.find((d: { key: string }) => d.key === "space.satisfaction").points;
    const at = (period: string) => points.find((p: { period: string }) => p.period === period);
    expect(slow.result.before).toEqual({
      period: "2026-Q1",
      value: at("2026-Q1").mean,
      low: at("2026-Q1").ciLow,
      high: at("2026-Q1").ciHigh,
    });
    expect(slow.result.after).toEqual({
      period: "2026-Q3",
      value: at("2026-Q3").mean,
      low: at("2026-Q3").ciLow,
      high: at("2026-Q3").ciHigh,
    });
    expect(slow.result.change).toBeGreaterThan(1);
    expect(slow.result.withinNoise).toBe(false);
    const future = roadmap.json.quarters.find((q: { period: string }) => q.period === "2099-Q1");
    expect(future.past).toBe(false);
    expect(future.items[0].result).toBeNull();

    const one = await callRoute(getPlanRoute, { userId: ids.viewer, params: { id: later } });
    expect(one.json.plan.measure).toMatchObject({ kind: "timing", label: "First deploy" });
    expect(
      (await callRoute(deletePlanRoute, { userId: ids.editor, method: "DELETE", params: { id: later } })).json.plan,
    ).toBeNull();
    const after = await callRoute(roadmapRoute, { userId: ids.viewer });
    expect(after.json.quarters.map((q: { period: string }) => q.period)).not.toContain("2099-Q1");
  });

  it("creates a backlog item with an effort estimate from a golden-path step, on the roadmap", async () => {
    const d = db.handle().db;
    const [map] = await d.insert(s.journeyMaps).values({ name: "Onboarding", workflow: "First deploy" }).returning();
    const [current, golden] = await d
      .insert(s.journeySteps)
      .values([
        { mapId: map.id, path: "current", position: 0, name: "File a ticket", minutes: 600 },
        { mapId: map.id, path: "golden", position: 0, name: "Self-service template", minutes: 15 },
      ])
      .returning();
    const call = (stepId: string, body: object, userId = ids.editor) =>
      callRoute(stepItemRoute, { userId, params: { id: map.id, stepId }, body });
    const body = { label: "Build the service template", effort: "M", targetQuarter: "2026-Q2" };
    expect((await call(golden.id, body, ids.viewer)).status).toBe(403);
    expect((await call(current.id, body)).status).toBe(422);
    const made = await call(golden.id, body);
    expect(made.status).toBe(201);
    expect(made.json.plan).toMatchObject({
      label: "Build the service template",
      effort: "M",
      status: "planned",
      measure: { kind: "journey_step", label: "Onboarding · Self-service template" },
    });
    // Measured by the map's workflow timing: 2026-Q1 before, nothing closed after yet.
    expect(made.json.plan.result.before).toMatchObject({ period: "2026-Q1", value: 110 });
    const links = await d.select().from(s.journeyStepThemes);
    expect(links).toContainEqual(expect.objectContaining({ stepId: golden.id, backlogItemId: made.json.id }));
  });
});
