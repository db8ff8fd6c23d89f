import { describe, expect, it } from "vitest";
import type { BacklogListItem, BacklogView, MentionRate } from "@/lib/backlog/item-view";
import { latestClosedQuarter, toYouSaidPage, type YouSaidWords } from "./page";

const K = 5;
const rate = (period: string, mentioners: number | null, respondents: number, collecting = false): MentionRate =>
  mentioners === null || collecting
    ? { period, mentioners: null, respondents: null, rate: null, low: null, high: null, collecting }
    : {
        period,
        mentioners,
        respondents,
        rate: mentioners / respondents,
        low: mentioners / respondents - 0.08,
        high: mentioners / respondents + 0.08,
        collecting,
      };

const item = (id: string, rank: number, quotable: boolean, rates: MentionRate[]) =>
  ({
    id,
    rank,
    quotable,
    respondents: quotable ? 20 : 3,
    mentionRates: rates,
    notes: "secret working note",
  }) as unknown as BacklogListItem;

const periods = [
  { period: "2026-Q2", respondents: 100, collecting: false },
  { period: "2026-Q3", respondents: 80, collecting: false },
  { period: "2026-Q4", respondents: 10, collecting: true },
];
const view = (items: BacklogListItem[]) => ({ periods, items, anonymityThreshold: K }) as unknown as BacklogView;
const words = (backlogItemId: string, status: YouSaidWords["status"], title = `Theme ${backlogItemId}`) => ({
  backlogItemId,
  title,
  note: `We are on ${title}`,
  status,
  publishedAt: "2026-11-20T10:00:00.000Z",
});

describe("the public page", () => {
  it("reads the latest closed quarter and the one before, never a collecting one", () => {
    expect(latestClosedQuarter(periods)).toBe("2026-Q3");
    expect(latestClosedQuarter([{ period: "2026-Q4", respondents: 12, collecting: true }])).toBeNull();
    const page = toYouSaidPage(view([]), [], K);
    expect(page).toMatchObject({ latest: "2026-Q3", previous: "2026-Q2" });
    expect(page.respondents).toEqual([
      { period: "2026-Q2", respondents: 100 },
      { period: "2026-Q3", respondents: 80 },
    ]);
  });

  it("orders themes by the latest mention rate, and splits off what shipped with its change", () => {
    const items = [
      item("a", 1, true, [rate("2026-Q2", 10, 100), rate("2026-Q3", 8, 80)]),
      item("b", 2, true, [rate("2026-Q2", 40, 100), rate("2026-Q3", 32, 80)]),
      item("c", 3, true, [rate("2026-Q2", 40, 100), rate("2026-Q3", 8, 80)]),
    ];
    const page = toYouSaidPage(
      view(items),
      [words("a", "planned"), words("b", "in_progress"), words("c", "shipped")],
      K,
    );
    expect(page.themes.map((t) => t.title)).toEqual(["Theme b", "Theme a"]);
    expect(page.themes[0].latest).toMatchObject({ period: "2026-Q3", rate: 0.4 });
    expect(page.themes[0].change).toBeNull();
    expect(page.shipped).toHaveLength(1);
    expect(page.shipped[0]).toMatchObject({ title: "Theme c", change: "fewer" });
    expect(page.shipped[0].previous).toMatchObject({ period: "2026-Q2", rate: 0.4 });
    expect(page.publishedAt).toBe("2026-11-20T10:00:00.000Z");
  });

  it("shows no figure for a theme under k, nor for a quarter with fewer than k mentioners", () => {
    const items = [
      item("small", 1, false, [rate("2026-Q2", 3, 100), rate("2026-Q3", 2, 80)]),
      item("few", 2, true, [rate("2026-Q2", 12, 100), rate("2026-Q3", 4, 80)]),
    ];
    const page = toYouSaidPage(view(items), [words("small", "shipped"), words("few", "shipped")], K);
    const small = page.shipped.find((t) => t.title === "Theme small")!;
    expect(small).toMatchObject({ latest: null, previous: null, change: "no_data" });
    const few = page.shipped.find((t) => t.title === "Theme few")!;
    expect(few.latest).toBeNull();
    expect(few.previous).toMatchObject({ rate: 0.12 });
    expect(few.change).toBe("no_data");
  });

  it("carries only the editors' words and published rates: no ids, counts or working notes", () => {
    const items = [item("a", 1, true, [rate("2026-Q2", 10, 100), rate("2026-Q3", 8, 80)])];
    const page = toYouSaidPage(view(items), [words("a", "planned"), words("gone", "planned")], K);
    expect(page.themes).toHaveLength(1); // an item no longer in the backlog is left out
    const json = JSON.stringify(page);
    expect(json).not.toContain("secret working note");
    expect(json).not.toContain('"a"');
    expect(json).not.toContain("mentioners");
    expect(Object.keys(page.themes[0].latest!).sort()).toEqual(["high", "low", "period", "rate"]);
  });

  it("is empty, not broken, without a backlog", () => {
    expect(toYouSaidPage(null, [words("a", "planned")], K)).toMatchObject({ latest: null, themes: [], shipped: [] });
  });
});
