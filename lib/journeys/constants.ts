// The journey domain's enums and their labels, free of drizzle so client components import them too.
// lib/db/schema builds its PostgreSQL enums from these lists.

export const JOURNEY_PATHS = ["current", "golden"] as const;
export type JourneyPath = (typeof JOURNEY_PATHS)[number];

export const PAINS = ["low", "medium", "high"] as const;
export type Pain = (typeof PAINS)[number];
export const painLabels: Record<Pain, string> = { low: "Low", medium: "Medium", high: "High" };
export const painScore: Record<Pain, number> = { low: 1, medium: 2, high: 3 };

export const LOAD_TYPES = ["intrinsic", "extraneous", "germane"] as const;
export type LoadType = (typeof LOAD_TYPES)[number];
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

/** What the golden path did to a current step. */
export const STEP_OUTCOMES = ["kept", "eliminated", "automated", "abstracted"] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];
export const outcomeLabels: Record<StepOutcome, string> = {
  kept: "Kept",
  eliminated: "Eliminated",
  automated: "Automated",
  abstracted: "Abstracted",
};

/** A step's link to a backlog theme: suggested by matching words, then accepted or dismissed. */
export const LINK_STATUSES = ["suggested", "accepted", "dismissed"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
