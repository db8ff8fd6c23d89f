"use client";
// The friction log's links: query keys, the list with entry counts, and adding a link.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import type { Wire, WireReturn } from "@/lib/api/wire";
import type { listFrictionLinks } from "@/lib/responses/queries";
import type { createFrictionLinkSchema } from "@/lib/responses/submission-schema";

export const frictionKeys = {
  all: ["friction"] as const,
  links: () => [...frictionKeys.all, "links"] as const,
};

export type FrictionLink = WireReturn<typeof listFrictionLinks>[number];
type FrictionLinks = Wire<{ links: FrictionLink[] }>;

export function useFrictionLinks(initialData: FrictionLink[]) {
  return useQuery({
    queryKey: frictionKeys.links(),
    queryFn: () => apiFetch<FrictionLinks>("/api/friction/links").then((r) => r.links),
    initialData,
  });
}

/** Gets or creates the link for a team (null: the workspace-wide link). */
export function useCreateFrictionLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (teamId: z.input<typeof createFrictionLinkSchema>["teamId"]) =>
      apiFetch<FrictionLinks>("/api/friction/links", { method: "POST", json: { teamId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: frictionKeys.links() }),
  });
}
