"use client";
// "You said, we did" for editors: the editor view (drafts, preview, live page), saving a draft, publishing.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import type { FormBody, WireReturn } from "@/lib/api/wire";
import type { getYouSaidEditor, saveYouSaidDraft } from "./queries";
import type { youSaidDraftSchema } from "./schemas";

export const youSaidKeys = { all: ["you-said"] as const, editor: () => [...youSaidKeys.all, "editor"] as const };
export type YouSaidEditorData = WireReturn<typeof getYouSaidEditor>;
type Saved = { item: WireReturn<typeof saveYouSaidDraft> };

export function useYouSaidEditor(initialData: YouSaidEditorData) {
  return useQuery({
    queryKey: youSaidKeys.editor(),
    queryFn: () => apiFetch<YouSaidEditorData>("/api/you-said/editor"),
    initialData,
  });
}

export function useSaveYouSaidDraft(id: string, callbacks?: MutationCallbacks<Saved, unknown>) {
  const refresh = useInvalidate(youSaidKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof youSaidDraftSchema>>) =>
      apiFetch<Saved>(`/api/you-said/items/${id}`, { method: "PUT", json: input }),
    onSuccess: async (data, input) => {
      callbacks?.onSuccess?.(data, input);
      await refresh();
    },
  });
}

/** Publishes (`publish: true`) or takes off the public page an item's saved draft. */
export function usePublishYouSaid() {
  const refresh = useInvalidate(youSaidKeys.all);
  return useMutation({
    mutationFn: ({ id, publish }: { id: string; publish: boolean }) =>
      apiFetch<Saved>(`/api/you-said/items/${id}/publish`, { method: publish ? "POST" : "DELETE" }),
    onSettled: refresh,
  });
}
