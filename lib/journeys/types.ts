// Value types of the journey domain, shared by the pure modules, the queries and the UI.
import type { JourneyPath, LinkStatus, LoadType, Pain, StepOutcome } from "./constants";

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
