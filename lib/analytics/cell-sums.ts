// Per-cell aggregates (computed in SQL, see queries/aggregates.ts) summed over the cells of a shown
// group, and what the dashboards derive from the sums. Pure.
import type { DoraBand } from "@/lib/surveys/templates";
import { medianBand } from "./dora";
import type { ShownGroup } from "./groups";
import { computeNps, npsChange, type NpsStats } from "./nps";
import { summarizeScore, type ScoreStats } from "./scores";
import type { NpsChangePoint, NpsPoint } from "./types";

export type NpsRow = {
  survey_id: string;
  cell: string;
  key: string;
  promoters: number;
  passives: number;
  detractors: number;
};
export type LikertRow = {
  survey_id: string;
  cell: string;
  key: string;
  dimension: string;
  answers: number;
  total: number;
  squares: number;
  favorable: number;
};
export type DoraRow = {
  survey_id: string;
  cell: string;
  metric: string;
  elite: number;
  high: number;
  medium: number;
  low: number;
};

const inGroup = (g: ShownGroup) => (r: { survey_id: string; cell: string }) =>
  r.survey_id === g.survey.surveyId && g.cells.has(r.cell);

export function npsOf(rows: readonly NpsRow[], g: ShownGroup): NpsStats | null {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const r of rows.filter(inGroup(g))) {
    promoters += Number(r.promoters);
    passives += Number(r.passives);
    detractors += Number(r.detractors);
  }
  return computeNps(promoters, passives, detractors);
}

/**
 * Per dimension: the mean and spread over every answer to its questions, % favorable, and as n the
 * largest number of people who answered one of its questions (a lower bound on its respondents, so the
 * interval errs on the safe side).
 */
export function scoresOf(rows: readonly LikertRow[], g: ShownGroup): Map<string, ScoreStats> {
  const perKey = new Map<
    string,
    { dimension: string; answers: number; total: number; squares: number; favorable: number }
  >();
  for (const r of rows.filter(inGroup(g))) {
    const acc = perKey.get(r.key) ?? { dimension: r.dimension, answers: 0, total: 0, squares: 0, favorable: 0 };
    acc.answers += Number(r.answers);
    acc.total += Number(r.total);
    acc.squares += Number(r.squares);
    acc.favorable += Number(r.favorable);
    perKey.set(r.key, acc);
  }
  const perDimension = new Map<
    string,
    { n: number; answers: number; total: number; squares: number; favorable: number }
  >();
  for (const acc of perKey.values()) {
    const d = perDimension.get(acc.dimension) ?? { n: 0, answers: 0, total: 0, squares: 0, favorable: 0 };
    d.n = Math.max(d.n, acc.answers);
    d.answers += acc.answers;
    d.total += acc.total;
    d.squares += acc.squares;
    d.favorable += acc.favorable;
    perDimension.set(acc.dimension, d);
  }
  const out = new Map<string, ScoreStats>();
  for (const [dimension, d] of perDimension) {
    if (d.answers === 0) continue;
    const mean = d.total / d.answers;
    const sd = d.answers > 1 ? Math.sqrt(Math.max(0, (d.squares - d.total ** 2 / d.answers) / (d.answers - 1))) : null;
    out.set(dimension, summarizeScore({ n: d.n, mean, sd, favorable: d.favorable, answers: d.answers }));
  }
  return out;
}

export function doraOf(
  rows: readonly DoraRow[],
  g: ShownGroup,
): Map<string, { n: number; counts: Record<DoraBand, number>; median: DoraBand | null }> {
  const out = new Map<string, { n: number; counts: Record<DoraBand, number>; median: DoraBand | null }>();
  for (const r of rows.filter(inGroup(g))) {
    const m = out.get(r.metric) ?? { n: 0, counts: { elite: 0, high: 0, medium: 0, low: 0 }, median: null };
    for (const band of ["elite", "high", "medium", "low"] as const) {
      m.counts[band] += Number(r[band]);
      m.n += Number(r[band]);
    }
    out.set(r.metric, m);
  }
  for (const m of out.values()) m.median = medianBand(m.counts);
  return out;
}

const dimensionOrder = ["space.", "devex.", "custom.", "dora."];
export function byDimensionOrder(a: string, b: string) {
  const rank = (k: string) => {
    const i = dimensionOrder.findIndex((p) => k.startsWith(p));
    return i === -1 ? dimensionOrder.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function changesOf(points: NpsPoint[]): NpsChangePoint[] {
  const out: NpsChangePoint[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.hidden || b.hidden) continue;
    out.push({ from: a.period, to: b.period, ...npsChange(a, b) });
  }
  return out;
}
