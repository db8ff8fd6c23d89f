// The public "You said, we did" page from a backlog view and the editors' published words. Pure: the
// queries hand it the same view signed-in viewers get (lib/backlog/item-view.ts has already applied the
// anonymity rules), and this module only leaves things out: it never computes a figure of its own.
// What it keeps: the two latest closed quarters' published mention rates, and only for a theme traced to
// at least k people and a quarter with at least k mentioners. No quotes, no counts, no team, no answer text.
import type { BacklogView, MentionRate } from "@/lib/backlog/item-view";
import { previousPeriod } from "@/lib/period";
import { YOU_SAID_MAX_ITEMS, type YouSaidStatus } from "./constants";
import { readMentionChange, type MentionChangeKind, type PublicRate } from "./mention-change";

/** The editors' words for one backlog item: its draft (preview) or its published version (public page). */
export type YouSaidWords = {
  backlogItemId: string;
  title: string;
  note: string;
  status: YouSaidStatus;
  publishedAt: string | null;
};

export type YouSaidTheme = {
  title: string;
  note: string;
  status: YouSaidStatus;
  /** Mention rate in the latest closed quarter and the one before; null when hidden or not asked. */
  latest: PublicRate | null;
  previous: PublicRate | null;
  /** Shipped themes only: how mentions moved between the two quarters. */
  change: MentionChangeKind | null;
};

export type YouSaidPage = {
  /** The latest quarter whose surveys have all closed, and the one before it. */
  latest: string | null;
  previous: string | null;
  /** Respondents per shown quarter as the backlog publishes them (null: not published). */
  respondents: { period: string; respondents: number | null }[];
  anonymityThreshold: number;
  /** When the editors last published. */
  publishedAt: string | null;
  /** Published themes being worked on, most mentioned first. */
  themes: YouSaidTheme[];
  /** Published themes that shipped. */
  shipped: YouSaidTheme[];
};

/** The latest quarter of the view with nothing still collecting; null when none has closed. */
export function latestClosedQuarter(periods: BacklogView["periods"]): string | null {
  const closed = periods.filter((p) => !p.collecting).map((p) => p.period);
  return closed.length ? closed.reduce((a, b) => (a > b ? a : b)) : null;
}

function publicRate(rate: MentionRate | undefined, k: number): PublicRate | null {
  if (!rate || rate.collecting || rate.rate === null || rate.low === null || rate.high === null) return null;
  // A handful of mentioners in a quarter is a small group of its own: no rate for the public page.
  if (rate.mentioners === null || rate.mentioners < k) return null;
  return { period: rate.period, rate: rate.rate, low: rate.low, high: rate.high };
}

export function toYouSaidPage(view: BacklogView | null, words: readonly YouSaidWords[], k: number): YouSaidPage {
  const latest = view ? latestClosedQuarter(view.periods) : null;
  const previous = latest ? previousPeriod(latest) : null;
  const byId = new Map(view?.items.map((i) => [i.id, i]) ?? []);
  const themes = words.flatMap((w) => {
    const item = byId.get(w.backlogItemId);
    // An item no longer in the page's backlog (merged away, another scope) has nothing to show.
    if (!item) return [];
    // Under k the theme keeps its words but no figure at all.
    const rateIn = (period: string | null) =>
      item.quotable && period
        ? publicRate(
            item.mentionRates.find((r) => r.period === period),
            k,
          )
        : null;
    const latestRate = rateIn(latest);
    const previousRate = rateIn(previous);
    return [
      {
        rank: item.rank,
        theme: {
          title: w.title,
          note: w.note,
          status: w.status,
          latest: latestRate,
          previous: previousRate,
          change: w.status === "shipped" ? readMentionChange(previousRate, latestRate) : null,
        } satisfies YouSaidTheme,
      },
    ];
  });
  themes.sort((a, b) => (b.theme.latest?.rate ?? -1) - (a.theme.latest?.rate ?? -1) || a.rank - b.rank);
  const shown = themes.slice(0, YOU_SAID_MAX_ITEMS).map((t) => t.theme);
  const quarters = [previous, latest].filter((p): p is string => p !== null);
  const published = words.map((w) => w.publishedAt).filter((d): d is string => d !== null);
  return {
    latest,
    previous,
    respondents: quarters.map((period) => ({
      period,
      respondents: view?.periods.find((p) => p.period === period && !p.collecting)?.respondents ?? null,
    })),
    anonymityThreshold: k,
    publishedAt: published.length ? published.reduce((a, b) => (a > b ? a : b)) : null,
    themes: shown.filter((t) => t.status !== "shipped"),
    shipped: shown.filter((t) => t.status === "shipped"),
  };
}
