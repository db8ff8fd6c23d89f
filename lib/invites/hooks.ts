"use client";
// Distribution lists: query keys, the read and the two writes with their refreshes.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useFormMutation } from "@/lib/api/use-form-mutation";
import type { FormBody, Wire } from "@/lib/api/wire";
import type { getInviteList, saveInviteList } from "./queries";
import type { saveInviteListSchema, setInviteOnlySchema } from "./schemas";

export const inviteListKeys = {
  all: ["invite-lists"] as const,
  team: (teamId: string) => [...inviteListKeys.all, teamId] as const,
};

export type InviteList = Wire<Awaited<ReturnType<typeof getInviteList>>>;
export type SavedInviteList = Wire<Awaited<ReturnType<typeof saveInviteList>>>;

export function useInviteList(teamId: string) {
  return useQuery({
    queryKey: inviteListKeys.team(teamId),
    queryFn: () => apiFetch<{ list: InviteList }>(`/api/teams/${teamId}/invite-list`).then((r) => r.list),
  });
}

/** Replaces the team's list (all or nothing); a survey's share tab shows the new denominators. */
// Both writes answer with the list as saved: it replaces the cached one at once (a checkbox must not
// flip back while a refetch runs).
export function useSaveInviteList(teamId: string) {
  const queryClient = useQueryClient();
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof saveInviteListSchema>>) =>
      apiFetch<SavedInviteList>(`/api/teams/${teamId}/invite-list`, { method: "PUT", json: input }),
    onSuccess: (data) => queryClient.setQueryData(inviteListKeys.team(teamId), data.list),
  });
}

export function useSetInviteOnly(teamId: string) {
  const queryClient = useQueryClient();
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof setInviteOnlySchema>>) =>
      apiFetch<{ list: InviteList }>(`/api/teams/${teamId}/invite-only`, { method: "PUT", json: input }),
    onSuccess: (data) => queryClient.setQueryData(inviteListKeys.team(teamId), data.list),
  });
}
