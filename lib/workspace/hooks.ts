"use client";
// Workspace settings, teams and custom dimensions: query keys, reads and the writes with their refreshes.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import type { FormBody, Wire, WireReturn } from "@/lib/api/wire";
import type { listCustomDimensions, listTeams, updateWorkspaceSettings } from "@/lib/workspace/queries";
import type {
  createDimensionSchema,
  createTeamSchema,
  updateDimensionSchema,
  updateSettingsSchema,
  updateTeamSchema,
} from "@/lib/workspace/schemas";

export const teamKeys = {
  all: ["teams"] as const,
  list: () => [...teamKeys.all, "list"] as const,
};

export const dimensionKeys = {
  all: ["dimensions"] as const,
  list: () => [...dimensionKeys.all, "list"] as const,
};

export type Team = WireReturn<typeof listTeams>[number];
export type CustomDimension = WireReturn<typeof listCustomDimensions>[number];
export type TeamChange = FormBody<z.input<typeof updateTeamSchema>>;

// ── Settings ─────────────────────────────────────────────────────────────────────────────────

/** Name, anonymity threshold and backlog cut-offs (owners). Server components read settings, so the caller refreshes the route. */
export function useUpdateSettings(callbacks?: MutationCallbacks<unknown, unknown>) {
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof updateSettingsSchema>>) =>
      apiFetch<Wire<{ settings: Awaited<ReturnType<typeof updateWorkspaceSettings>> }>>("/api/settings", {
        method: "PATCH",
        json: input,
      }),
    onSuccess: (data, input) => callbacks?.onSuccess?.(data, input),
  });
}

// ── Teams ────────────────────────────────────────────────────────────────────────────────────

export function useTeams(initialData: Team[]) {
  return useQuery({
    queryKey: teamKeys.list(),
    queryFn: () => apiFetch<Wire<{ teams: Team[] }>>("/api/teams").then((r) => r.teams),
    initialData,
  });
}

export function useCreateTeam() {
  const refresh = useInvalidate(teamKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createTeamSchema>>) =>
      apiFetch("/api/teams", { method: "POST", json: input }),
    onSuccess: refresh,
  });
}

/** Rename, headcount, an on-platform change from a quarter, archive or restore. */
export function useUpdateTeam(callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useInvalidate(teamKeys.all);
  return useFormMutation({
    mutationFn: ({ id, input }: { id: string; input: TeamChange }) =>
      apiFetch(`/api/teams/${id}`, { method: "PATCH", json: input }),
    onSuccess: (data, variables) => {
      callbacks?.onSuccess?.(data, variables);
      void refresh();
    },
  });
}

// ── Custom dimensions ────────────────────────────────────────────────────────────────────────

export function useCustomDimensions(initialData: CustomDimension[]) {
  return useQuery({
    queryKey: dimensionKeys.list(),
    queryFn: () => apiFetch<Wire<{ custom: CustomDimension[] }>>("/api/dimensions").then((r) => r.custom),
    initialData,
  });
}

export function useCreateDimension() {
  const refresh = useInvalidate(dimensionKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createDimensionSchema>>) =>
      apiFetch("/api/dimensions", { method: "POST", json: input }),
    onSuccess: refresh,
  });
}

export function useRenameDimension(callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useInvalidate(dimensionKeys.all);
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: z.input<typeof updateDimensionSchema>["name"] }) =>
      apiFetch(`/api/dimensions/${id}`, { method: "PATCH", json: { name } }),
    onSuccess: (data, variables) => {
      callbacks?.onSuccess?.(data, variables);
      void refresh();
    },
  });
}

/** Removes a custom dimension no question uses (the server refuses otherwise). */
export function useDeleteDimension() {
  const refresh = useInvalidate(dimensionKeys.all);
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/dimensions/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
}
