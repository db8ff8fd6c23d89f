// Issue 14, acceptance 2: sub-themes stored by the analysis and replaced by the next one, shown with the
// anonymity rule at both levels, renamed and promoted, and exported in the CSV. Starts from the demo
// workspace's backlog (all four quarters, analysed with 12 themes).
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/backlog/export/route";
import { GET as itemRoute } from "@/app/api/backlog/items/[id]/route";
import { POST as promoteRoute } from "@/app/api/backlog/sub-themes/[id]/promote/route";
import { PATCH as renameRoute } from "@/app/api/backlog/sub-themes/[id]/route";
import { getUserByEmail } from "@/lib/auth/queries";
import { selectRows } from "@/lib/db/client";
import { DEMO_BACKLOG_SCOPE } from "@/lib/demo/backlog";
import { seedDemo } from "@/lib/demo/seed";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import type { BacklogItemDetail } from "./item-view";
import { buildBacklog, getBacklog } from "./queries";

const db = withTestDatabase();
const K = 5;
let editorId = "";
let viewerId = "";

const detailOf = async (id: string) => {
  const res = await callRoute(itemRoute, {
    url: `http://localhost/api/backlog/items/${id}`,
    params: { id },
    userId: viewerId,
  });
  expect(res.status).toBe(200);
  return res.json as BacklogItemDetail;
};
/** The scope's open items that have sub-themes, with their details. */
const itemsWithSubThemes = async () => {
  const { items } = await getBacklog({ scope: DEMO_BACKLOG_SCOPE });
  const details = await Promise.all(items.map((i) => detailOf(i.id)));
  return details.filter((d) => d.subThemes.length > 0);
};
const rebuild = () => buildBacklog({ scope: DEMO_BACKLOG_SCOPE, k: 12 });

beforeAll(async () => {
  await seedDemo(db.handle().db);
  editorId = (await getUserByEmail({ email: "pm@dxpulse.dev" }))!.id;
  viewerId = (await getUserByEmail({ email: "lead@dxpulse.dev" }))!.id;
}, 120_000);

describe("sub-themes", () => {
  it("are stored by the analysis: at least two per split theme, disjoint, each answer a member of its theme", async () => {
    const [check] = await selectRows<{ outside: number; twice: number; single: number; themes: number }>(
      db.handle().db,
      sql`select
            (select count(*)::int from sub_theme_members sm join sub_themes st on st.id = sm.sub_theme_id
             where not exists (select 1 from theme_members m where m.backlog_item_id = st.backlog_item_id and m.source_id = sm.source_id)) as outside,
            (select count(*)::int from (select st.backlog_item_id, sm.source_id from sub_theme_members sm
             join sub_themes st on st.id = sm.sub_theme_id group by 1, 2 having count(*) > 1) x) as twice,
            (select count(*)::int from (select backlog_item_id from sub_themes group by 1 having count(*) < 2) x) as single,
            (select count(distinct st.backlog_item_id)::int from sub_themes st join backlog_items b on b.id = st.backlog_item_id
             where b.scope = ${DEMO_BACKLOG_SCOPE}) as themes`,
    );
    expect(check).toEqual({ outside: 0, twice: 0, single: 0, themes: expect.any(Number) });
    expect(check.themes).toBeGreaterThanOrEqual(5);
  });

  it("the item API lists them with counts only where the theme minus the shown ones leaves 0 or at least k", async () => {
    const details = await itemsWithSubThemes();
    expect(details.length).toBeGreaterThanOrEqual(5);
    let shown = 0;
    for (const d of details) {
      const quoteTexts = new Set(d.quotes.map((q) => q.text));
      const counted = d.subThemes.reduce((n, s) => n + (s.respondents ?? 0), 0);
      const leftover = d.item.respondents - counted;
      expect(leftover === 0 || leftover >= K, `${d.item.label}: ${d.item.respondents} − ${counted}`).toBe(true);
      for (const s of d.subThemes) {
        expect(s.label.length).toBeGreaterThan(0);
        expect(s.label).not.toBe(d.item.generatedLabel);
        if (s.hidden) {
          expect(s).toMatchObject({ respondents: null, answers: null, share: null, quotes: [] });
          continue;
        }
        shown++;
        expect(s.respondents).toBeGreaterThanOrEqual(K);
        expect(s.share).toBeCloseTo(s.respondents! / d.item.respondents);
        expect(s.quotes.length).toBeGreaterThan(0);
        expect(s.quotes.length).toBeLessThanOrEqual(20);
        expect(s.quotes[0].representative).toBe(true);
        // A sub-theme's quotes are its theme's answers (the first 200 of which the theme shows).
        if (d.quoteCount <= 200) for (const q of s.quotes) expect(quoteTexts.has(q.text)).toBe(true);
      }
    }
    expect(shown).toBeGreaterThan(3);
  });

  it("the CSV has a row per sub-theme under its theme, with the same suppression", async () => {
    const details = await itemsWithSubThemes();
    const res = await callRoute(exportRoute, {
      url: `http://localhost/api/backlog/export?scope=${encodeURIComponent(DEMO_BACKLOG_SCOPE)}`,
      userId: viewerId,
    });
    expect(res.status).toBe(200);
    const [header, ...rows]: string[][] = parse(res.json as string, { bom: true });
    const col = (name: string) => header.indexOf(name);
    for (const d of details) {
      const at = rows.findIndex((r) => r[col("level")] === "theme" && r[col("theme")] === d.item.label);
      expect(at, d.item.label).toBeGreaterThanOrEqual(0);
      const under = rows.slice(at + 1, at + 1 + d.subThemes.length);
      expect(under.map((r) => [r[col("level")], r[col("parent")], r[col("rank")], r[col("theme")]])).toEqual(
        d.subThemes.map((s) => ["sub-theme", d.item.label, String(d.item.rank), s.label]),
      );
      under.forEach((r, i) => {
        const s = d.subThemes[i];
        expect(r[col("respondents")]).toBe(s.hidden ? "hidden" : String(s.respondents));
        if (s.hidden) expect(r[col("example quotes")]).toMatch(/^\[hidden/);
        else expect(r[col("example quotes")].split(" | ")[0]).toBe(s.quotes[0].text);
      });
    }
  });

  it("a rename survives re-analysis, which replaces the sub-themes", async () => {
    const [d] = await itemsWithSubThemes();
    const sub = d.subThemes[0];
    expect(
      (
        await callRoute(renameRoute, {
          method: "PATCH",
          params: { id: sub.id },
          body: { customLabel: "Hacked" },
          userId: viewerId,
        })
      ).status,
    ).toBe(403);
    const bad = await callRoute(renameRoute, {
      method: "PATCH",
      params: { id: sub.id },
      body: { customLabel: "x".repeat(200) },
      userId: editorId,
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fieldErrors.customLabel).toBeDefined();
    const renamed = await callRoute(renameRoute, {
      method: "PATCH",
      params: { id: sub.id },
      body: { customLabel: "Reviews across teams" },
      userId: editorId,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.subTheme).toEqual({
      id: sub.id,
      label: "Reviews across teams",
      customLabel: "Reviews across teams",
    });
    expect((await detailOf(d.item.id)).subThemes[0].label).toBe("Reviews across teams");

    await rebuild();
    const after = await detailOf(d.item.id);
    expect(after.subThemes.length).toBeGreaterThanOrEqual(2);
    expect(after.subThemes.map((s) => s.id)).not.toContain(sub.id);
    expect(after.subThemes.filter((s) => s.customLabel === "Reviews across teams")).toHaveLength(1);
    const [{ stale }] = await selectRows<{ stale: number }>(
      db.handle().db,
      sql`select count(*)::int as stale from sub_themes where id = ${sub.id}`,
    );
    expect(stale).toBe(0);
  }, 180_000);

  it("a promoted sub-theme becomes a theme of its own with its answers, and stays one after re-analysis", async () => {
    const details = await itemsWithSubThemes();
    const d = details.find((x) => x.subThemes.some((s) => !s.hidden))!;
    const sub = d.subThemes.find((s) => !s.hidden)!;
    expect((await callRoute(promoteRoute, { method: "POST", params: { id: sub.id }, userId: viewerId })).status).toBe(
      403,
    );
    const res = await callRoute(promoteRoute, { method: "POST", params: { id: sub.id }, userId: editorId });
    expect(res.status).toBe(201);
    expect(res.json.moved).toBe(sub.answers);
    const promoted = await detailOf(res.json.targetId);
    expect(promoted.item.label).toBe(sub.label);
    expect(promoted.quoteCount).toBe(sub.answers);
    for (const q of sub.quotes) expect(promoted.quotes.map((p) => p.id)).toContain(q.id);
    expect(promoted.quotes.every((q) => q.pinned)).toBe(true);
    const parent = await detailOf(d.item.id);
    expect(parent.subThemes.map((s) => s.id)).not.toContain(sub.id);
    expect(parent.item.mentions).toBe(d.item.mentions - sub.answers!);
    // Promoting it again finds nothing.
    expect((await callRoute(promoteRoute, { method: "POST", params: { id: sub.id }, userId: editorId })).status).toBe(
      404,
    );

    await rebuild();
    const { items } = await getBacklog({ scope: DEMO_BACKLOG_SCOPE });
    const kept = items.find((i) => i.id === res.json.targetId);
    expect(kept?.label).toBe(sub.label);
    expect(kept?.mentions).toBe(sub.answers);
  }, 180_000);
});
