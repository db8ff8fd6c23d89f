"use client";
// Journey maps and workflow timings: query keys, reads of /api/journeys and /api/workflows, and the
// writes with the refreshes each needs.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import type { FormBody, Wire, WireReturn } from "@/lib/api/wire";
import type {
  duplicateJourneyMap,
  getJourneyEvidence,
  getJourneyMap,
  getLinkSuggestions,
  listLinkableThemes,
  listWorkflowTimings,
} from "@/lib/journeys/queries";
import type {
  createJourneyMapSchema,
  createStepSchema,
  createWorkflowSchema,
  linkThemeSchema,
  recordTimingSchema,
  updateJourneyMapSchema,
  updateStepSchema,
  updateWorkflowSchema,
} from "@/lib/journeys/schemas";
import type { JourneyPath } from "@/lib/journeys/constants";

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
  period: (period: string) => [...workflowKeys.all, "period", period] as const,
};

export type JourneyMapData = Wire<NonNullable<Awaited<ReturnType<typeof getJourneyMap>>>>;
export type WorkflowTimingsData = Wire<{
  period: string;
  periods: string[];
  workflows: Awaited<ReturnType<typeof listWorkflowTimings>>;
}>;

// ── Maps ─────────────────────────────────────────────────────────────────────────────────────

export function useJourneyMap(initial: JourneyMapData) {
  return useQuery({
    queryKey: journeyKeys.detail(initial.map.id),
    queryFn: () => apiFetch<JourneyMapData>(`/api/journeys/${initial.map.id}`),
    initialData: initial,
  });
}

/** What developers said about the themes linked to the map's steps (k-suppressed on the server). */
export function useJourneyEvidence(mapId: string) {
  return useQuery({
    queryKey: journeyKeys.evidence(mapId),
    queryFn: () => apiFetch<WireReturn<typeof getJourneyEvidence>>(`/api/journeys/${mapId}/evidence`),
  });
}

/** Themes whose terms overlap a step; editors only, so `enabled` follows the role. */
export function useLinkSuggestions(mapId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: journeyKeys.suggestions(mapId),
    queryFn: () =>
      apiFetch<Wire<{ suggestions: Awaited<ReturnType<typeof getLinkSuggestions>> }>>(
        `/api/journeys/${mapId}/suggestions`,
      ).then((r) => r.suggestions),
    enabled,
  });
}

export function useLinkableThemes({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: journeyKeys.themes(),
    queryFn: () =>
      apiFetch<Wire<{ themes: Awaited<ReturnType<typeof listLinkableThemes>> }>>("/api/journeys/themes").then(
        (r) => r.themes,
      ),
    enabled,
  });
}

/** A change to a map or its steps can move its summary, its evidence, its suggestions and the list of maps. */
function useRefreshJourneyMap(mapId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: journeyKeys.detail(mapId) });
    void queryClient.invalidateQueries({ queryKey: journeyKeys.suggestions(mapId) });
    void queryClient.invalidateQueries({ queryKey: journeyKeys.evidence(mapId) });
    void queryClient.invalidateQueries({ queryKey: journeyKeys.list() });
  };
}

export function useCreateJourneyMap(callbacks?: MutationCallbacks<JourneyMapData, unknown>) {
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createJourneyMapSchema>>) =>
      apiFetch<JourneyMapData>("/api/journeys", { method: "POST", json: input }),
    onSuccess: (map, input) => callbacks?.onSuccess?.(map, input),
  });
}

export function useUpdateJourneyMap(mapId: string, callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useRefreshJourneyMap(mapId);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof updateJourneyMapSchema>>) =>
      apiFetch(`/api/journeys/${mapId}`, { method: "PATCH", json: input }),
    onSuccess: (data, input) => {
      callbacks?.onSuccess?.(data, input);
      refresh();
    },
  });
}

type Copy = WireReturn<typeof duplicateJourneyMap>;

export function useDuplicateJourneyMap(mapId: string, callbacks?: MutationCallbacks<Copy, void>) {
  return useMutation({
    mutationFn: () => apiFetch<Copy>(`/api/journeys/${mapId}/duplicate`, { method: "POST" }),
    onSuccess: (copy) => callbacks?.onSuccess?.(copy),
  });
}

export function useDeleteJourneyMap(mapId: string, callbacks?: MutationCallbacks<unknown, void>) {
  return useMutation({
    mutationFn: () => apiFetch(`/api/journeys/${mapId}`, { method: "DELETE" }),
    onSuccess: (data) => callbacks?.onSuccess?.(data),
  });
}

/** The map's steps as a CSV download. */
export const journeyExportHref = (mapId: string) => `/api/journeys/${mapId}/export`;

// ── Steps ────────────────────────────────────────────────────────────────────────────────────

type StepFields = FormBody<z.input<typeof updateStepSchema>>;

export function useAddStep(mapId: string, path: JourneyPath) {
  const refresh = useRefreshJourneyMap(mapId);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createStepSchema>>) =>
      apiFetch(`/api/journeys/${mapId}/steps`, { method: "POST", json: { ...input, path } }),
    onSuccess: refresh,
  });
}

export function useUpdateStep(mapId: string, callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useRefreshJourneyMap(mapId);
  return useFormMutation({
    mutationFn: ({ stepId, input }: { stepId: string; input: StepFields }) =>
      apiFetch(`/api/journeys/${mapId}/steps/${stepId}`, { method: "PATCH", json: input }),
    onSuccess: (data, variables) => {
      callbacks?.onSuccess?.(data, variables);
      refresh();
    },
  });
}

export function useDeleteStep(mapId: string) {
  const refresh = useRefreshJourneyMap(mapId);
  return useMutation({
    mutationFn: (stepId: string) => apiFetch(`/api/journeys/${mapId}/steps/${stepId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}

/** Shows the new order of one path at once and puts the old one back if the server refuses it. */
export function useReorderSteps(mapId: string, path: JourneyPath) {
  const queryClient = useQueryClient();
  const refresh = useRefreshJourneyMap(mapId);
  const key = journeyKeys.detail(mapId);
  return useMutation({
    // Moves run one after another: two orders in flight could be applied out of sequence.
    scope: { id: `reorder-${mapId}-${path}` },
    mutationFn: (stepIds: string[]) =>
      apiFetch(`/api/journeys/${mapId}/steps/order`, { method: "PUT", json: { path, stepIds } }),
    onMutate: async (stepIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<JourneyMapData>(key);
      if (previous) {
        const order = new Map(stepIds.map((sid, i) => [sid, i]));
        queryClient.setQueryData<JourneyMapData>(key, {
          ...previous,
          steps: previous.steps.map((s) => (order.has(s.id) ? { ...s, position: order.get(s.id)! } : s)),
        });
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: refresh,
  });
}

/** Links a backlog theme to a step (accepted), or dismisses a suggested one. */
export function useLinkStepTheme(mapId: string) {
  const refresh = useRefreshJourneyMap(mapId);
  return useMutation({
    mutationFn: ({
      stepId,
      themeId,
      status,
    }: {
      stepId: string;
      themeId: string;
      status: z.input<typeof linkThemeSchema>["status"];
    }) =>
      apiFetch(`/api/journeys/${mapId}/steps/${stepId}/themes`, {
        method: "POST",
        json: { backlogItemId: themeId, status },
      }),
    onSuccess: refresh,
  });
}

export function useUnlinkStepTheme(mapId: string) {
  const refresh = useRefreshJourneyMap(mapId);
  return useMutation({
    mutationFn: ({ stepId, themeId }: { stepId: string; themeId: string }) =>
      apiFetch(`/api/journeys/${mapId}/steps/${stepId}/themes/${themeId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}

// ── Workflow timings ─────────────────────────────────────────────────────────────────────────

/** One quarter's timings; the page's first paint serves its own quarter, others load on choice. */
export function useWorkflowTimings(period: string, initial: WorkflowTimingsData) {
  return useQuery({
    queryKey: workflowKeys.period(period),
    queryFn: () => apiFetch<WorkflowTimingsData>(`/api/workflows?period=${period}`),
    initialData: period === initial.period ? initial : undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCreateWorkflow() {
  const refresh = useInvalidate(workflowKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createWorkflowSchema>>) =>
      apiFetch("/api/workflows", { method: "POST", json: input }),
    onSuccess: refresh,
  });
}

export function useUpdateWorkflow(workflowId: string) {
  const refresh = useInvalidate(workflowKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof updateWorkflowSchema>>) =>
      apiFetch(`/api/workflows/${workflowId}`, { method: "PATCH", json: input }),
    onSuccess: refresh,
  });
}

export function useDeleteWorkflow(workflowId: string) {
  const refresh = useInvalidate(workflowKeys.all);
  return useMutation({
    mutationFn: () => apiFetch(`/api/workflows/${workflowId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}

/** Up to three measurements of a workflow in one quarter (an empty list clears them). */
export function useRecordTiming(workflowId: string, period: string) {
  const refresh = useInvalidate(workflowKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof recordTimingSchema>>) =>
      apiFetch(`/api/workflows/${workflowId}/timings/${period}`, { method: "PUT", json: input }),
    onSuccess: refresh,
  });
}
