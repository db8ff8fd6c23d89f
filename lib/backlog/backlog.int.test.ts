import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as buildRoute } from "@/app/api/backlog/build/route";
import { GET as analysisRoute } from "@/app/api/backlog/analysis/route";
import { GET as backlogRoute } from "@/app/api/backlog/route";
import { GET as itemRoute, PATCH as patchItemRoute } from "@/app/api/backlog/items/[id]/route";
import { POST as mergeRoute } from "@/app/api/backlog/items/[id]/merge/route";
import { POST as moveRoute } from "@/app/api/backlog/items/[id]/move/route";
import { PATCH as thresholdsRoute } from "@/app/api/backlog/thresholds/route";
import { GET as exportRoute } from "@/app/api/backlog/export/route";
import { parse } from "csv-parse/sync";
import { backlogCsvHeader } from "./csv-rows";
import { getUserByEmail } from "@/lib/auth/queries";
import { selectRows } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { runJobsNow } from "@/lib/jobs/drain";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import { DEMO_BACKLOG_SCOPE, seedDemoBacklog } from "@/lib/demo/backlog";
import { buildBacklog, getBacklog, getBacklogItem } from "./queries";

const db = withTestDatabase();
const SCOPE = "periods:2026-Q1..2026-Q4";

let editorId = "";
let viewerId = "";

async function snapshot() {
  return selectRows<Record<string, unknown>>(
    db.handle().db,
    sql`select b.id, b.label, b.custom_label, b.effort, b.status, b.owner, b.notes, b.merged_into_id,
               (select string_agg(m.source_id || ':' || m.pinned, ',' order by m.source_id) from theme_members m where m.backlog_item_id = b.id) as members
        from backlog_items b order by b.id`,
  );
}

beforeAll(async () => {
  await seedDemo(db.handle().db);
  // The demo seed curates a backlog of its own; these tests start from one never built.
  await db.handle().db.execute(sql`truncate backlog_items, backlog_runs cascade`);
  editorId = (await getUserByEmail({ email: "pm@dxpulse.dev" }))!.id;
  viewerId = (await getUserByEmail({ email: "lead@dxpulse.dev" }))!.id;
});

/** An item's mention rates with the demo's 2026-Q4 surveys closed for the moment (they are open in the seed). */
async function closedQ4Rates(itemId: string, scope = SCOPE) {
  const d = db.handle().db;
  const open = await selectRows<{ id: string }>(
    d,
    sql`select id::text as id from surveys where period = '2026-Q4' and status = 'open'`,
  );
  await d.execute(sql`update surveys set status = 'closed' where period = '2026-Q4' and status = 'open'`);
  try {
    const item = (await getBacklog({ scope })).items.find((i) => i.id === itemId)!;
    for (const r of item.mentionRates) {
      expect(r.collecting).toBe(false);
      if (r.rate !== null) expect(r.low! <= r.rate && r.rate <= r.high!).toBe(true);
    }
    return (p: string) => item.mentionRates.find((r) => r.period === p)!.rate!;
  } finally {
    for (const { id } of open) await d.execute(sql`update surveys set status = 'open' where id = ${id}`);
  }
}

describe("backlog build and curation", () => {
  it("a viewer cannot build; an editor builds a ranked backlog with metrics", async () => {
    expect((await callRoute(buildRoute, { body: { scope: SCOPE }, userId: viewerId })).status).toBe(403);
    const bad = await callRoute(buildRoute, { body: { scope: "periods:2026-Q4..2026-Q1", k: 1 }, userId: editorId });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(["k", "scope"]);

    // The analysis is a job: queued by the request, joined by a second one, run by a worker.
    const queued = await callRoute(buildRoute, { body: { scope: SCOPE }, userId: editorId });
    expect(queued.status).toBe(200);
    expect(queued.json).toMatchObject({ joined: false, analysis: { state: "queued", percent: 0, run: null } });
    const again = await callRoute(buildRoute, { body: { scope: SCOPE, k: 5 }, userId: editorId });
    expect(again.json).toMatchObject({ joined: true, analysis: { id: queued.json.analysis.id } });
    expect(await runJobsNow({ kinds: ["backlog.analyse"] })).toEqual({ completed: 1, failed: 0 });
    const built = await callRoute(analysisRoute, {
      url: `http://localhost/api/backlog/analysis?scope=${SCOPE}`,
      userId: viewerId,
    });
    expect(built.status).toBe(200);
    expect(built.json.analysis).toMatchObject({ id: queued.json.analysis.id, state: "done", percent: 100 });
    expect(built.json.analysis.run.chosenK).toBeGreaterThan(2);
    expect(built.json.analysis.run.itemsCreated).toBe(built.json.analysis.run.chosenK);

    const view = await callRoute(backlogRoute, {
      url: `http://localhost/api/backlog?scope=${SCOPE}`,
      userId: viewerId,
    });
    expect(view.status).toBe(200);
    const { items, population, periods } = view.json;
    expect(items.length).toBeGreaterThan(2);
    expect(periods.map((p: { period: string }) => p.period)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(items.map((i: { rank: number }) => i.rank)).toEqual(items.map((_: unknown, i: number) => i + 1));
    for (const item of items) {
      expect(item.share).toBeCloseTo(item.respondents / population.respondents);
      expect(item.impact).toBeGreaterThanOrEqual(0);
      expect(item.impact).toBeLessThanOrEqual(1);
      expect(item.mentionRates).toHaveLength(4);
    }
    // Frequency counts distinct respondents: never more than the answers in the theme.
    const [check] = await selectRows<{ bad: number }>(
      db.handle().db,
      sql`select count(*)::int as bad from backlog_items b where b.scope = ${SCOPE} and
            (select count(distinct a.response_id) from theme_members m join answers a on a.id = m.answer_id where m.backlog_item_id = b.id) >
            (select count(*) from theme_members m where m.backlog_item_id = b.id)`,
    );
    expect(check.bad).toBe(0);
  });

  it("slow CI complaints are a theme whose mention rate falls in Q4", async () => {
    const { items } = await getBacklog({ scope: SCOPE });
    const ci = items.find((i) => /ci|build|pipeline/i.test(i.label + " " + i.terms.slice(0, 3).join(" ")));
    expect(ci).toBeDefined();
    // The demo's 2026-Q4 survey is still collecting: no rate (a few early answers would read as a spike).
    expect(ci!.mentionRates.find((r) => r.period === "2026-Q4")).toMatchObject({
      collecting: true,
      rate: null,
      mentioners: null,
    });
    expect(ci!.mentionRates.find((r) => r.period === "2026-Q4")!.respondents! % 5).toBe(0);
    const rate = await closedQ4Rates(ci!.id);
    expect(rate("2026-Q4")).toBeLessThan(rate("2026-Q2"));
  });

  it("curation survives a re-run of clustering: rename, status, effort, a pinned move and a merge", async () => {
    const before = (await getBacklog({ scope: SCOPE })).items;
    const [a, b, c, d] = before;

    const patch = await callRoute(patchItemRoute, {
      method: "PATCH",
      params: { id: a.id },
      body: { customLabel: "Make CI fast", status: "planned", effort: "L", owner: "Build team", notes: "Q3 OKR" },
      userId: editorId,
    });
    expect(patch.status).toBe(200);

    const detailB = await callRoute(itemRoute, { params: { id: b.id }, userId: viewerId });
    const moved = detailB.json.quotes[detailB.json.quotes.length - 1].id as string;
    const move = await callRoute(moveRoute, {
      params: { id: b.id },
      body: { memberIds: [moved], targetId: a.id },
      userId: editorId,
    });
    expect(move.status).toBe(200);

    const merge = await callRoute(mergeRoute, { params: { id: c.id }, body: { targetId: d.id }, userId: editorId });
    expect(merge.status).toBe(200);
    const dBefore = (await getBacklog({ scope: SCOPE })).items.find((i) => i.id === d.id)!;
    expect(dBefore.mergedFrom.map((m) => m.id)).toEqual([c.id]);
    expect(dBefore.respondents).toBeGreaterThanOrEqual(Math.max(c.respondents, d.respondents));

    // Same data, re-clustered twice: automatically, then with another number of themes.
    for (const k of [null, before.length + 3]) {
      const run = await buildBacklog({ scope: SCOPE, k });
      const after = await getBacklog({ scope: SCOPE });
      const itemA = after.items.find((i) => i.id === a.id)!;
      if (k === null) {
        // Same answers, same clustering: every theme continues its item, nothing new appears.
        expect(run.itemsCreated).toBe(0);
        expect(run.itemsRemoved).toBe(0);
        expect(itemA.respondents).toBeGreaterThanOrEqual(a.respondents);
      }
      expect(itemA).toMatchObject({
        label: "Make CI fast",
        customLabel: "Make CI fast",
        status: "planned",
        effort: "L",
        owner: "Build team",
        notes: "Q3 OKR",
      });
      const [pinned] = await selectRows<{ backlog_item_id: string; pinned: number }>(
        db.handle().db,
        sql`select m.backlog_item_id, m.pinned from theme_members m join backlog_items b on b.id = m.backlog_item_id
            where b.scope = ${SCOPE} and m.public_id = ${moved}`,
      );
      expect(pinned).toEqual({ backlog_item_id: a.id, pinned: 1 });
      const [merged] = await selectRows<{ merged_into_id: string }>(
        db.handle().db,
        sql`select merged_into_id from backlog_items where id = ${c.id}`,
      );
      expect(merged.merged_into_id).toBe(d.id);
      expect(after.items.some((i) => i.id === c.id)).toBe(false);
      expect(after.items.find((i) => i.id === d.id)!.mergedFrom.map((m) => m.id)).toEqual([c.id]);
      // A source belongs to one item per scope.
      const [dupes] = await selectRows<{ n: number }>(
        db.handle().db,
        sql`select count(*)::int as n from (select m.source_id from theme_members m join backlog_items b on b.id = m.backlog_item_id
            where b.scope = ${SCOPE} group by m.source_id having count(*) > 1) x`,
      );
      expect(dupes.n).toBe(0);
    }
  });

  it("a theme traced to fewer than k people shows no quotes and no team breakdown", async () => {
    const { items, anonymityThreshold } = await getBacklog({ scope: SCOPE });
    const big = items.find((i) => i.respondents >= anonymityThreshold * 3)!;
    const detail = await getBacklogItem({ id: big.id });
    expect(detail.quotes.length).toBeGreaterThan(0);
    const split = await callRoute(moveRoute, {
      params: { id: big.id },
      body: { memberIds: detail.quotes.slice(0, 2).map((q) => q.id), newLabel: "Tiny theme" },
      userId: editorId,
    });
    expect(split.status).toBe(201);
    const tiny = await callRoute(itemRoute, { params: { id: split.json.targetId }, userId: viewerId });
    expect(tiny.json.item.respondents).toBeLessThan(anonymityThreshold);
    expect(tiny.json.quotesHidden).toBe(true);
    expect(tiny.json.quotes).toEqual([]);
    expect(tiny.json.teams).toEqual([]);
    expect(JSON.stringify(tiny.json)).not.toContain(detail.quotes[0].text);

    // Team rows under k are never listed for a theme above k.
    const shown = await getBacklogItem({ id: big.id });
    for (const team of shown.teams) expect(team.mentioners).toBeGreaterThanOrEqual(anonymityThreshold);
    expect(shown.teams.reduce((s, t) => s + t.mentioners, 0) + shown.hiddenTeamMentioners).toBe(shown.item.respondents);
  });

  it("exports the ranked backlog as CSV, quotes withheld under k", async () => {
    const view = await getBacklog({ scope: SCOPE });
    const res = await callRoute(exportRoute, {
      url: `http://localhost/api/backlog/export?scope=${SCOPE}`,
      userId: viewerId,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="dx-backlog-2026-Q1-to-2026-Q4-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...all]: string[][] = parse(res.json as string, { bom: true });
    expect(header).toEqual([...backlogCsvHeader]);
    // Sub-theme rows follow their theme's (sub-themes.int.test.ts checks them).
    const rows = all.filter((r) => r[header.indexOf("level")] === "theme");
    expect(rows).toHaveLength(view.items.length);
    expect(rows.map((r) => r[0])).toEqual(view.items.map((i) => String(i.rank)));
    expect(rows.map((r) => r[1])).toEqual(view.items.map((i) => i.label));
    const tiny = rows.find((r) => r[1] === "Tiny theme")!;
    expect(tiny[11]).toBe(`[hidden: fewer than ${view.anonymityThreshold} respondents]`);
    const quoted = rows.find((r) => Number(r[4]) >= view.anonymityThreshold)!;
    expect(quoted[11].length).toBeGreaterThan(0);
    expect(quoted[12].split("; ")).toHaveLength(4);
    expect(
      (await callRoute(exportRoute, { url: "http://localhost/api/backlog/export?scope=nope", userId: viewerId }))
        .status,
    ).toBe(422);
  });

  it("refuses bad curation input with field messages and changes nothing", async () => {
    const { items } = await getBacklog({ scope: SCOPE });
    const [a, b] = items;
    const before = await snapshot();

    const patch = await callRoute(patchItemRoute, {
      method: "PATCH",
      params: { id: a.id },
      body: { effort: "XL", status: "closed", customLabel: "x".repeat(200) },
      userId: editorId,
    });
    expect(patch.status).toBe(422);
    expect(Object.keys(patch.json.error.fieldErrors).sort()).toEqual(["customLabel", "effort", "status"]);

    const empty = await callRoute(patchItemRoute, {
      method: "PATCH",
      params: { id: a.id },
      body: {},
      userId: editorId,
    });
    expect(empty.status).toBe(422);

    const self = await callRoute(mergeRoute, { params: { id: a.id }, body: { targetId: a.id }, userId: editorId });
    expect(self.status).toBe(422);
    expect(self.json.error.fieldErrors.targetId).toBeDefined();

    // Sequential answer ids are not accepted at all; an unknown public id is not in the theme.
    const sequential = await callRoute(moveRoute, {
      params: { id: b.id },
      body: { memberIds: ["a:1"], targetId: a.id },
      userId: editorId,
    });
    expect(sequential.status).toBe(422);
    expect(
      sequential.json.error.fieldErrors["memberIds.0"] ?? sequential.json.error.fieldErrors.memberIds,
    ).toBeDefined();
    const foreign = await callRoute(moveRoute, {
      params: { id: b.id },
      body: { memberIds: [crypto.randomUUID()], targetId: a.id },
      userId: editorId,
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.fieldErrors.memberIds).toBeDefined();

    const both = await callRoute(moveRoute, {
      params: { id: b.id },
      body: { memberIds: [crypto.randomUUID()] },
      userId: editorId,
    });
    expect(both.status).toBe(422);

    const asViewer = await callRoute(patchItemRoute, {
      method: "PATCH",
      params: { id: a.id },
      body: { status: "done" },
      userId: viewerId,
    });
    expect(asViewer.status).toBe(403);

    const thresholds = await callRoute(thresholdsRoute, {
      method: "PATCH",
      body: { frequencyThreshold: 3 },
      userId: editorId,
    });
    expect(thresholds.status).toBe(422);

    expect(await snapshot()).toEqual(before);
  });

  it("editors move the quadrant thresholds", async () => {
    const res = await callRoute(thresholdsRoute, {
      method: "PATCH",
      body: { frequencyThreshold: 0.2, impactThreshold: 0.4 },
      userId: editorId,
    });
    expect(res.status).toBe(200);
    const view = await getBacklog({ scope: SCOPE });
    expect(view.thresholds).toEqual({
      frequencyThreshold: expect.closeTo(0.2, 5),
      impactThreshold: expect.closeTo(0.4, 5),
    });
    for (const item of view.items) {
      const frequent = item.share >= 0.2;
      const painful = item.impact >= 0.4;
      expect(item.quadrant).toBe(
        frequent && painful ? "do_first" : frequent ? "automate_or_document" : painful ? "schedule" : "ignore",
      );
    }
  });

  it("builds the friction log and a single survey as their own scopes", async () => {
    const friction = await buildBacklog({ scope: "friction" });
    expect(friction.textCount).toBe(12);
    const view = await getBacklog({ scope: "friction" });
    expect(view.population.respondents).toBe(12);
    expect(view.items.reduce((s, i) => s + i.respondents, 0)).toBeLessThanOrEqual(12);
    // The other scope was not touched.
    expect((await getBacklog({ scope: SCOPE })).items.some((i) => i.label === "Make CI fast")).toBe(true);
  });
});

describe("demo backlog", () => {
  it("builds and curates inside the seed's transaction", async () => {
    await db.handle().db.execute(sql`truncate backlog_items, backlog_runs cascade`);
    await db.handle().db.transaction((tx) => seedDemoBacklog(tx));
    const view = await getBacklog({ scope: DEMO_BACKLOG_SCOPE });
    expect(view.run?.chosenK).toBe(12);
    const ci = view.items.find((i) => i.label === "Slow CI builds");
    expect(ci).toMatchObject({ status: "done", effort: "L", statusChangedPeriod: "2026-Q3" });
    const rate = await closedQ4Rates(ci!.id, DEMO_BACKLOG_SCOPE);
    // Complaints drop after the fix (how sharply depends on how cleanly the clustering separates CI).
    expect(rate("2026-Q4")).toBeLessThan(Math.max(rate("2026-Q1"), rate("2026-Q2"), rate("2026-Q3")));
    expect((await getBacklog({ scope: "friction" })).items.length).toBeGreaterThan(0);
  });
});
