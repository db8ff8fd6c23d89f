// Value types of the journey domain, shared by the pure modules, the queries and the UI.
import type { journeyPaths, linkStatuses, loadTypes, pains, stepOutcomes } from "@/lib/db/schema/journeys";

export type JourneyPath = (typeof journeyPaths)[number];
export type Pain = (typeof pains)[number];
export type LoadType = (typeof loadTypes)[number];
export type StepOutcome = (typeof stepOutcomes)[number];
export type LinkStatus = (typeof linkStatuses)[number];

export const loadTypeLabels: Record<LoadType, string> = {
  intrinsic: "Intrinsic",
  extraneous: "Extraneous",
  germane: "Germane",
};
export const loadTypeHints: Record<LoadType, string> = {
  intrinsic: "Inherent in the task; cannot be removed",
  extraneous: "Caused by tools or process; the part to remove",
  germane: "Productive learning; worth keeping",
};
export const painLabels: Record<Pain, string> = { low: "Low", medium: "Medium", high: "High" };
export const painScore: Record<Pain, number> = { low: 1, medium: 2, high: 3 };
export const outcomeLabels: Record<StepOutcome, string> = {
  kept: "Kept",
  eliminated: "Eliminated",
  automated: "Automated",
  abstracted: "Abstracted",
};
export const maturityLabels = ["Manual ticket", "Documented", "Templated", "Self-service", "Automated"] as const;

export const auditFields = ["tools", "concepts", "configFiles", "people", "dashboards", "docs"] as const;
export type AuditField = (typeof auditFields)[number];
export const auditLabels: Record<AuditField, string> = {
  tools: "Tools",
  concepts: "Concepts",
  configFiles: "Config files",
  people: "People",
  dashboards: "Dashboards",
  docs: "Docs pages",
};

/** A map as the pages and the JSON API see it (dates as ISO strings). */
export type JourneyMapSummary = {
  id: string;
  name: string;
  workflow: string;
  persona: string;
  maturityNow: number;
  maturityTarget: number;
  updatedAt: string;
  currentSteps: number;
  currentMinutes: number;
  goldenSteps: number;
  goldenMinutes: number;
  /** Minutes of current steps no golden step covers yet ("not yet designed"). */
  notDesignedMinutes: number;
};

export type StepThemeLink = { backlogItemId: string; label: string; status: LinkStatus };

export type JourneyStepView = {
  id: string;
  path: JourneyPath;
  position: number;
  name: string;
  minutes: number;
  pain: Pain;
  loadType: LoadType;
  loadLevel: number;
  tools: number;
  concepts: number;
  configFiles: number;
  people: number;
  dashboards: number;
  docs: number;
  notes: string;
  counterpartStepId: string | null;
  outcome: StepOutcome | null;
  themes: StepThemeLink[];
};

export type JourneyMapDetail = {
  map: Omit<
    JourneyMapSummary,
    "currentSteps" | "currentMinutes" | "goldenSteps" | "goldenMinutes" | "notDesignedMinutes"
  > & {
    createdAt: string;
  };
  steps: JourneyStepView[];
};

export type TrendPoint = { period: string; share: number | null; hidden: boolean };

/** What developers said about a linked theme. Below k respondents only `hidden` and the label leave the server. */
export type ThemeEvidence = {
  backlogItemId: string;
  label: string;
  hidden: boolean;
  respondents: number | null;
  population: number | null;
  share: number | null;
  trend: TrendPoint[];
  quotes: string[];
};

export type LinkableTheme = { id: string; label: string; terms: string[]; scope: string };

export type SuggestionView = { stepId: string; themeId: string; label: string; score: number; matchedTerms: string[] };

export type WorkflowTimingRow = {
  workflowId: string;
  key: string;
  name: string;
  targetMinutes: number;
  builtIn: boolean;
  period: string;
  measurementsMinutes: number[];
  notes: string;
  median: number | null;
  gapMinutes: number | null;
  status: "met" | "close" | "missed" | null;
  previousMedian: number | null;
};

// Option lists for client forms, derived from the label maps so the client never imports the schema.
export const loadTypeOptions = Object.keys(loadTypeLabels) as LoadType[];
export const painOptions = Object.keys(painLabels) as Pain[];
