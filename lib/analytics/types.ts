// Shapes returned by the analytics API; shared by route handlers, the CSV export and the dashboards.
import type { DoraBand } from "@/lib/surveys/templates";
import type { NpsChange, NpsStats } from "./nps";
import type { Benchmark, ScoreStats } from "./scores";
import type { Hidden, HiddenReason, Shown, Suppressed } from "./suppression";
import type { FilterOption, SuppressionNotice } from "./suppression-notice";

export type { Hidden, Suppressed } from "./suppression";
export type Maybe<T> = Shown<T> | Hidden;

export type NpsPoint = Suppressed<{ period: string }, NpsStats>;
export type NpsChangePoint = { from: string; to: string } & NpsChange;
/**
 * A quarter still collecting answers: provisional, so it has no figures, only how far it has got.
 * `responses` is a lower bound in steps of k (null under k, and under a team or platform filter);
 * `invited` the headcount of the teams asked.
 */
export type CollectingQuarter = {
  period: string;
  title: string;
  responses: number | null;
  invited: number | null;
  /** A team or platform filter is set: live counts are given for the whole survey only. */
  byGroup: boolean;
};
export type NpsTrend = {
  k: number;
  key: string | null;
  points: NpsPoint[];
  changes: NpsChangePoint[];
  collecting: CollectingQuarter[];
};

export type DimensionPoint = Suppressed<{ period: string; dimension: string }, ScoreStats>;
export type DimensionSeries = { key: string; name: string; points: DimensionPoint[] };
export type DimensionTrends = {
  k: number;
  periods: string[];
  dimensions: DimensionSeries[];
  collecting: CollectingQuarter[];
};

export type TeamRow = {
  teamId: string | null;
  name: string;
  headcount: number | null;
  onPlatform: boolean | null;
  /** null when the team sent no responses in the quarter. */
  responses: Maybe<{ n: number; rate: number | null }> | null;
  /** Why the team's row is hidden, naming the groups (under k) it protects; null when shown. */
  hiddenWhy: { reason: HiddenReason; protects: string[] } | null;
  nps: Maybe<NpsStats> | null;
  scores: Record<string, Maybe<ScoreStats> | undefined>;
};
export type TeamComparison = {
  k: number;
  period: string | null;
  dimensions: { key: string; name: string }[];
  teams: TeamRow[];
  /** "nps" and each dimension key → percentiles over the teams that are shown. */
  benchmarks: Record<string, Benchmark | null>;
};

export type AdoptionGroup = "on" | "off";
export type AdoptionComparison = {
  k: number;
  periods: string[];
  nps: Record<AdoptionGroup, NpsPoint[]>;
  dimensions: { key: string; name: string; on: DimensionPoint[]; off: DimensionPoint[] }[];
};

export type DoraMetricValue = Maybe<{ n: number; counts: Record<DoraBand, number>; median: DoraBand | null }>;
export type DoraGroupRow = {
  id: string | null;
  name: string;
  onPlatform: boolean | null;
  classification: Maybe<{ band: DoraBand | null }>;
  metrics: Record<string, DoraMetricValue | undefined>;
};
export type DoraSummary = {
  k: number;
  period: string | null;
  periods: string[];
  metrics: { key: string; name: string }[];
  teams: DoraGroupRow[];
  adoption: DoraGroupRow[];
  /** The whole group the filter names; null when nobody in it answered DORA. */
  overall: DoraGroupRow | null;
};

export type ResponseRateSurvey = {
  surveyId: string;
  title: string;
  period: string;
  /** While a survey collects answers, its total is shown only in steps of k: "at least n". */
  total: Maybe<{ n: number; atLeast?: boolean }>;
  teams: {
    teamId: string | null;
    name: string;
    headcount: number | null;
    /** An invite-only team's people invited to the survey: its rate's denominator instead of headcount. */
    invited: number | null;
    value: Maybe<{ n: number; rate: number | null }>;
  }[];
};
export type ResponseRates = { k: number; surveys: ResponseRateSurvey[] };

/** `publishedPeriods`: quarters whose survey has closed; the rest are still collecting answers. */
export type AnalyticsMeta = {
  k: number;
  periods: string[];
  publishedPeriods: string[];
  teams: { id: string; name: string; onPlatform: boolean }[];
};

export type QuestionResult = {
  id: string;
  key: string;
  kind: string;
  prompt: string;
  dimension: string | null;
  /** Earlier wordings of this key, by the quarter that reworded it: its trend compares different wordings. */
  rewordings: { period: string; previousPrompt: string }[];
  result: Maybe<{
    answered: number;
    /** value or option id → count, in scale/option order */
    buckets: { value: string; label: string; count: number }[];
    nps?: NpsStats | null;
    score?: { mean: number; favorablePct: number } | null;
    comments?: number;
  }>;
};
/** One notice per view (protected groups by name) and the filter bar's choices: lib/analytics/suppression-notice.ts. */
export type FilterNotice = {
  k: number;
  notice: SuppressionNotice | null;
  options: { teams: FilterOption[]; adoption: FilterOption[] };
};
export type SurveyResults = {
  k: number;
  notice: SuppressionNotice | null;
  options: FilterNotice["options"];
  survey: { id: string; title: string; period: string; status: string };
  total: Maybe<{ n: number }>;
  questions: QuestionResult[];
};
export type CommentsPage = {
  k: number;
  comments: Maybe<{ items: string[]; total: number; offset: number; pageSize: number }>;
};
