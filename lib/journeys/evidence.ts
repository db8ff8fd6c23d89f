// What a map shows of a linked theme's evidence. Pure: the counts come from the backlog's released
// respondents (lib/backlog/queries themes.ts). A theme traced to fewer than k people shows no numbers or
// quotes; a quarter whose mentioners or population is under k shows no share.
import type { ThemeEvidence } from "./types";

export type ReachRow = { period: string; respondents: number; population: number };

/** Evidence without quotes (they are read afterwards, only for themes that are not hidden). */
export function toThemeEvidence(
  theme: { id: string; label: string },
  rows: readonly ReachRow[],
  k: number,
): ThemeEvidence {
  const respondents = rows.reduce((sum, r) => sum + Number(r.respondents), 0);
  const population = rows.reduce((sum, r) => sum + Number(r.population), 0);
  if (respondents < k) {
    return {
      backlogItemId: theme.id,
      label: theme.label,
      hidden: true,
      respondents: null,
      population: null,
      share: null,
      trend: [],
      quotes: [],
    };
  }
  return {
    backlogItemId: theme.id,
    label: theme.label,
    hidden: false,
    respondents,
    population: population || null,
    share: population > 0 ? Math.min(1, respondents / population) : null,
    trend: rows.map((r) => {
      const hidden = Number(r.respondents) < k || Number(r.population) < k;
      return { period: r.period, hidden, share: hidden ? null : Number(r.respondents) / Number(r.population) };
    }),
    quotes: [],
  };
}
