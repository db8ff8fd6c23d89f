// Rows of the backlog CSV export. Pure: the route streams them through lib/export/csv.
import type { CsvCell } from "@/lib/export/csv";
import { quadrantLabels, type Quadrant } from "./prioritise";
import { backlogStatusLabels, type BacklogStatus, type Effort } from "./constants";
import type { BacklogSubTheme } from "./sub-theme-view";

export const backlogCsvHeader = [
  "rank",
  "theme",
  "quadrant",
  "frequency",
  "respondents",
  "impact",
  "sentiment",
  "effort",
  "status",
  "owner",
  "top terms",
  "example quotes",
  "periods",
  // A sub-theme's row follows its theme's: level "sub-theme", parent the theme's name, rank the theme's.
  "level",
  "parent",
] as const;

export type BacklogCsvItem = {
  rank: number;
  label: string;
  quadrant: Quadrant;
  share: number;
  respondents: number;
  impact: number;
  sentiment: number | null;
  effort: Effort | null;
  status: BacklogStatus;
  owner: string;
  terms: string[];
  quotable: boolean;
  mentionRates: { period: string; rate: number | null }[];
};

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * One CSV row. Frequency is the share of respondents (0..1). Quotes are left out, with a note, for a
 * theme traced to fewer than k people; a quarter whose rate is withheld shows "hidden".
 */
export function toBacklogCsvRow(item: BacklogCsvItem, quotes: readonly string[], k: number): CsvCell[] {
  return [
    item.rank,
    item.label,
    quadrantLabels[item.quadrant],
    round(item.share, 4),
    item.respondents,
    round(item.impact, 3),
    item.sentiment === null ? null : round(item.sentiment, 3),
    item.effort ?? "",
    backlogStatusLabels[item.status],
    item.owner,
    item.terms.slice(0, 5).join("; "),
    item.quotable ? quotes.join(" | ") : `[hidden: fewer than ${k} respondents]`,
    item.mentionRates
      .map((r) => `${r.period}: ${r.rate === null ? "hidden" : `${round(r.rate * 100, 1)}%`}`)
      .join("; "),
    "theme",
    "",
  ];
}

/**
 * A sub-theme's row, under its theme's. Only what the sub-theme has of its own: its name, respondents
 * (share of the scope's), terms and quotes; a sub-theme the anonymity rule hides shows neither count
 * nor quotes (lib/backlog/sub-theme-view.ts), the same in the CSV as on the page.
 */
export function toSubThemeCsvRow(
  parent: { rank: number; label: string },
  sub: BacklogSubTheme,
  context: { k: number; population: number },
): CsvCell[] {
  const hidden = `[hidden: ${sub.hidden === "below_threshold" ? `fewer than ${context.k} respondents` : "would reveal a smaller group"}]`;
  return [
    parent.rank,
    sub.label,
    "",
    sub.respondents === null || context.population === 0 ? null : round(sub.respondents / context.population, 4),
    sub.respondents ?? "hidden",
    null,
    null,
    "",
    "",
    "",
    sub.terms.slice(0, 5).join("; "),
    sub.hidden ? hidden : sub.quotes.map((q) => q.text).join(" | "),
    "",
    "sub-theme",
    parent.label,
  ];
}
