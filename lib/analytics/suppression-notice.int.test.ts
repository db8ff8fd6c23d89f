// Issue 13, findings 2 and 3, against the demo: one notice per view with the real reason and a way out,
// through the real routes (callRoute checks every response against the OpenAPI document).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as noticeRoute } from "@/app/api/analytics/notice/route";
import { GET as resultsRoute } from "@/app/api/analytics/surveys/[surveyId]/route";
import { GET as teamsRoute } from "@/app/api/analytics/teams/route";
import * as s from "@/lib/db/schema";
import { seedDemo } from "@/lib/demo/seed";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";

const db = withTestDatabase();
const ids = { viewer: "", q3: "", teams: {} as Record<string, string> };

beforeAll(async () => {
  const d = db.handle().db;
  await seedDemo(d);
  const [viewer] = await d.select().from(s.users).where(eq(s.users.email, "lead@dxpulse.dev"));
  ids.viewer = viewer.id;
  const [q3] = await d.select().from(s.surveys).where(eq(s.surveys.title, "Developer experience survey 2026-Q3"));
  ids.q3 = q3.id;
  for (const t of await d.select().from(s.teams)) ids.teams[t.name] = t.id;
}, 120_000);

const get = (handler: typeof noticeRoute, query: Record<string, string>, params: Record<string, string> = {}) =>
  callRoute(handler, { url: `http://localhost/api?${new URLSearchParams(query)}`, params, userId: ids.viewer });

describe("the dashboards' notice", () => {
  it("Platform = on over a range that is only collecting: one notice pointing back to the closed quarters", async () => {
    const res = await get(noticeRoute, { adoption: "on", from: "2026-Q4" });
    expect(res.status).toBe(200);
    expect(res.json.notice).toEqual({
      lines: [{ periods: ["2026-Q4"], reason: "collecting", protects: [] }],
      nothingShown: true,
      wayOuts: [{ kind: "range", from: "2026-Q1", to: "2026-Q3" }],
    });
    // Over the whole range the group is shown: the collecting quarter is left to the trends' own note.
    expect((await get(noticeRoute, { adoption: "on" })).json.notice).toBeNull();
  });

  it("a team under k in the range narrows to the quarters that show it, or widens to its platform group", async () => {
    const res = await get(noticeRoute, { team: ids.teams.Identity, from: "2026-Q3" });
    expect(res.json.notice.nothingShown).toBe(true);
    expect(res.json.notice.lines[0]).toEqual({ periods: ["2026-Q3"], reason: "below_threshold", protects: [] });
    expect(res.json.notice.wayOuts).toEqual([
      { kind: "range", from: "2026-Q1", to: "2026-Q2" },
      { kind: "group", team: null, adoption: "off" },
    ]);
  });

  it("names the team a complement is hidden to protect", async () => {
    const res = await get(noticeRoute, { team: ids.teams.Growth });
    expect(res.json.notice).toEqual({
      lines: [{ periods: ["2026-Q3"], reason: "complement", protects: ["Identity"] }],
      nothingShown: false,
      wayOuts: [],
    });
  });

  it("offers only the filter choices that show something, given the other filter", async () => {
    const all = (await get(noticeRoute, {})).json.options;
    expect(all.teams.every((o: { available: boolean }) => o.available)).toBe(true);
    const on = (await get(noticeRoute, { adoption: "on" })).json.options;
    const byName = (name: string) => on.teams.find((o: { value: string }) => o.value === ids.teams[name]);
    expect(byName("Growth")).toEqual({ value: ids.teams.Growth, available: false, reason: "empty" });
    expect(byName("Payments").available).toBe(true);
  });
});

describe("a survey's results page", () => {
  it("Team = Growth: one notice naming Identity and the platform group that shows both, no quarter range", async () => {
    const res = await get(resultsRoute, { team: ids.teams.Growth }, { surveyId: ids.q3 });
    expect(res.status).toBe(200);
    expect(res.json.notice).toEqual({
      lines: [{ periods: [], reason: "complement", protects: ["Identity"] }],
      nothingShown: true,
      wayOuts: [{ kind: "group", team: null, adoption: "off" }],
    });
    expect(JSON.stringify(res.json.notice)).not.toContain("range");
    const option = (name: string) => res.json.options.teams.find((o: { value: string }) => o.value === ids.teams[name]);
    expect(option("Identity")).toMatchObject({ available: false, reason: "below_threshold" });
    expect(option("Growth")).toMatchObject({ available: false, reason: "complement" });
    expect(option("Payments")).toMatchObject({ available: true });
    // The same things stay hidden.
    expect(res.json.total).toEqual({ hidden: true, reason: "complement" });
  });

  it("no notice for a group that is shown", async () => {
    const res = await get(resultsRoute, { team: ids.teams.Payments }, { surveyId: ids.q3 });
    expect(res.json.notice).toBeNull();
    expect(res.json.total.hidden).toBe(false);
  });
});

describe("the team heatmap", () => {
  it("a hidden team's row says why: its own size, or the team it protects", async () => {
    const res = await get(teamsRoute, { period: "2026-Q3" });
    const row = (name: string) => res.json.teams.find((t: { name: string }) => t.name === name);
    expect(row("Identity").hiddenWhy).toEqual({ reason: "below_threshold", protects: [] });
    expect(row("Growth").hiddenWhy).toEqual({ reason: "complement", protects: ["Identity"] });
    expect(row("Payments").hiddenWhy).toBeNull();
  });
});
