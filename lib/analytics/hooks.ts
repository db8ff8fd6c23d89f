"use client";
// The dashboards' data: query keys and one hook per /api/analytics endpoint. Filters are plain
// strings from the URL; the server checks them and answers 422 for a bad one, which is not retried.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
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
  getResponseRates,
  getSurveyResults,
  getTeamComparison,
} from "@/lib/analytics/queries";

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
  <T>(path: string, f: FilterParams) =>
  () =>
    apiFetch<T>(`/api/analytics/${path}${filterQueryString(f)}`);
const common = {
  placeholderData: keepPreviousData,
  retry: (count: number, error: Error) => (error as Error & { status?: number }).status !== 422 && count < 1,
};

export const useAnalyticsMeta = () =>
  useQuery({
    queryKey: analyticsKeys.meta(),
    queryFn: () => apiFetch<WireReturn<typeof getAnalyticsMeta>>("/api/analytics/meta"),
    staleTime: 60_000,
  });
export const useNpsTrend = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.nps(rangeOf(f)),
    queryFn: get<WireReturn<typeof getNpsTrend>>("nps", rangeOf(f)),
    ...common,
  });
export const useDimensionTrends = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.dimensions(rangeOf(f)),
    queryFn: get<WireReturn<typeof getDimensionTrends>>("dimensions", rangeOf(f)),
    ...common,
  });
export const useTeamComparison = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.teams(f),
    queryFn: get<WireReturn<typeof getTeamComparison>>("teams", f),
    ...common,
  });
export const useAdoptionComparison = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.adoption(rangeOf(f)),
    queryFn: get<WireReturn<typeof getAdoptionComparison>>("adoption", rangeOf(f)),
    ...common,
  });
export const useDoraSummary = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.dora(rangeOf(f)),
    queryFn: get<WireReturn<typeof getDoraSummary>>("dora", rangeOf(f)),
    ...common,
  });
export const useResponseRates = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.responseRates(rangeOf(f)),
    queryFn: get<WireReturn<typeof getResponseRates>>("response-rates", rangeOf(f)),
    ...common,
  });
/** One notice for a dashboard under these filters, and which filter choices would show anything. */
export const useFilterNotice = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.notice(rangeOf(f)),
    queryFn: get<WireReturn<typeof getFilterNotice>>("notice", rangeOf(f)),
    ...common,
  });
export const useSurveyResults = (surveyId: string, f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.surveyResults(surveyId, { team: f.team, adoption: f.adoption }),
    queryFn: get<WireReturn<typeof getSurveyResults>>(`surveys/${surveyId}`, { team: f.team, adoption: f.adoption }),
    ...common,
  });

/** A page of one free-text question's answers, searchable; hidden under k like every other figure. */
export const useSurveyComments = (surveyId: string, questionId: string, params: CommentParams) =>
  useQuery({
    queryKey: analyticsKeys.comments(surveyId, questionId, params),
    queryFn: () =>
      apiFetch<WireReturn<typeof getComments>>(
        `/api/analytics/surveys/${surveyId}/comments${filterQueryString(params)}`,
      ),
    placeholderData: keepPreviousData,
  });
