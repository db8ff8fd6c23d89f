// Issue 13, finding 1, against the demo: a new quarter with seven answers is provisional everywhere.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/lib/db/schema";
import { seedDemo } from "@/lib/demo/seed";
import { changeSurveyStatus, createSurvey } from "@/lib/surveys/queries";
import { withTestDatabase } from "@/lib/testing/test-db";
import { getDimensionTrends, getNpsTrend, getResponseRates, getTeamComparison } from "./queries";
import { dimensionTrendsWire, npsTrendWire } from "./wire";

const db = withTestDatabase();
const NEW = "2027-Q1";
let surveyId = "";

beforeAll(async () => {
  const d = db.handle().db;
  await seedDemo(d);
  // The demo's 2026-Q4 survey is still open; close it so 2026-Q4 is the last closed quarter, as in the finding.
  await d.update(s.surveys).set({ status: "closed" }).where(eq(s.surveys.period, "2026-Q4"));
  const [q4] = await d.select().from(s.surveys).where(eq(s.surveys.title, "Developer experience survey 2026-Q4"));
  const survey = await createSurvey({ input: { copyFromSurveyId: q4.id, period: NEW }, userId: null });
  surveyId = survey.id;
  await changeSurveyStatus({ id: surveyId, status: "open" });
  const questions = await d.select().from(s.questions).where(eq(s.questions.surveyId, surveyId));
  // Seven unhappy answers from one team.
  const [team] = await d.select().from(s.teams).where(eq(s.teams.name, "Payments"));
  const responses = await d
    .insert(s.responses)
    .values(Array.from({ length: 7 }, () => ({ surveyId, teamId: team.id, submittedOn: "2027-01-10" })))
    .returning({ id: s.responses.id });
  await d
    .insert(s.answers)
    .values(
      responses.flatMap((r) =>
        questions
          .filter((q) => q.kind === "nps" || q.kind === "likert")
          .map((q) => ({ responseId: r.id, questionId: q.id, numberValue: q.kind === "nps" ? 0 : 1 })),
      ),
    );
}, 120_000);

describe("a quarter still collecting", () => {
  it("leaves the NPS headline on the last closed quarter and lists the live one with a count in steps of k", async () => {
    const trend = npsTrendWire.parse(await getNpsTrend({ filter: {} }));
    expect(trend.points.filter((p) => !p.hidden).at(-1)?.period).toBe("2026-Q4");
    expect(trend.points.at(-1)).toEqual({ period: NEW, hidden: true, reason: "collecting" });
    expect(trend.changes.some((c) => c.to === NEW)).toBe(false);
    const [live] = trend.collecting;
    expect(live).toMatchObject({ period: NEW, responses: 5 });
    expect(live.invited).toBeGreaterThan(100);
    // The same live count the response rates show for the same survey.
    const rates = await getResponseRates({ filter: {} });
    expect(rates.surveys.find((r) => r.surveyId === surveyId)?.total).toEqual({ hidden: false, n: 5, atLeast: true });
  });

  it("never shows a live count under k, for a team or a filter", async () => {
    const [team] = await db.handle().db.select().from(s.teams).where(eq(s.teams.name, "Checkout"));
    const trend = await getNpsTrend({ filter: { team: team.id } });
    expect(trend.collecting).toEqual([expect.objectContaining({ period: NEW, responses: null })]);
  });

  it("gives dimension lines no 2027-Q1 point and the Teams view a closed default", async () => {
    const trends = dimensionTrendsWire.parse(await getDimensionTrends({ filter: {} }));
    for (const d of trends.dimensions) {
      const last = d.points.filter((p) => !p.hidden).at(-1);
      expect(last?.period).toBe("2026-Q4");
    }
    expect(trends.collecting.map((c) => c.period)).toEqual([NEW]);
    expect((await getTeamComparison({ input: {} })).period).toBe("2026-Q4");
  });
});
