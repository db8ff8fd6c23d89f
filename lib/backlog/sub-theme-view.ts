// What a viewer sees of a theme's sub-themes. Pure: queries/sub-themes.ts counts in SQL and hands the rows here.
// A theme's released respondents are partitioned into its sub-themes (each person in one) plus the rest
// in none, so they are the cells of lib/anonymity's publication rule with the theme as the total: a
// sub-theme under k shows no count and no quotes, and when the hidden part would be under k (the theme
// minus the other sub-themes gives it back), the rule hides the next smallest one too.
import { decidePublication, type Cell, type HiddenReason } from "@/lib/anonymity/model";

/** One sub-theme's counts (sub_id null: the item's released respondents in no sub-theme). */
export type SubThemeCountRow = {
  item_id: string;
  sub_id: string | null;
  label: string | null;
  custom_label: string | null;
  terms: string[] | null;
  position: number | null;
  respondents: number;
  answers: number;
};
export type SubThemeQuoteRow = {
  sub_id: string;
  public_id: string;
  friction: boolean;
  text: string;
  pinned: number;
  representative_rank: number | null;
};
/** A quote as the theme's quotes are shown (item-view.ts BacklogQuote). */
type SubThemeQuote = {
  id: string;
  source: "survey" | "friction";
  text: string;
  pinned: boolean;
  representative: boolean;
};

export type BacklogSubTheme = {
  id: string;
  label: string;
  generatedLabel: string;
  customLabel: string | null;
  terms: string[];
  /** Null when hidden. */
  respondents: number | null;
  answers: number | null;
  /** Share of the theme's respondents; null when hidden. */
  share: number | null;
  /** Why the counts and quotes are withheld; null when shown. */
  hidden: HiddenReason | null;
  quotes: SubThemeQuote[];
};

/** The ids of the rest cell; sub-theme ids are uuids, so it cannot collide. */
const REST = "";

/**
 * Which sub-themes of one item may show their counts and quotes. `rows`: the item's sub-theme rows and
 * its rest row, whose respondents add up to the item's released respondents.
 */
export function decideSubThemes(rows: readonly SubThemeCountRow[], k: number): Map<string, HiddenReason | null> {
  const cells: Cell[] = rows.map((r) => ({ id: r.sub_id ?? REST, n: Number(r.respondents), adoption: "none" }));
  const publication = decidePublication(cells, k);
  const out = new Map<string, HiddenReason | null>();
  for (const r of rows) {
    if (r.sub_id === null) continue;
    const verdict = publication.cells.get(r.sub_id);
    // No released respondent (its people are not in the theme's release yet): nothing to show either.
    out.set(r.sub_id, !verdict ? "below_threshold" : verdict.shown ? null : verdict.reason);
  }
  return out;
}

/** The sub-themes of one item as viewers see them, largest first as the analysis ordered them. */
export function toSubThemeViews(
  rows: readonly SubThemeCountRow[],
  quotes: readonly SubThemeQuoteRow[],
  k: number,
): BacklogSubTheme[] {
  const verdicts = decideSubThemes(rows, k);
  const total = rows.reduce((sum, r) => sum + Number(r.respondents), 0);
  return rows
    .filter((r) => r.sub_id !== null)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((r) => {
      const id = r.sub_id!;
      const hidden = verdicts.has(id) ? verdicts.get(id)! : "below_threshold";
      const respondents = Number(r.respondents);
      return {
        id,
        label: r.custom_label ?? r.label ?? "",
        generatedLabel: r.label ?? "",
        customLabel: r.custom_label,
        terms: r.terms ?? [],
        respondents: hidden ? null : respondents,
        answers: hidden ? null : Number(r.answers),
        share: hidden || total === 0 ? null : respondents / total,
        hidden,
        quotes: hidden
          ? []
          : quotes
              .filter((q) => q.sub_id === id)
              .map((q) => ({
                id: q.public_id,
                source: q.friction ? ("friction" as const) : ("survey" as const),
                text: q.text,
                pinned: Number(q.pinned) > 0,
                representative: q.representative_rank !== null,
              })),
      };
    });
}
