"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { apiFetch } from "@/lib/api/client";
import { analyticsKeys, filterQueryString, type FilterParams } from "@/lib/analytics/query-keys";
import type {
  AdoptionComparison,
  AnalyticsMeta,
  DimensionTrends,
  DoraSummary,
  NpsTrend,
  ResponseRates,
  SurveyResults,
  TeamComparison,
} from "@/lib/analytics/types";

const FILTER_KEYS = ["from", "to", "team", "adoption", "period"] as const;

/** Dashboard filters live in the URL so a view can be shared; this reads and updates them. */
export function useAnalyticsFilter() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = useMemo(() => {
    const f: FilterParams = {};
    for (const key of FILTER_KEYS) {
      const v = params?.get(key);
      if (v) f[key] = v;
    }
    return f;
  }, [params]);
  const setFilter = useCallback(
    (patch: Partial<FilterParams>) => {
      const next: FilterParams = { ...filter, ...patch };
      router.replace(`${pathname}${filterQueryString(next)}`, { scroll: false });
    },
    [filter, pathname, router],
  );
  return { filter, setFilter };
}

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
    queryFn: () => apiFetch<AnalyticsMeta>("/api/analytics/meta"),
    staleTime: 60_000,
  });
export const useNpsTrend = (f: FilterParams) =>
  useQuery({ queryKey: analyticsKeys.nps(rangeOf(f)), queryFn: get<NpsTrend>("nps", rangeOf(f)), ...common });
export const useDimensionTrends = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.dimensions(rangeOf(f)),
    queryFn: get<DimensionTrends>("dimensions", rangeOf(f)),
    ...common,
  });
export const useTeamComparison = (f: FilterParams) =>
  useQuery({ queryKey: analyticsKeys.teams(f), queryFn: get<TeamComparison>("teams", f), ...common });
export const useAdoptionComparison = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.adoption(rangeOf(f)),
    queryFn: get<AdoptionComparison>("adoption", rangeOf(f)),
    ...common,
  });
export const useDoraSummary = (f: FilterParams) =>
  useQuery({ queryKey: analyticsKeys.dora(rangeOf(f)), queryFn: get<DoraSummary>("dora", rangeOf(f)), ...common });
export const useResponseRates = (f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.responseRates(rangeOf(f)),
    queryFn: get<ResponseRates>("response-rates", rangeOf(f)),
    ...common,
  });
export const useSurveyResults = (surveyId: string, f: FilterParams) =>
  useQuery({
    queryKey: analyticsKeys.surveyResults(surveyId, { team: f.team, adoption: f.adoption }),
    queryFn: get<SurveyResults>(`surveys/${surveyId}`, { team: f.team, adoption: f.adoption }),
    ...common,
  });

export function exportHref(table: string, f: FilterParams) {
  return `/api/analytics/export/${table}${filterQueryString(f)}`;
}
