// TanStack Query keys for the analytics API: one factory so invalidation and sharing stay consistent.
export type FilterParams = { from?: string; to?: string; team?: string; adoption?: string; period?: string };

export const analyticsKeys = {
  all: ["analytics"] as const,
  meta: () => [...analyticsKeys.all, "meta"] as const,
  nps: (f: FilterParams) => [...analyticsKeys.all, "nps", f] as const,
  dimensions: (f: FilterParams) => [...analyticsKeys.all, "dimensions", f] as const,
  teams: (f: FilterParams) => [...analyticsKeys.all, "teams", f] as const,
  adoption: (f: FilterParams) => [...analyticsKeys.all, "adoption", f] as const,
  dora: (f: FilterParams) => [...analyticsKeys.all, "dora", f] as const,
  responseRates: (f: FilterParams) => [...analyticsKeys.all, "response-rates", f] as const,
  surveyResults: (surveyId: string, f: FilterParams) => [...analyticsKeys.all, "survey", surveyId, f] as const,
  comments: (surveyId: string, questionId: string, f: FilterParams & { q?: string; offset?: number }) =>
    [...analyticsKeys.all, "survey", surveyId, "comments", questionId, f] as const,
};

/** Query string of the filters that are set, in a stable order (URLs stay shareable and cache keys stable). */
export function filterQueryString(f: FilterParams & Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(f).sort()) {
    const v = f[key];
    if (v !== undefined && v !== "") params.set(key, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
