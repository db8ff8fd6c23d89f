"use client";
// Share links in Settings: the list, creating one (its address is shown once) and revoking.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import type { FormBody, WireReturn } from "@/lib/api/wire";
import type { listShareLinks } from "./queries";
import type { createShareLinkSchema } from "./schemas";

export const shareKeys = { all: ["share-links"] as const, list: () => [...shareKeys.all, "list"] as const };
export type ShareLinkRow = WireReturn<typeof listShareLinks>["links"][number];
type Created = { link: ShareLinkRow; path: string };

export function useShareLinks(initialData: ShareLinkRow[]) {
  return useQuery({
    queryKey: shareKeys.list(),
    queryFn: () => apiFetch<WireReturn<typeof listShareLinks>>("/api/share-links").then((r) => r.links),
    initialData,
  });
}

export function useCreateShareLink(callbacks?: MutationCallbacks<Created, unknown>) {
  const refresh = useInvalidate(shareKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createShareLinkSchema>>) =>
      apiFetch<Created>("/api/share-links", { method: "POST", json: input }),
    onSuccess: (data, input) => {
      callbacks?.onSuccess?.(data, input);
      void refresh();
    },
  });
}

export function useRevokeShareLink() {
  const refresh = useInvalidate(shareKeys.all);
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/share-links/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
}
