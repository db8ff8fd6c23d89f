import { beforeAll, describe, expect, it } from "vitest";
import { GET as driversRoute } from "@/app/api/analytics/surveys/[surveyId]/drivers/route";
import { GET as resultsRoute } from "@/app/api/analytics/surveys/[surveyId]/route";
import * as s from "@/lib/db/schema";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertClosedSurvey, insertTeams, seedWorkspace } from "@/lib/testing/workspace-fixture";

const db = withTestDatabase();

// Three dimensions; NPS is planted on "devex.feedback_loops" (strongly) and barely on the others, which
// correlate with it (people who like one part of the platform like the rest a little), as real answers do.
const ids = { viewer: "", survey: "", small: "", teams: {} as Record<string, string> };
function lcg(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

async function seedSurvey(period: string, perTeam: Record<string, number>, seed: number) {
  const d = db.handle().db;
  const { surveyId, questions } = await insertClosedSurvey(d, period, [
    { key: "platform_nps", kind: "nps", prompt: "Recommend?" },
    { key: "loops", kind: "likert", prompt: "Fast feedback?", dimension: "devex.feedback_loops" },
    { key: "loops2", kind: "likert", prompt: "Quick CI?", dimension: "devex.feedback_loops" },
    { key: "sat", kind: "likert", prompt: "Happy?", dimension: "space.satisfaction" },
    { key: "docs", kind: "likert", prompt: "Docs?", dimension: "devex.cognitive_load" },
    { key: "why", kind: "free_text", prompt: "Why?" },
  ]);
  const q = Object.fromEntries(questions.map((x) => [x.key, x.id]));
  const rnd = lcg(seed);
  for (const [team, n] of Object.entries(perTeam)) {
    const rows = await d
      .insert(s.responses)
      .values(Array.from({ length: n }, () => ({ surveyId, teamId: ids.teams[team], submittedOn: "2026-05-01" })))
      .returning();
    await d.insert(s.answers).values(
      rows.flatMap((r, i) => {
        const mood = rnd() * 2 - 1;
        const loops = clamp(3 + 1.8 * (rnd() * 2 - 1) + 0.3 * mood, 1, 5);
        const sat = clamp(3 + 1.5 * (rnd() * 2 - 1) + 0.6 * mood, 1, 5);
        const docs = clamp(3 + 1.5 * (rnd() * 2 - 1) + 0.6 * mood, 1, 5);
        const nps = clamp(5 + 2.2 * (loops - 3) + 0.3 * (sat - 3) + 1.2 * (rnd() * 2 - 1), 0, 10);
        return [
          { responseId: r.id, questionId: q.platform_nps, numberValue: nps },
          { responseId: r.id, questionId: q.loops, numberValue: loops },
          { responseId: r.id, questionId: q.loops2, numberValue: loops },
          { responseId: r.id, questionId: q.sat, numberValue: sat },
          // One in ten skips the docs question: listwise, they are left out of the analysis.
          ...(i % 10 === 9 ? [] : [{ responseId: r.id, questionId: q.docs, numberValue: docs }]),
          { responseId: r.id, questionId: q.why, textValue: "free text never feeds drivers" },
        ];
      }),
    );
  }
  return surveyId;
}

beforeAll(async () => {
  const d = db.handle().db;
  ids.viewer = (await seedWorkspace(d, { anonymityThreshold: 5, roles: ["viewer"] })).viewer;
  ids.teams = await insertTeams(d, [
    { name: "Alpha", headcount: 100, onPlatform: true },
    { name: "Beta", headcount: 100, onPlatform: false },
    { name: "Tiny", headcount: 5, onPlatform: false },
  ]);
  ids.survey = await seedSurvey("2026-Q2", { Alpha: 90, Beta: 80, Tiny: 3 }, 7);
  ids.small = await seedSurvey("2026-Q1", { Alpha: 12, Beta: 8 }, 11);
}, 120_000);

const drivers = (surveyId: string, query: Record<string, string> = {}) =>
  callRoute(driversRoute, {
    userId: ids.viewer,
    params: { surveyId },
    url: `http://localhost/api/analytics/surveys/${surveyId}/drivers?${new URLSearchParams(query)}`,
  });

describe("driver analysis", () => {
  it("ranks the planted driver first, with an interval around it, over listwise-complete respondents", async () => {
    const started = Date.now();
    const { status, json } = await drivers(ids.survey);
    const elapsed = Date.now() - started;
    expect(status).toBe(200);
    expect(json.analysis.hidden).toBe(false);
    const a = json.analysis;
    // 173 respondents, one in ten without a docs answer (per team: 9 + 8 + 0).
    expect(a.respondents).toBe(173 - 9 - 8);
    expect(a.stable).toBe(true);
    expect(a.reason).toBeNull();
    expect(a.drivers.map((x: { dimension: string }) => x.dimension)[0]).toBe("devex.feedback_loops");
    const top = a.drivers[0];
    expect(top.share).toBeGreaterThan(0.6);
    expect(top.low).toBeLessThanOrEqual(top.share);
    expect(top.high).toBeGreaterThanOrEqual(top.share);
    expect(top.high - top.low).toBeGreaterThan(0);
    expect(a.drivers.reduce((sum: number, x: { share: number }) => sum + x.share, 0)).toBeCloseTo(1, 6);
    expect(top.name).toBeTruthy();
    expect(["fix_first", "maintain"]).toContain(top.priority);
    console.info(`driver analysis of 173 respondents × 200 replicates: ${elapsed} ms`);
  });

  it("answers for a showable team and never for a team under k", async () => {
    const alpha = await drivers(ids.survey, { team: ids.teams.Alpha });
    expect(alpha.json.analysis.hidden).toBe(false);
    expect(alpha.json.analysis.respondents).toBe(81);
    const tiny = await drivers(ids.survey, { team: ids.teams.Tiny });
    expect(tiny.json.analysis).toEqual({ hidden: true, reason: "below_threshold" });
    // Every other group answers exactly as the survey's results do (one publication decision).
    const groups: Record<string, string>[] = [{ adoption: "off" }, { adoption: "on" }, { team: ids.teams.Beta }];
    for (const query of groups) {
      const results = await callRoute(resultsRoute, {
        userId: ids.viewer,
        params: { surveyId: ids.survey },
        url: `http://localhost/api/analytics/surveys/${ids.survey}?${new URLSearchParams(query)}`,
      });
      const own = await drivers(ids.survey, query);
      expect(own.json.analysis.hidden).toBe(results.json.total.hidden);
    }
  });

  it("says in a sentence why a small survey's ranking is not stable", async () => {
    const { json } = await drivers(ids.small);
    expect(json.analysis.hidden).toBe(false);
    expect(json.analysis.stable).toBe(false);
    expect(json.analysis.reason).toMatch(
      /respondents answered every driver; a stable ranking of 3 drivers needs at least 30/,
    );
  });

  it("withholds an open survey's drivers until it closes", async () => {
    const d = db.handle().db;
    const [open] = await d.insert(s.surveys).values({ title: "Open", period: "2026-Q3", status: "open" }).returning();
    const { json } = await drivers(open.id);
    expect(json.analysis).toEqual({ hidden: true, reason: "collecting" });
  });
});
