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
