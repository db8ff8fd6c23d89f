// Issue 16, "You said, we did": editors draft, preview and publish; the public page (no sign-in) carries
// only published words and the figures the backlog already publishes. Starts from the demo workspace.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as backlogRoute } from "@/app/api/backlog/route";
import { GET as editorRoute } from "@/app/api/you-said/editor/route";
import { DELETE as unpublishRoute, POST as publishRoute } from "@/app/api/you-said/items/[id]/publish/route";
import { PUT as draftRoute } from "@/app/api/you-said/items/[id]/route";
import { GET as pageRoute } from "@/app/api/you-said/route";
import { getUserByEmail } from "@/lib/auth/queries";
import type { BacklogListItem } from "@/lib/backlog/item-view";
import { selectRows } from "@/lib/db/client";
import { youSaidItems } from "@/lib/db/schema";
import { moveThemeMembers } from "@/lib/backlog/queries";
import { DEMO_BACKLOG_SCOPE } from "@/lib/demo/backlog";
import { seedDemo } from "@/lib/demo/seed";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import type { YouSaidEditor } from "./queries";
import type { YouSaidPage } from "./page";

const db = withTestDatabase();
const ids = { editor: "", viewer: "" };

beforeAll(async () => {
  await seedDemo(db.handle().db);
  ids.editor = (await getUserByEmail({ email: "pm@dxpulse.dev" }))!.id;
  ids.viewer = (await getUserByEmail({ email: "lead@dxpulse.dev" }))!.id;
  // The demo publishes two themes; these tests start from a page with nothing published.
  const demo = await publicPage();
  expect({ doing: demo.themes.map((t) => t.title), shipped: demo.shipped.map((t) => t.title) }).toEqual({
    doing: ["Fewer flaky tests"],
    shipped: ["Faster CI builds"],
  });
  await db.handle().db.delete(youSaidItems);
}, 120_000);

const publicPage = async () => {
  const res = await callRoute(pageRoute, { url: "http://localhost/api/you-said" });
  expect(res.status).toBe(200);
  return res.json.page as YouSaidPage;
};
const editor = async () => (await callRoute(editorRoute, { userId: ids.editor })).json as YouSaidEditor;
const draft = (id: string, body: Record<string, unknown>, userId = ids.editor) =>
  callRoute(draftRoute, { method: "PUT", params: { id }, body, userId });
const publish = (id: string, userId = ids.editor) =>
  callRoute(publishRoute, { method: "POST", params: { id }, userId });
const unpublish = (id: string) => callRoute(unpublishRoute, { method: "DELETE", params: { id }, userId: ids.editor });
const signedInBacklog = async () =>
  (
    await callRoute(backlogRoute, {
      url: `http://localhost/api/backlog?scope=${encodeURIComponent(DEMO_BACKLOG_SCOPE)}`,
      userId: ids.viewer,
    })
  ).json as { items: BacklogListItem[]; anonymityThreshold: number };

describe("You said, we did", () => {
  it("goes live only when an editor publishes; viewers and anonymous callers cannot change it", async () => {
    const before = await editor();
    expect(before.scope).toBe(DEMO_BACKLOG_SCOPE);
    expect(before.items.length).toBeGreaterThan(3);
    expect((await publicPage()).themes).toEqual([]);
    const [first, second] = before.items.filter((i) => i.quotable);

    expect((await callRoute(editorRoute, { userId: ids.viewer })).status).toBe(403);
    expect((await callRoute(editorRoute, {})).status).toBe(401);
    const body = { title: "Slow CI builds", note: "We are moving builds to a remote cache.", status: "in_progress" };
    expect((await draft(first.backlogItemId, body, ids.viewer)).status).toBe(403);
    expect((await publish(first.backlogItemId, ids.viewer)).status).toBe(403);
    expect((await draft(first.backlogItemId, { ...body, title: " " })).status).toBe(422);
    expect((await publish(first.backlogItemId)).status).toBe(404); // nothing drafted yet

    const saved = await draft(first.backlogItemId, body);
    expect(saved.status).toBe(200);
    expect(saved.json.item).toMatchObject({ draft: body, published: null, unpublishedChanges: true });
    // A draft is in the preview, not on the public page.
    expect((await editor()).preview.themes.map((t) => t.title)).toContain("Slow CI builds");
    expect((await publicPage()).themes).toEqual([]);

    const live = await publish(first.backlogItemId);
    expect(live.status).toBe(200);
    expect(live.json.item).toMatchObject({ published: body, unpublishedChanges: false });
    await draft(second.backlogItemId, {
      title: "Deploy waits",
      note: "Shipped: one-click deploys.",
      status: "shipped",
    });
    await publish(second.backlogItemId);
    let page = await publicPage();
    expect(page.themes.map((t) => t.title)).toEqual(["Slow CI builds"]);
    expect(page.shipped.map((t) => t.title)).toEqual(["Deploy waits"]);
    expect(page).toMatchObject({ latest: "2026-Q3", previous: "2026-Q2" });
    expect(page.shipped[0].change).not.toBeNull();

    // An edit after publishing waits for the next publish.
    await draft(first.backlogItemId, { ...body, title: "Faster CI builds" });
    expect((await publicPage()).themes.map((t) => t.title)).toEqual(["Slow CI builds"]);
    const item = (await editor()).items.find((i) => i.backlogItemId === first.backlogItemId)!;
    expect(item.unpublishedChanges).toBe(true);
    await publish(first.backlogItemId);
    expect((await publicPage()).themes.map((t) => t.title)).toEqual(["Faster CI builds"]);

    expect((await unpublish(first.backlogItemId)).json.item).toMatchObject({ published: null });
    page = await publicPage();
    expect(page.themes).toEqual([]);
    expect(page.shipped).toHaveLength(1);

    const audit = await selectRows<{ action: string }>(
      db.handle().db,
      sql`select action from audit_log where action like 'you_said.%'`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual([
      "you_said.publish",
      "you_said.publish",
      "you_said.publish",
      "you_said.unpublish",
    ]);
  });

  it("publishes no free text, and no figure for a theme under k or a quarter with fewer than k mentioners", async () => {
    // A theme of two people: split off by an editor, so it is under k.
    const [big] = (await signedInBacklog()).items.filter((i) => i.quotable);
    const two = await selectRows<{ public_id: string }>(
      db.handle().db,
      sql`select public_id from theme_members where backlog_item_id = ${big.id} order by public_id limit 2`,
    );
    await moveThemeMembers({ id: big.id, memberIds: two.map((m) => m.public_id), newLabel: "Two people's theme" });
    const backlog = await signedInBacklog();
    const k = backlog.anonymityThreshold;
    // Themes published as they are named, the small ones first, so the page shows all it ever could.
    const items = [...backlog.items].sort((a, b) => Number(a.quotable) - Number(b.quotable)).slice(0, 12);
    expect(items.some((i) => !i.quotable)).toBe(true);
    for (const item of items) {
      await draft(item.id, { title: item.label, note: "", status: item.status === "done" ? "shipped" : "planned" });
      expect((await publish(item.id)).status).toBe(200);
    }
    const page = await publicPage();
    const json = JSON.stringify(page);
    const texts = await selectRows<{ text: string }>(
      db.handle().db,
      sql`select text_value as text from answers where text_value is not null and length(text_value) > 24
          union select text from friction_entries where length(text) > 24
          union select notes from backlog_items where length(notes) > 0`,
    );
    expect(texts.length).toBeGreaterThan(50);
    for (const { text } of texts) expect(json).not.toContain(JSON.stringify(text).slice(1, -1));
    expect(json).not.toMatch(/"(mentioners|mentions|quotes|teams|respondentCount|id|backlogItemId)"/);

    const byTitle = new Map(items.map((i) => [i.label, i]));
    const shown = [...page.themes, ...page.shipped];
    expect(shown.length).toBe(items.length);
    expect(shown.filter((t) => t.latest && t.previous).length).toBeGreaterThan(2);
    for (const theme of shown) {
      const item = byTitle.get(theme.title)!;
      for (const rate of [theme.latest, theme.previous]) {
        if (!rate) continue;
        // Only a rate the signed-in backlog publishes, for a theme and a quarter of at least k people.
        expect(item.quotable).toBe(true);
        const signedIn = item.mentionRates.find((r) => r.period === rate.period)!;
        expect(signedIn.mentioners).toBeGreaterThanOrEqual(k);
        expect(rate).toEqual({ period: rate.period, rate: signedIn.rate, low: signedIn.low, high: signedIn.high });
      }
      if (!item.quotable) expect([theme.latest, theme.previous]).toEqual([null, null]);
    }
    // The collecting quarter (2026-Q4) never shows.
    expect(json).not.toContain("2026-Q4");
  });
});
