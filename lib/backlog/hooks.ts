"use client";
// The backlog's data: query keys, the ranked view and a theme's details, and the curation writes.
// Any write can move ranks, quadrants and merged themes, so each one refreshes the whole backlog.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import type { FormBody, Wire, WireReturn } from "@/lib/api/wire";
import type { BacklogAnalysis } from "@/lib/backlog/analysis";
import { UNFINISHED_JOB_STATES } from "@/lib/jobs/constants";
import type {
  getBacklog,
  getDashboardBacklog,
  getBacklogItem,
  mergeBacklogItems,
  moveThemeMembers,
  promoteSubTheme,
} from "@/lib/backlog/queries";
import type {
  backlogThresholdsSchema,
  buildBacklogSchema,
  dashboardBacklogSchema,
  mergeBacklogItemSchema,
  moveMembersSchema,
  renameSubThemeSchema,
  updateBacklogItemSchema,
} from "@/lib/backlog/schemas";

export const backlogKeys = {
  all: ["backlog"] as const,
  view: (scope: string) => [...backlogKeys.all, "view", scope] as const,
  item: (id: string) => [...backlogKeys.all, "item", id] as const,
  dashboard: () => [...backlogKeys.all, "dashboard"] as const,
  analysis: (scope: string) => [...backlogKeys.all, "analysis", scope] as const,
};

export type BacklogAnalysisData = Wire<BacklogAnalysis>;
const isUnfinished = (a: BacklogAnalysisData | null | undefined) => !!a && UNFINISHED_JOB_STATES.includes(a.state);

export type BacklogData = WireReturn<typeof getBacklog>;
export type BacklogItemData = WireReturn<typeof getBacklogItem>;

/** The ranked backlog of one scope; nothing is fetched until a scope is chosen. */
export function useBacklog(scope: string | null, initial?: { scope: string | null; view: BacklogData | null }) {
  return useQuery({
    queryKey: backlogKeys.view(scope ?? ""),
    queryFn: () => apiFetch<BacklogData>(`/api/backlog?scope=${encodeURIComponent(scope!)}`),
    enabled: scope !== null,
    initialData: scope === initial?.scope && initial.view ? initial.view : undefined,
  });
}

export function useBacklogItem(id: string) {
  return useQuery({
    queryKey: backlogKeys.item(id),
    queryFn: () => apiFetch<BacklogItemData>(`/api/backlog/items/${id}`),
  });
}

/** The scope's ranked backlog as a CSV download. */
export const backlogExportHref = (scope: string) => `/api/backlog/export?scope=${encodeURIComponent(scope)}`;

/**
 * The scope's latest analysis (a background job), polled every second while it is queued or running,
 * so a reload picks it up again. When one finishes, the backlog view reloads with its themes.
 */
export function useBacklogAnalysis(scope: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: backlogKeys.analysis(scope ?? ""),
    queryFn: () =>
      apiFetch<{ analysis: BacklogAnalysisData | null }>(`/api/backlog/analysis?scope=${encodeURIComponent(scope!)}`),
    enabled: scope !== null,
    refetchInterval: (q) => (isUnfinished(q.state.data?.analysis) ? 1000 : false),
  });
  const analysis = query.data?.analysis ?? null;
  const wasRunning = useRef<string | null>(null);
  useEffect(() => {
    if (isUnfinished(analysis)) wasRunning.current = analysis!.id;
    else if (analysis && wasRunning.current === analysis.id && scope) {
      void queryClient.invalidateQueries({ queryKey: backlogKeys.view(scope) });
    }
  }, [analysis, scope, queryClient]);
  return { ...query, analysis, running: isUnfinished(analysis) };
}

/** Queues an analysis of the scope's answers (or joins the one already queued or running). */
export function useBuildBacklog(callbacks?: MutationCallbacks<unknown, unknown>) {
  const queryClient = useQueryClient();
  return useFormMutation({
    mutationFn: (input: z.input<typeof buildBacklogSchema>) =>
      apiFetch<{ analysis: BacklogAnalysisData; joined: boolean }>("/api/backlog/build", {
        method: "POST",
        json: input,
      }),
    onSuccess: async (data, input) => {
      callbacks?.onSuccess?.(data, input);
      queryClient.setQueryData(backlogKeys.analysis(data.analysis.scope), { analysis: data.analysis });
    },
  });
}

export function useUpdateBacklogThresholds() {
  const refresh = useInvalidate(backlogKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof backlogThresholdsSchema>>) =>
      apiFetch("/api/backlog/thresholds", { method: "PATCH", json: input }),
    onSuccess: refresh,
  });
}

/** Rename, effort, status, owner and notes of a theme. */
export function useUpdateBacklogItem(id: string, callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useInvalidate(backlogKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof updateBacklogItemSchema>>) =>
      apiFetch(`/api/backlog/items/${id}`, { method: "PATCH", json: input }),
    onSuccess: async (data, input) => {
      callbacks?.onSuccess?.(data, input);
      await refresh();
    },
  });
}

/** Moves answers to another theme, or splits them into a new one. */
export function useMoveThemeMembers(id: string, callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useInvalidate(backlogKeys.all);
  return useFormMutation({
    mutationFn: (input: z.input<typeof moveMembersSchema>) =>
      apiFetch<WireReturn<typeof moveThemeMembers>>(`/api/backlog/items/${id}/move`, { method: "POST", json: input }),
    onSuccess: async (data, input) => {
      callbacks?.onSuccess?.(data, input);
      await refresh();
    },
  });
}

type MergeResult = Wire<{ target: Awaited<ReturnType<typeof mergeBacklogItems>> }>;

/**
 * Merges the theme into another. Here the backlog is refreshed before the caller's onSuccess (which
 * opens the target): the merged theme leaves the list, and the form asking for the merge with it.
 */
export function useMergeBacklogItem(id: string, callbacks?: MutationCallbacks<MergeResult, unknown>) {
  const refresh = useInvalidate(backlogKeys.all);
  return useFormMutation({
    mutationFn: (input: z.input<typeof mergeBacklogItemSchema>) =>
      apiFetch<MergeResult>(`/api/backlog/items/${id}/merge`, { method: "POST", json: input }),
    onSuccess: async (data, input) => {
      await refresh();
      callbacks?.onSuccess?.(data, input);
    },
  });
}

/** Undoes a merge: `id` is the theme that was merged away. */
export function useUnmergeBacklogItem() {
  const refresh = useInvalidate(backlogKeys.all);
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/backlog/items/${id}/merge`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}

/** Undoes curation carried from another analysis: the theme goes back to uncurated. */
export function useUndoCarry() {
  const refresh = useInvalidate(backlogKeys.all);
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/backlog/items/${id}/carry`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}

export type DashboardBacklogData = Wire<{ dashboard: Awaited<ReturnType<typeof getDashboardBacklog>> }>;

/** The backlog the dashboard shows (an editor's pick, else the widest range of quarters analysed). */
export function useDashboardBacklog(initial?: DashboardBacklogData) {
  return useQuery({
    queryKey: backlogKeys.dashboard(),
    queryFn: () => apiFetch<DashboardBacklogData>("/api/backlog/dashboard"),
    initialData: initial,
  });
}

export function useSetDashboardBacklog() {
  const refresh = useInvalidate(backlogKeys.all);
  return useFormMutation({
    mutationFn: (input: z.input<typeof dashboardBacklogSchema>) =>
      apiFetch<DashboardBacklogData>("/api/backlog/dashboard", { method: "PUT", json: input }),
    onSuccess: refresh,
  });
}

/** Renames a sub-theme (an empty name goes back to the generated one). */
export function useRenameSubTheme(id: string, callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useInvalidate(backlogKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof renameSubThemeSchema>>) =>
      apiFetch(`/api/backlog/sub-themes/${id}`, { method: "PATCH", json: input }),
    onSuccess: async (data, input) => {
      callbacks?.onSuccess?.(data, input);
      await refresh();
    },
  });
}

/** Promotes a sub-theme to a theme of its own; the caller may open the new theme. */
export function usePromoteSubTheme(callbacks?: { onSuccess?: (data: WireReturn<typeof promoteSubTheme>) => void }) {
  const refresh = useInvalidate(backlogKeys.all);
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<WireReturn<typeof promoteSubTheme>>(`/api/backlog/sub-themes/${id}/promote`, { method: "POST" }),
    onSuccess: async (data) => {
      await refresh();
      callbacks?.onSuccess?.(data);
    },
  });
}
