import { describe, expect, it } from "vitest";
import { decideSubThemes, toSubThemeViews, type SubThemeCountRow, type SubThemeQuoteRow } from "./sub-theme-view";

const ITEM = "item";
const sub = (id: string, respondents: number, position: number): SubThemeCountRow => ({
  item_id: ITEM,
  sub_id: id,
  label: `Sub ${id}`,
  custom_label: null,
  terms: [id],
  position,
  respondents,
  answers: respondents + 1,
});
const rest = (respondents: number): SubThemeCountRow => ({
  item_id: ITEM,
  sub_id: null,
  label: null,
  custom_label: null,
  terms: null,
  position: null,
  respondents,
  answers: 0,
});
const quote = (subId: string, text: string): SubThemeQuoteRow => ({
  sub_id: subId,
  public_id: `${subId}-${text}`,
  friction: false,
  text,
  pinned: 0,
  representative_rank: 1,
});

/** What a reader learns by subtracting the shown sub-themes from the theme. */
const leftover = (rows: SubThemeCountRow[], k: number) => {
  const total = rows.reduce((s, r) => s + r.respondents, 0);
  const shown = toSubThemeViews(rows, [], k).reduce((s, v) => s + (v.respondents ?? 0), 0);
  return total - shown;
};

describe("sub-themes as viewers see them", () => {
  it("shows every sub-theme of at least k when nothing small is left over", () => {
    const rows = [sub("a", 12, 0), sub("b", 8, 1), sub("c", 5, 2), rest(0)];
    const views = toSubThemeViews(rows, [quote("a", "x"), quote("c", "y")], 5);
    expect(views.map((v) => [v.id, v.respondents, v.hidden])).toEqual([
      ["a", 12, null],
      ["b", 8, null],
      ["c", 5, null],
    ]);
    expect(views[0].share).toBeCloseTo(12 / 25);
    expect(views[0].answers).toBe(13);
    expect(views[0].quotes.map((q) => q.text)).toEqual(["x"]);
  });

  it("hides a sub-theme under k, and the smallest other one so the theme minus the rest is not that group", () => {
    const rows = [sub("a", 12, 0), sub("b", 8, 1), sub("c", 6, 2), sub("d", 2, 3), rest(0)];
    const views = toSubThemeViews(rows, [quote("d", "secret"), quote("c", "also")], 5);
    expect(views.map((v) => v.hidden)).toEqual([null, null, "complement", "below_threshold"]);
    for (const v of views.filter((x) => x.hidden)) {
      expect(v.respondents).toBeNull();
      expect(v.answers).toBeNull();
      expect(v.share).toBeNull();
      expect(v.quotes).toEqual([]);
    }
    expect(leftover(rows, 5)).toBe(8);
  });

  it("counts the respondents in no sub-theme as a hidden cell: a small rest hides a sub-theme too", () => {
    const rows = [sub("a", 12, 0), sub("b", 8, 1), rest(3)];
    expect([...decideSubThemes(rows, 5).values()]).toEqual([null, "complement"]);
    expect(leftover(rows, 5)).toBeGreaterThanOrEqual(5);
  });

  it("shows no sub-theme figures of a theme under k, and none for a sub-theme with no released respondent", () => {
    expect([...decideSubThemes([sub("a", 2, 0), sub("b", 1, 1), rest(0)], 5).values()]).toEqual([
      "below_threshold",
      "below_threshold",
    ]);
    expect(decideSubThemes([sub("a", 10, 0), sub("b", 0, 1), rest(0)], 5).get("b")).toBe("below_threshold");
  });

  it("leaves either nothing or at least k respondents for subtraction, whatever the sizes", () => {
    for (let seed = 1; seed < 400; seed++) {
      const sizes = Array.from({ length: 2 + (seed % 6) }, (_, i) => ((seed * (i + 7) * 2654435761) >>> 0) % 15);
      const rows = [...sizes.map((n, i) => sub(`s${i}`, n, i)), rest(((seed * 40503) >>> 0) % 7)];
      const total = rows.reduce((s, r) => s + r.respondents, 0);
      if (total < 5) continue;
      const left = leftover(rows, 5);
      expect(left === 0 || left >= 5, `sizes ${sizes} leave ${left}`).toBe(true);
    }
  });
});
