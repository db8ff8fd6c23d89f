// The backlog's enums and their labels, free of drizzle so client components import them too.
// lib/db/schema builds its PostgreSQL enums from these lists.

export const EFFORTS = ["S", "M", "L"] as const;
export type Effort = (typeof EFFORTS)[number];

export const BACKLOG_STATUSES = ["new", "planned", "in_progress", "done", "wont_do"] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];
export const backlogStatusLabels: Record<BacklogStatus, string> = {
  new: "New",
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};

/** Where a running analysis is (lib/backlog/analysis.ts reports them as the job's stage). */
export const ANALYSIS_STAGES = ["reading", "clustering", "saving"] as const;
export type AnalysisStage = (typeof ANALYSIS_STAGES)[number];
export const analysisStageLabels: Record<AnalysisStage, string> = {
  reading: "Reading answers",
  clustering: "Finding themes",
  saving: "Saving themes",
};
