import { describe, expect, it } from "vitest";
import {
  mentionRatesOf,
  publicPeriods,
  toBacklogItemDetail,
  toBacklogListItem,
  type BacklogListItem,
  type ItemRow,
} from "./item-view";

const row = (patch: Partial<ItemRow> = {}): ItemRow => ({
  id: "i1",
  label: "Slow CI",
  custom_label: null,
  terms: ["ci"],
  effort: null,
  status: "new",
  owner: "",
  notes: "",
  status_changed_at: null,
  respondents: 5,
  mentions: 7,
  sentiment: -0.4,
  negative_share: 0.8,
  nps: 4,
  likert: 2.5,
  ...patch,
});
const context = {
  k: 5,
  thresholds: { frequencyThreshold: 0.1, impactThreshold: 0.5 },
  total: 50,
  everyoneNps: 7,
  everyoneLikert: 3.5,
  periods: [
    { period: "2026-Q1", respondents: 40, collecting: false },
    { period: "2026-Q2", respondents: 4, collecting: false },
  ],
};
const ranked = (item: Omit<BacklogListItem, "rank" | "score">): BacklogListItem => ({ ...item, rank: 1, score: 1 });

describe("toBacklogListItem", () => {
  it("shows scores, sentiment and quotes for a theme of k people", () => {
    const item = toBacklogListItem(row(), context, {});
    expect(item).toMatchObject({ respondents: 5, share: 0.1, mentionersNps: 4, mentionersLikert: 2.5, quotable: true });
    expect(item.sentiment).toBe(-0.4);
    expect(item.negativeShare).toBe(0.8);
  });

  it("says where a theme's curation was carried from, except for a theme under k", () => {
    const carried = {
      carried_from_scope: "periods:2026-Q1..2026-Q4",
      carried_from_ran_at: "2026-10-12T09:00:00Z",
      carried_via: "answers",
    };
    expect(toBacklogListItem(row(carried), context, {}).carriedFrom).toEqual({
      scope: "periods:2026-Q1..2026-Q4",
      ranAt: "2026-10-12T09:00:00.000Z",
      via: "answers",
    });
    expect(toBacklogListItem(row({ ...carried, respondents: 4 }), context, {}).carriedFrom).toBeNull();
    expect(toBacklogListItem(row(), context, {}).carriedFrom).toBeNull();
  });

  it("keeps the counts of a theme under k but no score that could be solved back to its people", () => {
    const item = toBacklogListItem(row({ respondents: 4 }), context, {});
    expect(item).toMatchObject({ respondents: 4, mentions: 7, quotable: false });
    expect([item.mentionersNps, item.mentionersLikert, item.sentiment, item.negativeShare]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    // Impact without the mentioners' scores is the neutral one: nothing about them leaks through it.
    expect(item.impactComponents).toEqual({ nps: null, likert: null, sentiment: null });
  });

  it("hides the mention count and rate of a quarter with fewer than k respondents in scope", () => {
    const item = toBacklogListItem(row(), context, {
      mentionersByPeriod: new Map([
        ["2026-Q1", 4],
        ["2026-Q2", 1],
      ]),
    });
    expect(item.mentionRates).toEqual([
      {
        period: "2026-Q1",
        mentioners: 4,
        respondents: 40,
        rate: 0.1,
        low: expect.closeTo(0.0396, 3),
        high: expect.closeTo(0.2305, 3),
        collecting: false,
      },
      { period: "2026-Q2", mentioners: null, respondents: null, rate: null, low: null, high: null, collecting: false },
    ]);
  });

  it("gives a closed quarter with a survey under k no count and no rate: the count minus the other surveys' totals is that survey", () => {
    const rates = mentionRatesOf(
      [
        { period: "2026-Q3", respondents: 27, collecting: false, smallestSurvey: 3 },
        { period: "2026-Q4", respondents: 32, collecting: false, smallestSurvey: 9 },
      ],
      new Map([
        ["2026-Q3", 6],
        ["2026-Q4", 8],
      ]),
      5,
    );
    expect(rates.map((r) => [r.period, r.respondents, r.mentioners, r.rate])).toEqual([
      ["2026-Q3", null, null, null],
      ["2026-Q4", 32, 8, 0.25],
    ]);
  });

  it("gives a quarter still collecting no rate and a count in steps of k (finding 10 of issue 13)", () => {
    const rates = mentionRatesOf(
      [
        { period: "2026-Q4", respondents: 40, collecting: false },
        { period: "2027-Q1", respondents: 7, collecting: true },
        { period: "2027-Q2", respondents: 3, collecting: true },
      ],
      new Map([
        ["2026-Q4", 4],
        ["2027-Q1", 2],
      ]),
      5,
    );
    expect(rates.map((r) => [r.period, r.rate, r.mentioners, r.respondents, r.collecting])).toEqual([
      ["2026-Q4", 0.1, 4, 40, false],
      ["2027-Q1", null, null, 5, true],
      ["2027-Q2", null, null, null, true],
    ]);
    expect(publicPeriods([{ period: "2027-Q1", respondents: 14, collecting: true }], 5)).toEqual([
      { period: "2027-Q1", respondents: 10, collecting: true },
    ]);
  });

  it("prefers the PM's label and names the quarter of the last status change", () => {
    const item = toBacklogListItem(
      row({ custom_label: "CI queue", status_changed_at: "2026-05-02T10:00:00Z" }),
      context,
      {},
    );
    expect([item.label, item.generatedLabel, item.statusChangedPeriod]).toEqual(["CI queue", "Slow CI", "2026-Q2"]);
  });
});

describe("toBacklogItemDetail", () => {
  const quote = { public_id: "q1", friction: false, text: "CI is slow", pinned: 1, representative_rank: null };
  const teams = [
    { team_id: "t1", name: "Payments", mentioners: 6, respondents: 12 },
    { team_id: "t2", name: "Search", mentioners: 2, respondents: 9 },
    { team_id: null, name: null, mentioners: 1, respondents: 3 },
  ];

  it("withholds quotes and teams of a theme under k, whatever rows it is given", () => {
    const small = ranked(toBacklogListItem(row({ respondents: 4 }), context, {}));
    const detail = toBacklogItemDetail(small, { scope: "friction", k: 5 }, { quotes: [quote], teams });
    expect(detail).toMatchObject({ quotes: [], teams: [], hiddenTeamMentioners: 0, quotesHidden: true, quoteCount: 7 });
  });

  it("lists teams of at least k mentioners and folds the others into one count", () => {
    const large = ranked(toBacklogListItem(row(), context, {}));
    const detail = toBacklogItemDetail(large, { scope: "friction", k: 5 }, { quotes: [quote], teams });
    expect(detail.teams).toEqual([{ teamId: "t1", name: "Payments", mentioners: 6, respondents: 12, share: 0.5 }]);
    expect(detail.hiddenTeamMentioners).toBe(3);
    expect(detail.quotes).toEqual([
      { id: "q1", source: "survey", text: "CI is slow", pinned: true, representative: false },
    ]);
  });
});
