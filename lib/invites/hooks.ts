"use client";
// Distribution lists: query keys, the read and the two writes with their refreshes.
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useFormMutation } from "@/lib/api/use-form-mutation";
import { useInvalidate } from "@/lib/api/use-invalidate";
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
export function useSaveInviteList(teamId: string) {
  const refresh = useInvalidate(inviteListKeys.team(teamId));
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof saveInviteListSchema>>) =>
      apiFetch<SavedInviteList>(`/api/teams/${teamId}/invite-list`, { method: "PUT", json: input }),
    onSuccess: refresh,
  });
}

export function useSetInviteOnly(teamId: string) {
  const refresh = useInvalidate(inviteListKeys.team(teamId));
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof setInviteOnlySchema>>) =>
      apiFetch<{ list: InviteList }>(`/api/teams/${teamId}/invite-only`, { method: "PUT", json: input }),
    onSuccess: refresh,
  });
}
