import type { BacklogStatus, Effort } from "@/lib/backlog/constants";
// Prioritisation of backlog items: impact (how much a theme hurts), quadrant (impact × frequency)
// and rank (frequency × impact ÷ effort). Pure functions; the SQL that feeds them is in queries.ts.

export const IMPACT_WEIGHTS = { nps: 0.35, likert: 0.35, sentiment: 0.3 } as const;
/** A gap of this share of the scale's range below everyone's mean counts as maximal pain. */
const FULL_PAIN_GAP = 0.2;

export interface ImpactInput {
  /** Mean NPS (0–10) of the respondents who mention the theme, and of everyone in scope. */
  mentionersNps: number | null;
  everyoneNps: number | null;
  /** Mean Likert (1–5) over all scored questions, same two groups. */
  mentionersLikert: number | null;
  everyoneLikert: number | null;
  /** Share (0..1) of the theme's mentions whose sentiment is negative. */
  negativeShare: number | null;
}

export interface Impact {
  /** 0..1; 0.5 on a score component means "mentioners score like everyone else". */
  impact: number;
  components: { nps: number | null; likert: number | null; sentiment: number | null };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Pain from a score gap: 0.5 when equal, 1 when mentioners are FULL_PAIN_GAP of the range lower. */
function gapPain(mentioners: number | null, everyone: number | null, range: number): number | null {
  if (mentioners === null || everyone === null) return null;
  return clamp01(0.5 + ((everyone - mentioners) / range) * (0.5 / FULL_PAIN_GAP));
}

/**
 * Impact = 0.35 × NPS pain + 0.35 × Likert pain + 0.30 × negative share, where a pain component is
 * 0.5 when the theme's mentioners score like everyone in scope, rising to 1 when they score 20% of
 * the scale lower (2 NPS points, 0.8 Likert points) and falling to 0 when 20% higher. Components
 * without data (friction entries carry no scores) drop out and the others are re-weighted.
 */
export function computeImpact(input: ImpactInput): Impact {
  const components = {
    nps: gapPain(input.mentionersNps, input.everyoneNps, 10),
    likert: gapPain(input.mentionersLikert, input.everyoneLikert, 4),
    sentiment: input.negativeShare === null ? null : clamp01(input.negativeShare),
  };
  let total = 0;
  let weight = 0;
  for (const key of ["nps", "likert", "sentiment"] as const) {
    const value = components[key];
    if (value === null) continue;
    total += value * IMPACT_WEIGHTS[key];
    weight += IMPACT_WEIGHTS[key];
  }
  return { impact: weight === 0 ? 0 : total / weight, components };
}

export const quadrants = ["do_first", "automate_or_document", "schedule", "ignore"] as const;
export type Quadrant = (typeof quadrants)[number];
export const quadrantLabels: Record<Quadrant, string> = {
  do_first: "Do first",
  automate_or_document: "Automate or document",
  schedule: "Schedule",
  ignore: "Ignore for now",
};

export interface Thresholds {
  /** Share of respondents (0..1) from which a theme counts as frequent. */
  frequencyThreshold: number;
  /** Impact (0..1) from which a theme counts as painful. */
  impactThreshold: number;
}

/** Frequent and painful → do first; frequent only → automate or document; painful only → schedule. */
export function assignQuadrant(point: { share: number; impact: number }, thresholds: Thresholds): Quadrant {
  const frequent = point.share >= thresholds.frequencyThreshold;
  const painful = point.impact >= thresholds.impactThreshold;
  if (frequent && painful) return "do_first";
  if (frequent) return "automate_or_document";
  if (painful) return "schedule";
  return "ignore";
}

/** Cost weights: an unsized item is treated as medium. */
export const EFFORT_WEIGHT: Record<Effort, number> = { S: 1, M: 2, L: 4 };
const CLOSED: ReadonlySet<BacklogStatus> = new Set(["done", "wont_do"]);

export interface Rankable {
  id: string;
  label: string;
  share: number;
  impact: number;
  effort: Effort | null;
  status: BacklogStatus;
}

/**
 * Rank by score = share × impact ÷ effort weight (S 1, M 2, L 4; unsized = M). Done and won't-do
 * items sink below every open item; ties go to the more frequent theme, then alphabetically.
 */
export function rankBacklog<T extends Rankable>(items: readonly T[]): (T & { rank: number; score: number })[] {
  const scored = items.map((item) => ({
    ...item,
    score: (item.share * item.impact) / EFFORT_WEIGHT[item.effort ?? "M"],
  }));
  scored.sort(
    (a, b) =>
      Number(CLOSED.has(a.status)) - Number(CLOSED.has(b.status)) ||
      b.score - a.score ||
      b.share - a.share ||
      a.label.localeCompare(b.label) ||
      (a.id < b.id ? -1 : 1),
  );
  return scored.map((item, i) => ({ ...item, rank: i + 1 }));
}
