"use client";
// The dashboards' data: query keys and one hook per /api/analytics endpoint. Filters are plain
// strings from the URL; the server checks them and answers 422 for a bad one, which is not retried.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { apiFetch } from "@/lib/api/client";
import type { WireReturn } from "@/lib/api/wire";
import type {
  getAdoptionComparison,
  getAnalyticsMeta,
  getComments,
  getDimensionTrends,
  getDoraSummary,
  getFilterNotice,
  getNpsTrend,
  getSurveyDrivers,
  getResponseRates,
  getSurveyResults,
  getTeamComparison,
} from "@/lib/analytics/queries";

/**
 * Where the dashboards read from: the signed-in API, or a share link's read-only twin of it
 * (/api/share/<token>/…, answered by the same queries). `comments: false` when the link leaves free text out.
 */
export type AnalyticsSource = { base: string; shared: boolean; comments: boolean };
const signedIn: AnalyticsSource = { base: "/api/analytics", shared: false, comments: true };
const AnalyticsSourceContext = createContext<AnalyticsSource>(signedIn);
export const AnalyticsSourceProvider = AnalyticsSourceContext.Provider;
export const useAnalyticsSource = () => useContext(AnalyticsSourceContext);
/** The signed-in keys stay as they were; a shared source gets its own cache entries. */
const sourced = <K extends readonly unknown[]>(key: K, source: AnalyticsSource) =>
  source.shared ? ([...key, { source: source.base }] as const) : key;

export type FilterParams = { from?: string; to?: string; team?: string; adoption?: string; period?: string };
type CommentParams = FilterParams & { question?: string; q?: string; offset?: number };

export const analyticsKeys = {
  all: ["analytics"] as const,
  meta: () => [...analyticsKeys.all, "meta"] as const,
  nps: (f: FilterParams) => [...analyticsKeys.all, "nps", f] as const,
  dimensions: (f: FilterParams) => [...analyticsKeys.all, "dimensions", f] as const,
  teams: (f: FilterParams) => [...analyticsKeys.all, "teams", f] as const,
  adoption: (f: FilterParams) => [...analyticsKeys.all, "adoption", f] as const,
  dora: (f: FilterParams) => [...analyticsKeys.all, "dora", f] as const,
  responseRates: (f: FilterParams) => [...analyticsKeys.all, "response-rates", f] as const,
  notice: (f: FilterParams) => [...analyticsKeys.all, "notice", f] as const,
  surveyResults: (surveyId: string, f: FilterParams) => [...analyticsKeys.all, "survey", surveyId, f] as const,
  drivers: (surveyId: string, f: FilterParams) => [...analyticsKeys.all, "survey", surveyId, "drivers", f] as const,
  comments: (surveyId: string, questionId: string, f: CommentParams) =>
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

/** The CSV download of one dashboard table under the same filters. */
export function exportHref(table: string, f: FilterParams) {
  return `/api/analytics/export/${table}${filterQueryString(f)}`;
}

// Trends span quarters, so the quarter picked for one-quarter views does not refetch them.
const rangeOf = ({ from, to, team, adoption }: FilterParams): FilterParams => ({ from, to, team, adoption });
const get =
  <T>(source: AnalyticsSource, path: string, f: FilterParams) =>
  () =>
    apiFetch<T>(`${source.base}/${path}${filterQueryString(f)}`);
const common = {
  placeholderData: keepPreviousData,
  retry: (count: number, error: Error) => (error as Error & { status?: number }).status !== 422 && count < 1,
};

export const useAnalyticsMeta = () => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.meta(), source),
    queryFn: () => apiFetch<WireReturn<typeof getAnalyticsMeta>>(`${source.base}/meta`),
    staleTime: 60_000,
  });
};
export const useNpsTrend = (f: FilterParams) => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.nps(rangeOf(f)), source),
    queryFn: get<WireReturn<typeof getNpsTrend>>(source, "nps", rangeOf(f)),
    ...common,
  });
};
export const useDimensionTrends = (f: FilterParams) => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.dimensions(rangeOf(f)), source),
    queryFn: get<WireReturn<typeof getDimensionTrends>>(source, "dimensions", rangeOf(f)),
    ...common,
  });
};
export const useTeamComparison = (f: FilterParams) => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.teams(f), source),
    queryFn: get<WireReturn<typeof getTeamComparison>>(source, "teams", f),
    ...common,
  });
};
export const useAdoptionComparison = (f: FilterParams) => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.adoption(rangeOf(f)), source),
    queryFn: get<WireReturn<typeof getAdoptionComparison>>(source, "adoption", rangeOf(f)),
    ...common,
  });
};
export const useDoraSummary = (f: FilterParams) => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.dora(rangeOf(f)), source),
    queryFn: get<WireReturn<typeof getDoraSummary>>(source, "dora", rangeOf(f)),
    ...common,
  });
};
export const useResponseRates = (f: FilterParams) => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.responseRates(rangeOf(f)), source),
    queryFn: get<WireReturn<typeof getResponseRates>>(source, "response-rates", rangeOf(f)),
    ...common,
  });
};
/** One notice for a dashboard under these filters, and which filter choices would show anything. */
export const useFilterNotice = (f: FilterParams) => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.notice(rangeOf(f)), source),
    queryFn: get<WireReturn<typeof getFilterNotice>>(source, "notice", rangeOf(f)),
    ...common,
  });
};

export const useSurveyResults = (surveyId: string, f: FilterParams) => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.surveyResults(surveyId, { team: f.team, adoption: f.adoption }), source),
    queryFn: get<WireReturn<typeof getSurveyResults>>(source, `surveys/${surveyId}`, {
      team: f.team,
      adoption: f.adoption,
    }),
    ...common,
  });
};

/** A page of one free-text question's answers, searchable; hidden under k like every other figure. */
export const useSurveyComments = (surveyId: string, questionId: string, params: CommentParams) => {
  const source = useAnalyticsSource();
  return useQuery({
    queryKey: sourced(analyticsKeys.comments(surveyId, questionId, params), source),
    queryFn: () =>
      apiFetch<WireReturn<typeof getComments>>(
        `${source.base}/surveys/${surveyId}/comments${filterQueryString(params)}`,
      ),
    placeholderData: keepPreviousData,
  });
};

/** Which dimensions drive platform NPS in one closed survey (bootstrap intervals; hidden under k). */
export const useSurveyDrivers = (surveyId: string, f: FilterParams) => {
  const source = useAnalyticsSource();
  const group = { team: f.team, adoption: f.adoption };
  return useQuery({
    queryKey: sourced(analyticsKeys.drivers(surveyId, group), source),
    queryFn: get<WireReturn<typeof getSurveyDrivers>>(source, `surveys/${surveyId}/drivers`, group),
    ...common,
  });
};
