// TanStack Query key factories for the survey, team and dimension screens.
export const surveyKeys = {
  all: ["surveys"] as const,
  list: () => [...surveyKeys.all, "list"] as const,
  detail: (id: string) => [...surveyKeys.all, "detail", id] as const,
  links: (id: string) => [...surveyKeys.all, "links", id] as const,
};
export const teamKeys = { all: ["teams"] as const, list: () => [...teamKeys.all, "list"] as const };
export const dimensionKeys = { all: ["dimensions"] as const, list: () => [...dimensionKeys.all, "list"] as const };
export const frictionKeys = { all: ["friction"] as const, links: () => [...frictionKeys.all, "links"] as const };
