"use client";
// Targets, action plans and the roadmap for client components.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { backlogKeys } from "@/lib/backlog/hooks";
import { journeyKeys } from "@/lib/journeys/hooks";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import type { FormBody, WireReturn } from "@/lib/api/wire";
import type { getPlan, getRoadmap, listMeasureOptions, listTargets } from "./queries";
import type { createTargetSchema, planSchema, stepBacklogItemSchema } from "./schemas";

export const targetKeys = {
  all: ["targets"] as const,
  list: () => [...targetKeys.all, "list"] as const,
  options: () => [...targetKeys.all, "options"] as const,
};
// Under the backlog's keys: saving a plan changes the item's owner, so the backlog refreshes with it.
export const planKeys = {
  all: [...backlogKeys.all, "plans"] as const,
  roadmap: () => [...planKeys.all, "roadmap"] as const,
  item: (id: string) => [...planKeys.all, "item", id] as const,
};
export type TargetRow = WireReturn<typeof listTargets>["targets"][number];
export type RoadmapData = WireReturn<typeof getRoadmap>;
export type PlanData = WireReturn<typeof getPlan>;
export type MeasureOptionsData = WireReturn<typeof listMeasureOptions>;

/** Every target read against its latest closed quarter; off in shared views, which have no session. */
export function useTargets({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: targetKeys.list(),
    queryFn: () => apiFetch<WireReturn<typeof listTargets>>("/api/targets").then((r) => r.targets),
    enabled,
  });
}

export function useMeasureOptions({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: targetKeys.options(),
    queryFn: () => apiFetch<MeasureOptionsData>("/api/targets/options"),
    enabled,
  });
}

export function useCreateTarget(callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useInvalidate(targetKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createTargetSchema>>) =>
      apiFetch("/api/targets", { method: "POST", json: input }),
    onSuccess: (data, input) => {
      callbacks?.onSuccess?.(data, input);
      void refresh();
    },
  });
}

export function useDeleteTarget() {
  const refresh = useInvalidate(targetKeys.all);
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/targets/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
}

export function useRoadmap(initialData: RoadmapData) {
  return useQuery({
    queryKey: planKeys.roadmap(),
    queryFn: () => apiFetch<RoadmapData>("/api/backlog/roadmap"),
    initialData,
  });
}

export function usePlan(itemId: string) {
  return useQuery({
    queryKey: planKeys.item(itemId),
    queryFn: () => apiFetch<{ plan: PlanData }>(`/api/backlog/items/${itemId}/plan`).then((r) => r.plan),
  });
}

export function useSavePlan(itemId: string, callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useInvalidate(backlogKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof planSchema>>) =>
      apiFetch(`/api/backlog/items/${itemId}/plan`, { method: "PUT", json: input }),
    onSuccess: (data, input) => {
      callbacks?.onSuccess?.(data, input);
      void refresh();
    },
  });
}

export function useCreateStepBacklogItem(
  mapId: string,
  stepId: string,
  callbacks?: MutationCallbacks<unknown, unknown>,
) {
  const refresh = useInvalidate(backlogKeys.all);
  // The new item is linked to the step as evidence: the map shows it.
  const refreshMap = useInvalidate(journeyKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof stepBacklogItemSchema>>) =>
      apiFetch(`/api/journeys/${mapId}/steps/${stepId}/backlog-item`, { method: "POST", json: input }),
    onSuccess: (data, input) => {
      callbacks?.onSuccess?.(data, input);
      void refresh();
      void refreshMap();
    },
  });
}

export function useDeletePlan(itemId: string) {
  const refresh = useInvalidate(backlogKeys.all);
  return useMutation({
    mutationFn: () => apiFetch(`/api/backlog/items/${itemId}/plan`, { method: "DELETE" }),
    onSettled: refresh,
  });
}
