// Over 400 lines on purpose: every analytics endpoint against one seeded workspace, which is slow to build.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as adoptionRoute } from "@/app/api/analytics/adoption/route";
import { GET as dimensionsRoute } from "@/app/api/analytics/dimensions/route";
import { GET as doraRoute } from "@/app/api/analytics/dora/route";
import { GET as exportRoute } from "@/app/api/analytics/export/[table]/route";
import { GET as metaRoute } from "@/app/api/analytics/meta/route";
import { GET as npsRoute } from "@/app/api/analytics/nps/route";
import { GET as ratesRoute } from "@/app/api/analytics/response-rates/route";
import { GET as commentsRoute } from "@/app/api/analytics/surveys/[surveyId]/comments/route";
import { GET as resultsRoute } from "@/app/api/analytics/surveys/[surveyId]/route";
import { GET as teamsRoute } from "@/app/api/analytics/teams/route";
import type { RouteHandler } from "@/lib/api/route";
import * as s from "@/lib/db/schema";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertClosedSurvey, insertTeams, npsAndSatisfaction, seedWorkspace } from "@/lib/testing/workspace-fixture";
import { exportTables } from "./schemas";

const db = withTestDatabase();

/*
 * Hand-made fixture (k = 5).
 *   Alpha  on the platform from 2026-Q1      10 responses per quarter
 *   Beta   off in Q1, moves on in 2026-Q2     8 responses per quarter
 *   Gamma  off                                6 responses per quarter
 *   Tiny   off                                4 responses per quarter (k − 1): must never show
 * Quarterly survey (Q1, Q2): platform_nps (NPS), sat (likert, space.satisfaction), flow (likert, re-tagged from
 * devex.flow_state in Q1 to devex.cognitive_load in Q2), frustration (free text).
 * Q2 also has a DORA check-in (Alpha 10, Gamma 6, Tiny 4) and a pulse survey answered by Alpha (10) and Tiny (3).
 */
type Plan = { nps: number[]; sat: number[]; flow: number[] };
const quarterly: Record<string, Record<string, Plan>> = {
  "2026-Q1": {
    Alpha: { nps: [10, 10, 9, 9, 9, 8, 8, 7, 3, 0], sat: Array(10).fill(4), flow: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5] },
    Beta: { nps: [9, 9, 7, 7, 6, 6, 6, 5], sat: Array(8).fill(2), flow: Array(8).fill(3) },
    Gamma: { nps: Array(6).fill(10), sat: Array(6).fill(5), flow: Array(6).fill(4) },
    Tiny: { nps: [0, 0, 0, 0], sat: [1, 1, 1, 1], flow: [1, 1, 1, 1] },
  },
  "2026-Q2": {
    Alpha: { nps: [10, 10, 10, 10, 10, 10, 10, 9, 9, 8], sat: Array(10).fill(5), flow: Array(10).fill(4) },
    Beta: { nps: [9, 9, 7, 7, 6, 6, 6, 5], sat: Array(8).fill(3), flow: Array(8).fill(3) },
    Gamma: { nps: Array(6).fill(10), sat: Array(6).fill(4), flow: Array(6).fill(2) },
    Tiny: { nps: [0, 0, 0, 0], sat: [1, 1, 1, 1], flow: [1, 1, 1, 1] },
  },
};
const TINY_TEXT = "tiny team secret complaint";

const ids = {
  teams: {} as Record<string, string>,
  surveys: {} as Record<string, string>,
  questions: {} as Record<string, string>,
  viewer: "",
};

async function seedFixture() {
  const d = db.handle().db;
  ids.viewer = (await seedWorkspace(d, { anonymityThreshold: 5, roles: ["viewer"] })).viewer;
  ids.teams = await insertTeams(d, [
    { name: "Alpha", headcount: 20, onPlatform: true },
    { name: "Beta", headcount: 10, onPlatform: true },
    { name: "Gamma", headcount: 12, onPlatform: false },
    { name: "Tiny", headcount: 6, onPlatform: false },
  ]);
  await d.insert(s.teamPlatformChanges).values([
    { teamId: ids.teams.Alpha, effectivePeriod: "2026-Q1", onPlatform: true },
    { teamId: ids.teams.Beta, effectivePeriod: "2026-Q1", onPlatform: false },
    { teamId: ids.teams.Beta, effectivePeriod: "2026-Q2", onPlatform: true },
  ]);

  for (const period of ["2026-Q1", "2026-Q2"]) {
    const { surveyId, questions: qs } = await insertClosedSurvey(d, period, [
      ...npsAndSatisfaction,
      {
        key: "flow",
        kind: "likert",
        prompt: "Flow?",
        dimension: period === "2026-Q1" ? "devex.flow_state" : "devex.cognitive_load",
      },
      { key: "frustration", kind: "free_text", prompt: "Frustrating?" },
    ]);
    ids.surveys[period] = surveyId;
    const q = Object.fromEntries(qs.map((x) => [x.key, x.id]));
    ids.questions[`${period}:frustration`] = q.frustration;
    for (const [team, plan] of Object.entries(quarterly[period])) {
      const resp = await d
        .insert(s.responses)
        .values(
          plan.nps.map(() => ({
            surveyId: surveyId,
            teamId: ids.teams[team],
            submittedOn: `${period.slice(0, 4)}-02-01`,
          })),
        )
        .returning();
      await d.insert(s.answers).values(
        resp.flatMap((r, i) => [
          { responseId: r.id, questionId: q.platform_nps, numberValue: plan.nps[i] },
          { responseId: r.id, questionId: q.sat, numberValue: plan.sat[i] },
          { responseId: r.id, questionId: q.flow, numberValue: plan.flow[i] },
          {
            responseId: r.id,
            questionId: q.frustration,
            textValue: team === "Tiny" ? TINY_TEXT : `${team} says the build is slow`,
          },
        ]),
      );
    }
  }

  // DORA check-in in Q2.
  const [dora] = await d
    .insert(s.surveys)
    .values({ title: "DORA 2026-Q2", period: "2026-Q2", status: "closed", template: "dora" })
    .returning();
  ids.surveys.dora = dora.id;
  const metrics = ["deployment_frequency", "lead_time", "change_failure_rate", "recovery_time"];
  const dq = await d
    .insert(s.questions)
    .values(
      metrics.map((m, i) => ({
        surveyId: dora.id,
        key: `dora_${m}`,
        position: i,
        kind: "single_choice" as const,
        prompt: m,
        dimension: `dora.${m}`,
      })),
    )
    .returning();
  const doraPlan: Record<string, string[][]> = {
    // per response: [deployment_frequency, lead_time, change_failure_rate, recovery_time]
    Alpha: Array.from({ length: 10 }, (_, i) => [i < 6 ? "elite" : "high", "high", i < 5 ? "elite" : "high", "medium"]),
    Gamma: Array.from({ length: 6 }, () => ["medium", "low", "low", "medium"]),
    Tiny: Array.from({ length: 4 }, () => ["low", "low", "low", "low"]),
  };
  for (const [team, answers] of Object.entries(doraPlan)) {
    const resp = await d
      .insert(s.responses)
      .values(answers.map(() => ({ surveyId: dora.id, teamId: ids.teams[team], submittedOn: "2026-05-01" })))
      .returning();
    await d
      .insert(s.answers)
      .values(
        resp.flatMap((r, i) =>
          dq.map((q, m) => ({ responseId: r.id, questionId: q.id, choiceValues: [answers[i][m]] })),
        ),
      );
  }

  // A pulse survey in Q2 answered by Alpha (10) and Tiny (3): filtering on Alpha would leave 3 people outside.
  const [pulse] = await d
    .insert(s.surveys)
    .values({ title: "Pulse 2026-Q2", period: "2026-Q2", status: "closed" })
    .returning();
  ids.surveys.pulse = pulse.id;
  const [pq] = await d
    .insert(s.questions)
    .values({
      surveyId: pulse.id,
      key: "pulse_sat",
      position: 0,
      kind: "likert",
      prompt: "Ok?",
      dimension: "custom.pulse",
    })
    .returning();
  for (const [team, count] of [
    ["Alpha", 10],
    ["Tiny", 3],
  ] as const) {
    const resp = await d
      .insert(s.responses)
      .values(
        Array.from({ length: count }, () => ({
          surveyId: pulse.id,
          teamId: ids.teams[team],
          submittedOn: "2026-05-02",
        })),
      )
      .returning();
    await d
      .insert(s.answers)
      .values(resp.map((r) => ({ responseId: r.id, questionId: pq.id, numberValue: team === "Tiny" ? 1 : 5 })));
  }
}

async function get(handler: RouteHandler, query: Record<string, string> = {}, params: Record<string, string> = {}) {
  const url = `http://localhost/api/analytics?${new URLSearchParams(query)}`;
  return callRoute(handler, { url, params, userId: ids.viewer });
}

beforeAll(seedFixture);

describe("numbers against the hand-made fixture", () => {
  it("NPS per quarter with its interval and the change", async () => {
    const res = await get(npsRoute);
    expect(res.status).toBe(200);
    const [q1, q2] = res.json.points;
    // Q1: promoters 5+2+6 = 13, passives 3+2 = 5, detractors 2+4+4 = 10, n = 28 → 3/28 = 10.714
    expect(q1).toMatchObject({ period: "2026-Q1", hidden: false, n: 28, promoters: 13, passives: 5, detractors: 10 });
    expect(q1.score).toBeCloseTo(10.714, 3);
    // variance = ((23/28) − (3/28)²)/28 = 0.0289268 → margin = 1.96·√var·100 = 33.335
    expect(q1.margin).toBeCloseTo(33.335, 2);
    // Q2: promoters 9+2+6 = 17, passives 1+2 = 3, detractors 0+4+4 = 8 → 9/28 = 32.143
    expect(q2).toMatchObject({ period: "2026-Q2", n: 28, promoters: 17, passives: 3, detractors: 8 });
    expect(q2.score).toBeCloseTo(32.143, 3);
    expect(res.json.changes).toHaveLength(1);
    expect(res.json.changes[0]).toMatchObject({ from: "2026-Q1", to: "2026-Q2", withinNoise: true });
    expect(res.json.changes[0].delta).toBeCloseTo(21.429, 3);
  });

  it("dimension scores, joined across quarters by question key", async () => {
    const res = await get(dimensionsRoute, { to: "2026-Q2" });
    expect(res.status).toBe(200);
    const byKey = Object.fromEntries(res.json.dimensions.map((d: any) => [d.key, d]));
    // "flow" was re-tagged in Q2: both quarters roll up under the latest tag.
    expect(byKey["devex.flow_state"]).toBeUndefined();
    expect(byKey["devex.cognitive_load"].points.map((p: any) => p.period)).toEqual(["2026-Q1", "2026-Q2"]);
    const sat = byKey["space.satisfaction"].points[0];
    // Q1: (10·4 + 8·2 + 6·5 + 4·1)/28 = 90/28 = 3.2143; favorable (4–5): 16 of 28 = 57.14%
    expect(sat).toMatchObject({ period: "2026-Q1", hidden: false, n: 28 });
    expect(sat.mean).toBeCloseTo(3.2143, 4);
    expect(sat.favorablePct).toBeCloseTo(57.143, 3);
    expect(sat.ciLow).toBeLessThan(sat.mean);
    // The pulse survey's custom dimension: Alpha 10 + Tiny 3 = 13 ≥ k, shown as a whole.
    expect(byKey["custom.pulse"].points[0]).toMatchObject({ n: 13, hidden: false });
  });

  it("adoption groups use the flag that held in each quarter", async () => {
    const res = await get(adoptionRoute);
    expect(res.status).toBe(200);
    const on = Object.fromEntries(res.json.nps.on.map((p: any) => [p.period, p]));
    const off = Object.fromEntries(res.json.nps.off.map((p: any) => [p.period, p]));
    expect(on["2026-Q1"]).toMatchObject({ n: 10, hidden: false }); // Alpha only
    expect(on["2026-Q1"].score).toBeCloseTo(30, 9);
    expect(off["2026-Q1"]).toMatchObject({ n: 18, promoters: 8, passives: 2, detractors: 8 });
    expect(on["2026-Q2"]).toMatchObject({ n: 18, promoters: 11, passives: 3, detractors: 4 }); // Alpha + Beta
    expect(off["2026-Q2"]).toMatchObject({ n: 10, promoters: 6, detractors: 4 });
    expect(off["2026-Q2"].score).toBeCloseTo(20, 9);
  });

  it("a filtered NPS trend counts only the filter's people, with the platform flag that held in each quarter", async () => {
    const points = async (query: Record<string, string>) => {
      const res = await get(npsRoute, query);
      expect(res.status).toBe(200);
      return Object.fromEntries(res.json.points.map((p: any) => [p.period, p]));
    };
    const on = await points({ adoption: "on" });
    // Q1: Alpha alone (5 promoters, 3 passives, 2 detractors); Q2: Alpha and Beta, who moved on in Q2.
    expect(on["2026-Q1"]).toMatchObject({ hidden: false, n: 10, promoters: 5, passives: 3, detractors: 2 });
    expect(on["2026-Q2"]).toMatchObject({ hidden: false, n: 18, promoters: 11, passives: 3, detractors: 4 });
    const off = await points({ adoption: "off" });
    expect(off["2026-Q1"]).toMatchObject({ hidden: false, n: 18, promoters: 8, passives: 2, detractors: 8 });
    expect(off["2026-Q2"]).toMatchObject({ hidden: false, n: 10, promoters: 6, passives: 0, detractors: 4 });
    const alpha = await points({ team: ids.teams.Alpha });
    expect(alpha["2026-Q1"]).toMatchObject({ hidden: false, n: 10, promoters: 5, passives: 3, detractors: 2 });
    // Beta was off the platform in Q1: Beta among on-platform teams names nobody there.
    const betaOn = await points({ team: ids.teams.Beta, adoption: "on" });
    expect(betaOn["2026-Q1"]).toBeUndefined();
    expect(betaOn["2026-Q2"]).toMatchObject({ hidden: false, n: 8, promoters: 2, passives: 2, detractors: 4 });
  });

  it("team comparison: heatmap, response rates and benchmarks, with Tiny and the complement hidden", async () => {
    const res = await get(teamsRoute, { period: "2026-Q1" });
    expect(res.status).toBe(200);
    const t = Object.fromEntries(res.json.teams.map((r: any) => [r.name, r]));
    expect(t.Alpha.responses).toEqual({ hidden: false, n: 10, rate: 0.5 });
    expect(t.Alpha.nps.score).toBeCloseTo(30, 9);
    expect(t.Alpha.scores["space.satisfaction"].mean).toBe(4);
    expect(t.Beta.nps.score).toBeCloseTo(-25, 9);
    expect(t.Tiny.nps).toEqual({ hidden: true, reason: "below_threshold" });
    // Tiny (4) alone could be recovered as total − the others: the smallest other team (Gamma, 6) is hidden too.
    expect(t.Gamma.nps).toEqual({ hidden: true, reason: "complement" });
    expect(t.Gamma.scores["space.satisfaction"]).toEqual({ hidden: true, reason: "complement" });
    expect(t.Tiny.responses).toEqual({ hidden: true, reason: "below_threshold" });
    // Benchmarks need three shown teams: only Alpha and Beta are shown.
    expect(res.json.benchmarks.nps).toBeNull();
  });

  it("DORA bands and classification per team and adoption group", async () => {
    const res = await get(doraRoute);
    expect(res.status).toBe(200);
    expect(res.json.period).toBe("2026-Q2");
    const t = Object.fromEntries(res.json.teams.map((r: any) => [r.name, r]));
    // Alpha: medians elite, high, elite, medium → the worse middle of [elite, elite, high, medium] = high
    expect(t.Alpha.classification).toEqual({ hidden: false, band: "high" });
    expect(t.Alpha.metrics["dora.deployment_frequency"]).toMatchObject({
      n: 10,
      counts: { elite: 6, high: 4, medium: 0, low: 0 },
      median: "elite",
    });
    expect(t.Tiny.classification.hidden).toBe(true);
    expect(t.Gamma.classification).toEqual({ hidden: true, reason: "complement" });
    const g = Object.fromEntries(res.json.adoption.map((r: any) => [r.id, r]));
    expect(g.on.classification).toEqual({ hidden: false, band: "high" });
    expect(g.off.metrics["dora.lead_time"]).toMatchObject({ n: 10, counts: { low: 10 }, median: "low" });
  });

  it("survey results: distributions per question and searchable comments", async () => {
    const res = await get(resultsRoute, {}, { surveyId: ids.surveys["2026-Q1"] });
    expect(res.status).toBe(200);
    expect(res.json.total).toEqual({ hidden: false, n: 28 });
    const nps = res.json.questions.find((q: any) => q.key === "platform_nps");
    expect(nps.result.buckets.find((b: any) => b.value === "10").count).toBe(2 + 6);
    expect(nps.result.nps.score).toBeCloseTo(10.714, 3);
    const comments = await get(
      commentsRoute,
      { question: ids.questions["2026-Q1:frustration"], q: "build" },
      { surveyId: ids.surveys["2026-Q1"] },
    );
    expect(comments.status).toBe(200);
    expect(comments.json.comments.total).toBe(24);
  });
});

describe("a group of k − 1 never leaves the server", () => {
  const tinyId = () => ids.teams.Tiny;

  /** Every object that names Tiny (or is hidden) carries no numbers at all. */
  function assertNoTinyNumbers(value: unknown, path = "$"): void {
    if (Array.isArray(value)) return value.forEach((v, i) => assertNoTinyNumbers(v, `${path}[${i}]`));
    if (!value || typeof value !== "object") return;
    const obj = value as Record<string, unknown>;
    if (obj.hidden === true) {
      const extra = Object.keys(obj).filter(
        (key) => !["hidden", "reason", "period", "dimension", "grp", "metric", "survey_id"].includes(key),
      );
      expect(extra, `${path} is hidden but carries ${extra.join(", ")}`).toEqual([]);
    }
    if (obj.teamId === tinyId() || obj.id === tinyId() || obj.name === "Tiny") {
      for (const [key, v] of Object.entries(obj)) {
        if (["teamId", "id", "name", "headcount", "onPlatform"].includes(key)) continue;
        const shown = JSON.stringify(v ?? null);
        expect(shown.includes('"hidden":false'), `${path}.${key} shows Tiny's numbers: ${shown}`).toBe(false);
      }
    }
    for (const [key, v] of Object.entries(obj)) assertNoTinyNumbers(v, `${path}.${key}`);
  }

  const allEndpoints: [string, RouteHandler][] = [
    ["nps", npsRoute],
    ["dimensions", dimensionsRoute],
    ["teams", teamsRoute],
    ["adoption", adoptionRoute],
    ["dora", doraRoute],
    ["rates", ratesRoute],
  ];
  const filters: Record<string, string>[] = [
    {},
    { period: "2026-Q1" },
    { team: "TINY" },
    { team: "TINY", adoption: "off" },
    { adoption: "off", from: "2026-Q1", to: "2026-Q1" },
    { team: "TINY", from: "2026-Q1", to: "2026-Q1" },
  ];
  const resolve = (f: Record<string, string>) =>
    Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v === "TINY" ? tinyId() : v]));

  it("in every endpoint, with every filter combination", async () => {
    for (const f of filters) {
      for (const [name, handler] of allEndpoints) {
        const res = await get(handler, resolve(f));
        expect([200, 422], `${name} ${JSON.stringify(f)}`).toContain(res.status);
        if (res.status === 200) assertNoTinyNumbers(res.json, `${name}${JSON.stringify(f)}`);
      }
    }
  });

  it("filtering on Tiny alone shows only hidden markers", async () => {
    const res = await get(npsRoute, { team: tinyId(), to: "2026-Q2" });
    expect(res.status).toBe(200);
    expect(res.json.points).toEqual([
      { period: "2026-Q1", hidden: true, reason: "below_threshold" },
      { period: "2026-Q2", hidden: true, reason: "below_threshold" },
    ]);
    expect(res.json.changes).toEqual([]);
    const dims = await get(dimensionsRoute, { team: tinyId() });
    for (const d of dims.json.dimensions) for (const p of d.points) expect(p.hidden).toBe(true);
  });

  it("survey results and comments for Tiny are hidden", async () => {
    const results = await get(resultsRoute, { team: tinyId() }, { surveyId: ids.surveys["2026-Q1"] });
    expect(results.status).toBe(200);
    expect(results.json.total).toEqual({ hidden: true, reason: "below_threshold" });
    for (const q of results.json.questions) expect(q.result).toEqual({ hidden: true, reason: "below_threshold" });
    const comments = await get(
      commentsRoute,
      { team: tinyId(), question: ids.questions["2026-Q1:frustration"] },
      { surveyId: ids.surveys["2026-Q1"] },
    );
    expect(comments.status).toBe(200);
    expect(JSON.stringify(comments.json)).not.toContain(TINY_TEXT);
    expect(comments.json.comments.hidden).toBe(true);
  });

  it("hides a filtered group whose leftover is under k (subtraction attack), with the reason", async () => {
    // Alpha is everyone in the Q2 pulse survey except Tiny's 3 people: Alpha is hidden as the complement.
    const pulse = await get(resultsRoute, { team: ids.teams.Alpha }, { surveyId: ids.surveys.pulse });
    expect(pulse.status).toBe(200);
    expect(pulse.json.total).toEqual({ hidden: true, reason: "complement" });
    expect(JSON.stringify(pulse.json.questions.map((q: any) => q.result))).not.toMatch(/"count"|"answered"/);
    // In Q1 the main survey has four teams; Alpha alone is shown with its own figures.
    const alpha = await get(npsRoute, { team: ids.teams.Alpha, to: "2026-Q1" });
    expect(alpha.status).toBe(200);
    expect(alpha.json.points[0]).toMatchObject({ period: "2026-Q1", hidden: false, n: 10 });
  });

  it("answers a combined filter from the same decision as its parts", async () => {
    // Q2: off platform = Gamma (6) + Tiny (4). Gamma ∧ off is Gamma's cell, hidden with Tiny's complement,
    // and "off" itself is withdrawn: total − on would otherwise be Gamma + Tiny with Gamma shown.
    const res = await get(dimensionsRoute, { team: ids.teams.Gamma, adoption: "off", from: "2026-Q2", to: "2026-Q2" });
    expect(res.status).toBe(200);
    for (const d of res.json.dimensions) for (const p of d.points) expect(p.hidden, JSON.stringify(p)).toBe(true);
    const csv = await get(
      exportRoute,
      { team: ids.teams.Gamma, adoption: "off", from: "2026-Q2", to: "2026-Q2" },
      { table: "dimensions" },
    );
    expect(csv.status).toBe(200);
    expect(String(csv.json)).not.toMatch(/,\d\.\d+,/);
  });

  it("in every CSV export", async () => {
    for (const table of exportTables) {
      for (const f of filters) {
        const res = await get(exportRoute, resolve(f), { table });
        if (res.status === 422) continue;
        expect(res.status, `${table} ${JSON.stringify(f)}`).toBe(200);
        expect(res.headers.get("content-type")).toContain("text/csv");
        const rows: string[][] = parse(String(res.json), { bom: true });
        const header = rows[0];
        const statusCol = header.indexOf("status");
        for (const row of rows.slice(1)) {
          const hidden = row.some((c) => c.startsWith("Hidden"));
          if (row.includes("Tiny")) {
            // Tiny's row may exist (with its headcount) but every measure is a "hidden" note or empty.
            const measures = row.filter(
              (_, i) =>
                ![
                  "team",
                  "group",
                  "headcount",
                  "on_platform",
                  "quarter",
                  "survey",
                  "group_kind",
                  "metric",
                  "classification",
                ].includes(header[i]),
            );
            for (const c of measures)
              expect(c === "" || c.startsWith("Hidden") || c === "Tiny", `${table}: ${row.join("|")}`).toBe(true);
          }
          if (statusCol >= 0 && hidden && row[statusCol].startsWith("Hidden")) {
            const numbers = row.slice(statusCol + 1).filter((c) => c !== "");
            expect(numbers, `${table}: ${row.join("|")}`).toEqual([]);
          }
        }
      }
    }
  });

  it("the filter bar lists quarters and teams but no counts", async () => {
    const res = await get(metaRoute);
    expect(res.json).toMatchObject({ k: 5, periods: ["2026-Q1", "2026-Q2"] });
    expect(res.json.teams).toHaveLength(4);
  });

  it("an anonymous caller gets 401", async () => {
    const res = await callRoute(npsRoute, { url: "http://localhost/api/analytics/nps" });
    expect(res.status).toBe(401);
  });
});
