// What a viewer sees of a backlog item. Pure: queries/view.ts aggregates in SQL and hands the rows here.
// The privacy rules live in this one place: a theme traced to fewer than k people keeps its counts but
// shows no scores, quotes or team breakdown; a quarter or a team under k shows no count of its own.
import { wilsonInterval } from "@/lib/analytics/share-interval";
import { progressCount } from "@/lib/anonymity/surveys";
import type { BacklogStatus, Effort } from "@/lib/db/schema";
import { periodOfDate } from "@/lib/period";
import { assignQuadrant, computeImpact, type Impact, type Quadrant } from "./prioritise";
import type { BacklogSubTheme } from "./sub-theme-view";

/**
 * Share of a quarter's respondents who mention a theme, with its Wilson 95% interval. A quarter whose
 * surveys are still collecting (`collecting`) has no rate: its respondents are a count in steps of k,
 * and a rate over them would give the exact count back.
 */
export type MentionRate = {
  period: string;
  mentioners: number | null;
  /** Exact once the quarter's surveys have closed; in steps of k (null under k) while collecting. */
  respondents: number | null;
  rate: number | null;
  low: number | null;
  high: number | null;
  collecting: boolean;
};
/** A quarter of a scope as viewers see it: respondents exact once closed, in steps of k while collecting. */
export type ScopePeriod = { period: string; respondents: number | null; collecting: boolean };

export type BacklogListItem = {
  id: string;
  label: string;
  generatedLabel: string;
  customLabel: string | null;
  terms: string[];
  effort: Effort | null;
  status: BacklogStatus;
  owner: string;
  notes: string;
  statusChangedAt: string | null;
  /** Quarter in which the status was last changed, for the closing-the-loop marker. */
  statusChangedPeriod: string | null;
  mergedFrom: { id: string; label: string }[];
  /**
   * The analysis this theme's curation was carried from (lib/backlog/carry.ts); null when it was not, and
   * for a theme under k, whose provenance would say where its few answers came from.
   */
  carriedFrom: { scope: string; ranAt: string; via: "answers" | "terms" } | null;
  respondents: number;
  mentions: number;
  share: number;
  sentiment: number | null;
  negativeShare: number | null;
  mentionersNps: number | null;
  mentionersLikert: number | null;
  impact: number;
  impactComponents: Impact["components"];
  quadrant: Quadrant;
  rank: number;
  score: number;
  /** False when fewer than k people mention it: quotes and team breakdown are withheld. */
  quotable: boolean;
  mentionRates: MentionRate[];
};

export type BacklogView = {
  scope: string;
  run: { requestedK: number | null; chosenK: number; textCount: number; ranAt: string } | null;
  thresholds: { frequencyThreshold: number; impactThreshold: number };
  anonymityThreshold: number;
  population: { respondents: number; nps: number | null; likert: number | null };
  periods: ScopePeriod[];
  items: BacklogListItem[];
};

/**
 * A quote in a theme. `id` is the member's random public id: answer and friction ids are sequential,
 * a clock of submission order, and never leave the server.
 */
export type BacklogQuote = {
  id: string;
  source: "survey" | "friction";
  text: string;
  pinned: boolean;
  representative: boolean;
};
export type BacklogItemDetail = {
  item: BacklogListItem;
  scope: string;
  anonymityThreshold: number;
  /** Empty when the item is traced to fewer than k respondents. */
  quotes: BacklogQuote[];
  quoteCount: number;
  /** Teams with at least k mentioners; empty for an item under k. */
  teams: { teamId: string | null; name: string; mentioners: number; respondents: number; share: number }[];
  /** Mentioners in teams whose own count is under k, shown as one line. */
  hiddenTeamMentioners: number;
  quotesHidden: boolean;
  /** The theme's sub-themes (lib/backlog/sub-theme-view.ts decides which show counts and quotes). */
  subThemes: BacklogSubTheme[];
};

/** One open item with its aggregates over its released respondents (counts, scores) and its answers (mentions, sentiment). */
export type ItemRow = {
  id: string;
  label: string;
  custom_label: string | null;
  terms: string[];
  effort: Effort | null;
  status: BacklogStatus;
  owner: string;
  notes: string;
  status_changed_at: string | null;
  carried_from_scope?: string | null;
  carried_from_ran_at?: string | null;
  carried_via?: string | null;
  respondents: number | null;
  mentions: number | null;
  sentiment: number | null;
  negative_share: number | null;
  nps: number | null;
  likert: number | null;
};

export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();

export type ScopeContext = {
  k: number;
  thresholds: BacklogView["thresholds"];
  /** Respondents in the scope and their mean scores. */
  total: number;
  everyoneNps: number | null;
  everyoneLikert: number | null;
  /**
   * Exact counts, for the arithmetic; publicPeriods() is what leaves the server. `smallestSurvey`: the
   * fewest respondents of any one survey of the quarter in scope.
   */
  periods: { period: string; respondents: number; collecting: boolean; smallestSurvey?: number }[];
};

/** The scope's quarters as viewers see them: a collecting quarter's count moves only in steps of k. */
export function publicPeriods(periods: ScopeContext["periods"], k: number): ScopePeriod[] {
  return periods.map(({ period, respondents, collecting, smallestSurvey }) => ({
    period,
    collecting,
    respondents: collecting
      ? progressCount(respondents, k)
      : respondents < k || hasSurveyUnderK({ smallestSurvey }, k)
        ? null
        : respondents,
  }));
}

/**
 * A closed quarter one of whose surveys has fewer than k respondents: that survey's total is hidden, so the
 * quarter's count (and a rate over it) minus the other surveys' published totals would give it back.
 */
const hasSurveyUnderK = (p: { smallestSurvey?: number }, k: number) =>
  p.smallestSurvey !== undefined && p.smallestSurvey < k;

/** A list item before ranking (rankBacklog adds rank and score). */
export function toBacklogListItem(
  row: ItemRow,
  context: ScopeContext,
  extra: { mentionersByPeriod?: ReadonlyMap<string, number>; mergedFrom?: { id: string; label: string }[] },
): Omit<BacklogListItem, "rank" | "score"> {
  const { k, total, periods } = context;
  const respondents = Number(row.respondents ?? 0);
  const share = total > 0 ? respondents / total : 0;
  // The scores of fewer than k people describe those people (one mentioner's NPS is their answer),
  // and impact can be solved back to them: a small theme keeps its counts but shows no scores.
  const scored = respondents >= k;
  const mentionersNps = scored ? num(row.nps) : null;
  const mentionersLikert = scored ? num(row.likert) : null;
  const negativeShare = scored ? num(row.negative_share) : null;
  const { impact, components } = computeImpact({
    mentionersNps,
    everyoneNps: context.everyoneNps,
    mentionersLikert,
    everyoneLikert: context.everyoneLikert,
    negativeShare,
  });
  return {
    id: row.id,
    label: row.custom_label ?? row.label,
    generatedLabel: row.label,
    customLabel: row.custom_label,
    terms: row.terms ?? [],
    effort: row.effort,
    status: row.status,
    owner: row.owner,
    notes: row.notes,
    statusChangedAt: iso(row.status_changed_at),
    statusChangedPeriod: row.status_changed_at ? periodOfDate(row.status_changed_at) : null,
    mergedFrom: extra.mergedFrom ?? [],
    carriedFrom:
      respondents >= k && row.carried_from_scope && row.carried_from_ran_at
        ? {
            scope: row.carried_from_scope,
            ranAt: iso(row.carried_from_ran_at)!,
            via: row.carried_via === "terms" ? "terms" : "answers",
          }
        : null,
    respondents,
    mentions: Number(row.mentions ?? 0),
    share,
    sentiment: scored ? num(row.sentiment) : null,
    negativeShare,
    mentionersNps,
    mentionersLikert,
    impact,
    impactComponents: components,
    quadrant: assignQuadrant({ share, impact }, context.thresholds),
    quotable: respondents >= k,
    mentionRates: mentionRatesOf(periods, extra.mentionersByPeriod, k),
  };
}

/**
 * Mention rate per quarter. A quarter with fewer than k responses in scope shows no rate (its small
 * group stays hidden), nor does one with a survey under k (see hasSurveyUnderK), nor one still collecting, whose handful of early answers would read as a
 * spike (2 of 7 = 29%) and whose exact count would date each answer.
 */
export function mentionRatesOf(
  periods: ScopeContext["periods"],
  mentionersByPeriod: ReadonlyMap<string, number> | undefined,
  k: number,
): MentionRate[] {
  return publicPeriods(periods, k).map((p, i) => {
    const exact = periods[i].respondents;
    // Hidden means the count too: mentioners over respondents is the rate again.
    const hidden = {
      period: p.period,
      mentioners: null,
      respondents: p.respondents,
      rate: null,
      low: null,
      high: null,
    };
    if (p.collecting || exact < k || hasSurveyUnderK(periods[i], k)) return { ...hidden, collecting: p.collecting };
    const mentioners = Math.min(mentionersByPeriod?.get(p.period) ?? 0, exact);
    const interval = wilsonInterval(mentioners, exact)!;
    return {
      period: p.period,
      mentioners,
      respondents: exact,
      rate: interval.share,
      low: interval.low,
      high: interval.high,
      collecting: false,
    };
  });
}

export type QuoteRow = {
  public_id: string;
  friction: boolean;
  text: string;
  pinned: number;
  representative_rank: number | null;
};
export type TeamMentionRow = { team_id: string | null; name: string | null; mentioners: number; respondents: number };

/**
 * The detail of one item. Under k nothing that could point at its people is shown (pass no quotes or
 * teams: they should not even be read); at or above k, teams under k are folded into one count.
 */
export function toBacklogItemDetail(
  item: BacklogListItem,
  context: { scope: string; k: number },
  rows: { quotes: readonly QuoteRow[]; teams: readonly TeamMentionRow[]; subThemes?: BacklogSubTheme[] },
): BacklogItemDetail {
  const subThemes = rows.subThemes ?? [];
  const { scope, k } = context;
  if (!item.quotable) {
    // Anonymity: fewer than k people behind the theme — nothing that could point at them leaves here.
    return {
      item,
      scope,
      anonymityThreshold: k,
      quotes: [],
      quoteCount: item.mentions,
      teams: [],
      hiddenTeamMentioners: 0,
      quotesHidden: true,
      subThemes,
    };
  }
  const visible = rows.teams.filter((t) => Number(t.mentioners) >= k);
  const hidden = rows.teams.filter((t) => Number(t.mentioners) < k).reduce((sum, t) => sum + Number(t.mentioners), 0);
  return {
    item,
    scope,
    anonymityThreshold: k,
    quotes: rows.quotes.map((q) => ({
      id: q.public_id,
      source: q.friction ? "friction" : "survey",
      text: q.text,
      pinned: Number(q.pinned) > 0,
      representative: q.representative_rank !== null,
    })),
    quoteCount: item.mentions,
    teams: visible.map((t) => ({
      teamId: t.team_id,
      name: t.name ?? "No team given",
      mentioners: Number(t.mentioners),
      respondents: Number(t.respondents),
      share: Number(t.respondents) > 0 ? Number(t.mentioners) / Number(t.respondents) : 0,
    })),
    hiddenTeamMentioners: hidden,
    quotesHidden: false,
    subThemes,
  };
}
