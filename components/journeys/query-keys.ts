// TanStack Query keys of the journeys domain.
export const journeyKeys = {
  all: ["journeys"] as const,
  list: () => [...journeyKeys.all, "list"] as const,
  detail: (id: string) => [...journeyKeys.all, "detail", id] as const,
  evidence: (id: string) => [...journeyKeys.all, "evidence", id] as const,
  suggestions: (id: string) => [...journeyKeys.all, "suggestions", id] as const,
  themes: () => [...journeyKeys.all, "themes"] as const,
};

export const workflowKeys = {
  all: ["workflows"] as const,
  period: (period: string) => [...workflowKeys.all, period] as const,
};
