// Issue 13, findings 4 and 5: curation carries into a new scope, and the dashboard's backlog is picked,
// not "whatever was analysed last". Starts from the demo workspace and its curated 2026-Q1..Q4 backlog.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as analysisRoute } from "@/app/api/backlog/analysis/route";
import { POST as buildRoute } from "@/app/api/backlog/build/route";
import { GET as dashboardRoute, PUT as putDashboardRoute } from "@/app/api/backlog/dashboard/route";
import { DELETE as undoCarryRoute } from "@/app/api/backlog/items/[id]/carry/route";
import { GET as itemRoute } from "@/app/api/backlog/items/[id]/route";
import { GET as backlogRoute } from "@/app/api/backlog/route";
import { PATCH as renameSubThemeRoute } from "@/app/api/backlog/sub-themes/[id]/route";
import { getUserByEmail } from "@/lib/auth/queries";
import { selectRows } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { DEMO_BACKLOG_SCOPE } from "@/lib/demo/backlog";
import { seedDemo } from "@/lib/demo/seed";
import { seedThemes } from "@/lib/demo/texts";
import { runJobsNow } from "@/lib/jobs/drain";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { insertClosedSurvey } from "@/lib/testing/workspace-fixture";
import type { BacklogItemDetail, BacklogListItem } from "./item-view";
import { quartersScope } from "./scope";

const db = withTestDatabase();
const WIDER = quartersScope("2026-Q1", "2027-Q1");
const HISTORY = quartersScope("2026-Q3", "2026-Q3");

let editorId = "";
let viewerId = "";

const viewOf = async (scope: string, userId = viewerId) => {
  const res = await callRoute(backlogRoute, {
    url: `http://localhost/api/backlog?scope=${encodeURIComponent(scope)}`,
    userId,
  });
  expect(res.status).toBe(200);
  return res.json as { items: BacklogListItem[]; anonymityThreshold: number };
};
const subThemesOf = async (id: string) => {
  const res = await callRoute(itemRoute, {
    url: `http://localhost/api/backlog/items/${id}`,
    params: { id },
    userId: editorId,
  });
  expect(res.status).toBe(200);
  return (res.json as BacklogItemDetail).subThemes;
};
// The analysis is a job (lib/jobs): queue it through the route, run it, read what it found.
// The number of themes the PM keeps across analyses (the demo's), set by the first test.
let keptK: number | undefined;
const build = async (scope: string, k = keptK) => {
  const res = await callRoute(buildRoute, { body: { scope, ...(k ? { k } : {}) }, userId: editorId });
  expect(res.status).toBe(200);
  expect(await runJobsNow({ kinds: ["backlog.analyse"] })).toMatchObject({ failed: 0 });
  const done = await callRoute(analysisRoute, {
    url: `http://localhost/api/backlog/analysis?scope=${encodeURIComponent(scope)}`,
    userId: editorId,
  });
  expect(done.json.analysis).toMatchObject({ state: "done" });
  return done.json.analysis.run as {
    itemsCarried: number;
    itemsMatched: number;
    carriedFrom: { scope: string } | null;
  };
};

beforeAll(async () => {
  const d = db.handle().db;
  await seedDemo(d);
  editorId = (await getUserByEmail({ email: "pm@dxpulse.dev" }))!.id;
  viewerId = (await getUserByEmail({ email: "lead@dxpulse.dev" }))!.id;
  // A new quarter with answers: 40 developers, mostly about the demo's themes.
  const { surveyId, questions } = await insertClosedSurvey(d, "2027-Q1", [
    { key: "better", kind: "free_text", prompt: "What would make your work easier?" },
  ]);
  const themes = seedThemes.filter((t) => ["slow-ci", "flaky-tests", "deploy-wait", "docs"].includes(t.theme));
  for (let i = 0; i < 40; i++) {
    const theme = themes[i % themes.length];
    const [response] = await d.insert(s.responses).values({ surveyId, submittedOn: "2027-01-15" }).returning();
    await d.insert(s.answers).values({
      responseId: response.id,
      questionId: questions[0].id,
      textValue: theme.texts[i % theme.texts.length],
    });
  }
}, 120_000);

describe("curation carries into a new scope", () => {
  it("analysing every quarter again, now with 2027-Q1, keeps the names, statuses and owners", async () => {
    const before = (await viewOf(DEMO_BACKLOG_SCOPE)).items.filter((i) => i.customLabel && i.respondents >= 5);
    expect(before.length).toBeGreaterThan(4);

    // The PM keeps the number of themes they curated, so the themes split the answers alike.
    const demoRun = await callRoute(backlogRoute, {
      url: `http://localhost/api/backlog?scope=${encodeURIComponent(DEMO_BACKLOG_SCOPE)}`,
      userId: editorId,
    });
    keptK = demoRun.json.run.chosenK;
    // The PM named each curated theme's sub-themes too: the names carry with the theme to the sub-themes
    // that continue them.
    const subNames = new Map<string, string>();
    for (const item of before) {
      for (const [i, sub] of (await subThemesOf(item.id)).entries()) {
        const name = `${item.customLabel}: part ${i + 1}`;
        const res = await callRoute(renameSubThemeRoute, {
          method: "PATCH",
          params: { id: sub.id },
          body: { customLabel: name },
          userId: editorId,
        });
        expect(res.status).toBe(200);
        subNames.set(name, item.customLabel!);
      }
    }
    expect(subNames.size).toBeGreaterThan(4);
    const run = await build(WIDER);
    expect(run.carriedFrom?.scope).toBe(DEMO_BACKLOG_SCOPE);
    expect(run.itemsCarried).toBeGreaterThanOrEqual(before.length - 1);

    const after = (await viewOf(WIDER)).items;
    // Three of the curated themes whose answers the new analysis keeps together (the demo's deploy
    // answers are spread too thin to be one theme in the wider scope: at most one item is lost, above).
    for (const name of ["Slow CI builds", "Flaky tests", "Code review turnaround"]) {
      const old = before.find((i) => i.customLabel === name)!;
      const now = after.find((i) => i.customLabel === name);
      expect(now, name).toBeDefined();
      expect(now).toMatchObject({ status: old.status, owner: old.owner, effort: old.effort, notes: old.notes });
      expect(now!.carriedFrom).toMatchObject({ scope: DEMO_BACKLOG_SCOPE, via: "answers" });
    }
    // A merge carries too: the demo merged two docs themes when its clustering split them.
    const docsBefore = before.find((i) => i.customLabel === "Docs are hard to find and out of date")!;
    const docsNow = after.find((i) => i.customLabel === "Docs are hard to find and out of date")!;
    expect(docsNow).toBeDefined();
    if (docsBefore.mergedFrom.length) expect(docsNow.mergedFrom.length).toBeGreaterThan(0);
    // Anonymity: no theme under k says where its curation came from.
    for (const item of after) if (item.respondents < 5) expect(item.carriedFrom).toBeNull();
    // Sub-theme names: on the carried theme that continues their theme, each at most once, and never on
    // a sub-theme fewer than k people are behind (the name would say where their answers came from).
    const carriedSubs = (
      await Promise.all(
        after.filter((i) => i.carriedFrom).map(async (i) => ({ item: i, subs: await subThemesOf(i.id) })),
      )
    ).flatMap(({ item, subs }) => subs.filter((sub) => sub.customLabel).map((sub) => ({ item, sub })));
    expect(carriedSubs.length).toBeGreaterThan(2);
    for (const { item, sub } of carriedSubs) {
      expect(subNames.get(sub.customLabel!)).toBe(item.customLabel);
      expect(sub.label).toBe(sub.customLabel);
      // Shown with k or more people, or hidden only as the complement of another cell (never for being small).
      if (sub.respondents === null) expect(sub.hidden).toBe("complement");
      else expect(sub.respondents).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(carriedSubs.map((c) => c.sub.customLabel)).size).toBe(carriedSubs.length);
    // Nothing else in the new scope is named: only what carried (merged themes' sub-themes included).
    const [{ named }] = await selectRows<{ named: number }>(
      db.handle().db,
      sql`select count(*)::int as named from sub_themes st join backlog_items b on b.id = st.backlog_item_id
          where b.scope = ${WIDER} and st.custom_label is not null`,
    );
    expect(named).toBeGreaterThanOrEqual(carriedSubs.length);
    expect(named).toBeLessThanOrEqual(subNames.size);
    // The same name is not given to two themes.
    const names = after.map((i) => i.customLabel).filter(Boolean);
    expect(new Set(names).size).toBe(names.length);
  });

  it("re-analysing the same scope keeps every edit, and carries nothing twice", async () => {
    const before = (await viewOf(WIDER)).items;
    const carriesBefore = await countCarries();
    expect(carriesBefore).toBeGreaterThan(0);
    const run = await build(WIDER);
    expect(run.itemsMatched).toBeGreaterThan(0);
    const after = (await viewOf(WIDER)).items;
    for (const item of before.filter((i) => i.customLabel)) {
      expect(after.find((i) => i.id === item.id)).toMatchObject({ customLabel: item.customLabel, status: item.status });
    }
    expect(await countCarries()).toBe(carriesBefore);
  });

  it("an editor undoes a wrong carry; the next analysis does not carry it again", async () => {
    const flaky = (await viewOf(WIDER)).items.find((i) => i.customLabel === "Flaky tests")!;
    expect((await subThemesOf(flaky.id)).some((sub) => sub.customLabel?.startsWith("Flaky tests: part"))).toBe(true);
    expect((await callRoute(undoCarryRoute, { params: { id: flaky.id }, userId: viewerId })).status).toBe(403);
    const undone = await callRoute(undoCarryRoute, { params: { id: flaky.id }, userId: editorId });
    expect(undone.status).toBe(200);
    expect(undone.json.item).toMatchObject({ customLabel: null, status: "new", owner: "", effort: null, notes: "" });
    // Its sub-themes go back to their generated names too.
    expect((await subThemesOf(flaky.id)).every((sub) => sub.customLabel === null)).toBe(true);
    expect((await callRoute(undoCarryRoute, { params: { id: flaky.id }, userId: editorId })).status).toBe(409);

    // Even if the item goes and its theme comes back as a new one, Flaky tests is not carried here again.
    await db.handle().db.execute(sql`delete from backlog_items where id = ${flaky.id}`);
    await build(WIDER);
    const after = (await viewOf(WIDER)).items;
    expect(after.some((i) => i.customLabel === "Flaky tests")).toBe(false);
    expect(after.some((i) => i.customLabel === "Slow CI builds")).toBe(true);
  });
});

async function countCarries() {
  const rows = await db
    .handle()
    .db.select()
    .from(s.backlogCarries)
    .where(sql`${s.backlogCarries.scope} = ${WIDER}`);
  return rows.length;
}

describe("the dashboard's backlog", () => {
  it("defaults to the widest range of quarters, and analysing history does not move it", async () => {
    const first = await callRoute(dashboardRoute, { userId: viewerId });
    expect(first.status).toBe(200);
    expect(first.json.dashboard).toMatchObject({ scope: WIDER, chosen: false });

    await build(HISTORY);
    const after = await callRoute(dashboardRoute, { userId: viewerId });
    expect(after.json.dashboard).toEqual(first.json.dashboard);
  });

  it("an editor picks it; a viewer sees the pick and cannot change it", async () => {
    expect((await callRoute(putDashboardRoute, { body: { scope: DEMO_BACKLOG_SCOPE }, userId: viewerId })).status).toBe(
      403,
    );
    const never = await callRoute(putDashboardRoute, {
      body: { scope: quartersScope("2026-Q2", "2026-Q2") },
      userId: editorId,
    });
    expect(never.status).toBe(422);
    expect(never.json.error.fieldErrors.scope).toBeDefined();

    const picked = await callRoute(putDashboardRoute, { body: { scope: DEMO_BACKLOG_SCOPE }, userId: editorId });
    expect(picked.status).toBe(200);
    const seen = await callRoute(dashboardRoute, { userId: viewerId });
    expect(seen.json.dashboard).toMatchObject({ scope: DEMO_BACKLOG_SCOPE, chosen: true });
    expect(Date.parse(seen.json.dashboard.ranAt)).not.toBeNaN();

    // Analysing something else, even the picked scope's wider sibling, leaves the pick alone.
    await build(WIDER);
    expect((await callRoute(dashboardRoute, { userId: viewerId })).json.dashboard.scope).toBe(DEMO_BACKLOG_SCOPE);
  });
});
