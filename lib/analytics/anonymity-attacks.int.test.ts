import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/backlog/export/route";
import { GET as itemRoute } from "@/app/api/backlog/items/[id]/route";
import { GET as backlogRoute } from "@/app/api/backlog/route";
import { GET as evidenceRoute } from "@/app/api/journeys/[id]/evidence/route";
import { POST as linkRoute } from "@/app/api/journeys/[id]/steps/[stepId]/themes/route";
import { GET as commentsRoute } from "@/app/api/analytics/surveys/[surveyId]/comments/route";
import { backlogCsvHeader } from "@/lib/backlog/csv-rows";
import * as s from "@/lib/db/schema";
import { releaseUnreleasedThemes } from "@/lib/backlog/queries";
import { addJourneyStep, createJourneyMap } from "@/lib/journeys/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertClosedSurvey, insertTeams, npsAndSatisfaction, seedWorkspace } from "@/lib/testing/workspace-fixture";

/*
 * Gaps left by analytics.int.test.ts (endpoints, filters, complements, analytics CSV): the backlog list,
 * its CSV, a theme's detail and journey evidence must not carry numbers or quotes of fewer than k people.
 *
 * Fixture (k = 5), one survey per quarter with NPS, a Likert score and free text:
 *   2026-Q3: Big 8 respondents, Small 3      2026-Q4: Big 2, Small 2 (4 in all: a quarter under k)
 *   theme "Slow CI"   6 Big (Q3) + 2 Small (Q3) + 1 Big (Q4)   = 9 respondents: shown, Small's 2 never listed
 *   theme "Vault"     the 3 Small people of Q3 (k − 1 = 4 is the worst case; 3 is under it)
 *   theme "Lonely"    1 person, whose own NPS would be exposed as the theme's score
 */
const db = withTestDatabase();
const SCOPE = "periods:2026-Q3..2026-Q4";
const VAULT_TEXT = "vault access takes a whole week";
const LONELY_TEXT = "my manager blocks every deploy";

const ids = {
  viewer: "",
  editor: "",
  big: "",
  small: "",
  ci: "",
  vault: "",
  lonely: "",
  surveys: {} as Record<string, string>,
  freeText: {} as Record<string, string>,
};

beforeAll(async () => {
  const d = db.handle().db;
  ({ viewer: ids.viewer, editor: ids.editor } = await seedWorkspace(d, {
    anonymityThreshold: 5,
    roles: ["viewer", "editor"],
  }));
  ({ Big: ids.big, Small: ids.small } = await insertTeams(d, [
    { name: "Big", headcount: 12 },
    { name: "Small", headcount: 4 },
  ]));

  const plan: Record<string, { team: string; nps: number; text: string; theme?: "ci" | "vault" | "lonely" }[]> = {
    "2026-Q3": [
      ...Array.from({ length: 6 }, (_, i) => ({
        team: ids.big,
        nps: 8,
        text: `the CI pipeline is slow ${i}`,
        theme: "ci" as const,
      })),
      { team: ids.big, nps: 9, text: "all good" },
      { team: ids.big, nps: 0, text: LONELY_TEXT, theme: "lonely" },
      ...Array.from({ length: 2 }, (_, i) => ({
        team: ids.small,
        nps: 3,
        text: `CI is slow for us too ${i}`,
        theme: "ci" as const,
      })),
      { team: ids.small, nps: 1, text: VAULT_TEXT, theme: "vault" },
    ],
    "2026-Q4": [
      { team: ids.big, nps: 7, text: "CI still slow", theme: "ci" },
      { team: ids.big, nps: 10, text: "fine" },
      { team: ids.small, nps: 2, text: "nothing" },
      { team: ids.small, nps: 2, text: "nothing" },
    ],
  };
  const members: { theme: "ci" | "vault" | "lonely"; answerId: number }[] = [];
  for (const [period, rows] of Object.entries(plan)) {
    const { surveyId, questions: qs } = await insertClosedSurvey(d, period, [
      ...npsAndSatisfaction,
      { key: "frustration", kind: "free_text", prompt: "Frustrating?" },
    ]);
    ids.surveys[period] = surveyId;
    ids.freeText[period] = qs[2].id;
    for (const row of rows) {
      const [response] = await d
        .insert(s.responses)
        .values({
          surveyId,
          teamId: row.team,
          submittedOn: period === "2026-Q3" ? "2026-08-01" : "2026-11-01",
        })
        .returning();
      const inserted = await d
        .insert(s.answers)
        .values([
          { responseId: response.id, questionId: qs[0].id, numberValue: row.nps },
          { responseId: response.id, questionId: qs[1].id, numberValue: row.nps >= 5 ? 4 : 1 },
          { responseId: response.id, questionId: qs[2].id, textValue: row.text },
        ])
        .returning();
      if (row.theme) members.push({ theme: row.theme, answerId: inserted[2].id });
    }
  }
  const items = await d
    .insert(s.backlogItems)
    .values([
      { scope: SCOPE, label: "Slow CI", terms: ["ci", "slow"] },
      { scope: SCOPE, label: "Vault", terms: ["vault"] },
      { scope: SCOPE, label: "Lonely", terms: ["manager"] },
    ])
    .returning();
  ids.ci = items[0].id;
  ids.vault = items[1].id;
  ids.lonely = items[2].id;
  const byTheme = { ci: ids.ci, vault: ids.vault, lonely: ids.lonely };
  await d.insert(s.themeMembers).values(
    members.map((m) => ({
      backlogItemId: byTheme[m.theme],
      sourceId: `a:${m.answerId}`,
      answerId: m.answerId,
      similarity: 0.9,
      sentiment: -0.8,
    })),
  );
  // Published theme figures describe released respondents (lib/backlog/queries.ts): release these as the server does at start.
  await releaseUnreleasedThemes(d);
});

const asViewer = (
  handler: Parameters<typeof callRoute>[0],
  opts: { url?: string; params?: Record<string, string> } = {},
) => callRoute(handler, { ...opts, userId: ids.viewer });
const backlogUrl = `http://localhost/api/backlog?scope=${encodeURIComponent(SCOPE)}`;

describe("themes traced to fewer than k people", () => {
  it("the backlog list shows their counts but no scores, sentiment or impact of those people", async () => {
    const res = await asViewer(backlogRoute, { url: backlogUrl });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.json.items.map((i: { id: string }) => [i.id, i]));
    for (const id of [ids.vault, ids.lonely]) {
      const item = byId[id];
      expect(item.respondents).toBeLessThan(5);
      expect(item.quotable).toBe(false);
      expect(item).toMatchObject({
        mentionersNps: null,
        mentionersLikert: null,
        negativeShare: null,
        sentiment: null,
        impact: 0,
      });
      expect(Object.values(item.impactComponents)).toEqual([null, null, null]);
    }
    // The large theme is scored.
    expect(byId[ids.ci].mentionersNps).toEqual(expect.any(Number));
    expect(JSON.stringify(res.json)).not.toContain(VAULT_TEXT);
    expect(JSON.stringify(res.json)).not.toContain(LONELY_TEXT);
  });

  it("a quarter with fewer than k respondents shows neither the rate nor the count behind it", async () => {
    const res = await asViewer(backlogRoute, { url: backlogUrl });
    const ci = res.json.items.find((i: { id: string }) => i.id === ids.ci);
    // 2026-Q4's only survey is under k, so it adds nobody to the scope: no rate, no count, no quarter.
    const q4 = ci.mentionRates.find((r: { period: string }) => r.period === "2026-Q4");
    expect(q4).toBeUndefined();
    const q3 = ci.mentionRates.find((r: { period: string }) => r.period === "2026-Q3");
    expect(q3).toMatchObject({ mentioners: 8, respondents: 11 });
  });

  it("their detail has no quotes and no team rows; a large theme never lists a team under k", async () => {
    for (const id of [ids.vault, ids.lonely]) {
      const res = await asViewer(itemRoute, { params: { id } });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ quotes: [], teams: [], quotesHidden: true });
      expect(res.json.item.mentionersNps).toBeNull();
    }
    const ci = await asViewer(itemRoute, { params: { id: ids.ci } });
    expect(ci.json.quotes.length).toBeGreaterThan(0);
    expect(ci.json.teams.map((t: { teamId?: string; id?: string }) => t.teamId ?? t.id)).toEqual([ids.big]);
    expect(JSON.stringify(ci.json.teams)).not.toContain(ids.small);
    expect(JSON.stringify(ci.json.teams)).not.toContain("Small");
  });

  it("the CSV export carries no quotes, scores or sentiment for them", async () => {
    const res = await asViewer(exportRoute, {
      url: `http://localhost/api/backlog/export?scope=${encodeURIComponent(SCOPE)}`,
    });
    expect(res.status).toBe(200);
    const [header, ...rows]: string[][] = parse(String(res.json), { bom: true });
    expect(header).toEqual([...backlogCsvHeader]);
    const col = (name: string) => header.indexOf(name);
    for (const label of ["Vault", "Lonely"]) {
      const row = rows.find((r) => r[col("theme")] === label)!;
      expect(row[col("example quotes")]).toMatch(/^\[hidden/);
      expect(row[col("sentiment")]).toBe("");
      expect(row[col("impact")]).toBe("0");
    }
    expect(String(res.json)).not.toContain(VAULT_TEXT);
    expect(String(res.json)).not.toContain(LONELY_TEXT);
    const ci = rows.find((r) => r[col("theme")] === "Slow CI")!;
    expect(ci[col("periods")]).toContain("2026-Q3: ");
    expect(ci[col("periods")]).not.toContain("2026-Q4");
  });

  it("journey evidence for a small theme linked to a step shows nothing about those people", async () => {
    const { id: mapId } = await createJourneyMap({
      input: { name: "Access", workflow: "", persona: "", maturityNow: 0, maturityTarget: 3 },
    });
    const step = await addJourneyStep({
      mapId,
      input: {
        path: "current",
        name: "Get vault access",
        minutes: 60,
        pain: "high",
        loadType: "extraneous",
        loadLevel: 4,
        tools: 1,
        concepts: 1,
        configFiles: 0,
        people: 1,
        dashboards: 0,
        docs: 1,
        notes: "",
        counterpartStepId: null,
        outcome: null,
      },
    });
    for (const themeId of [ids.vault, ids.lonely, ids.ci]) {
      expect(
        (
          await callRoute(linkRoute, {
            params: { id: mapId, stepId: step.id },
            body: { backlogItemId: themeId },
            userId: ids.editor,
          })
        ).status,
      ).toBe(201);
    }
    const res = await asViewer(evidenceRoute, { params: { id: mapId } });
    expect(res.status).toBe(200);
    for (const id of [ids.vault, ids.lonely]) {
      expect(res.json.themes.find((t: { backlogItemId: string }) => t.backlogItemId === id)).toMatchObject({
        hidden: true,
        respondents: null,
        share: null,
        quotes: [],
        trend: [],
      });
    }
    const ci = res.json.themes.find((t: { backlogItemId: string }) => t.backlogItemId === ids.ci);
    expect(ci.hidden).toBe(false);
    expect(ci.trend.find((p: { period: string }) => p.period === "2026-Q4")).toMatchObject({
      hidden: true,
      share: null,
    });
    expect(JSON.stringify(res.json)).not.toContain(VAULT_TEXT);
  });
});

describe("free-text comments by team", () => {
  it("a team under k gets no quotes, and the larger team is hidden too when Small is all that is left", async () => {
    const q3 = ids.surveys["2026-Q3"];
    const small = await asViewer(commentsRoute, {
      url: `http://localhost/api?team=${ids.small}&question=${ids.freeText["2026-Q3"]}`,
      params: { surveyId: q3 },
    });
    expect(small.status).toBe(200);
    expect(small.json.comments.hidden).toBe(true);
    expect(JSON.stringify(small.json)).not.toContain(VAULT_TEXT);
    // Q3 = Big (8) + Small (3): Big's comments would reveal Small's by subtraction from the whole survey.
    const big = await asViewer(commentsRoute, {
      url: `http://localhost/api?team=${ids.big}&question=${ids.freeText["2026-Q3"]}`,
      params: { surveyId: q3 },
    });
    expect(big.status, JSON.stringify(big.json)).toBe(200);
    expect(big.json.comments).toEqual({ hidden: true, reason: "complement" });
    // Searching inside a visible group is fine, but never surfaces Small's text through a narrower filter.
    const search = await asViewer(commentsRoute, {
      url: `http://localhost/api?team=${ids.small}&question=${ids.freeText["2026-Q3"]}&q=vault`,
      params: { surveyId: q3 },
    });
    expect(JSON.stringify(search.json)).not.toContain(VAULT_TEXT);
    // Q4 has only 4 respondents in all: no comments at any filter.
    const q4 = await asViewer(commentsRoute, {
      url: `http://localhost/api?question=${ids.freeText["2026-Q4"]}`,
      params: { surveyId: ids.surveys["2026-Q4"] },
    });
    expect(q4.status).toBe(200);
    expect(q4.json.comments.hidden).toBe(true);
    expect(JSON.stringify(q4.json)).not.toContain("CI still slow");
  });
});
