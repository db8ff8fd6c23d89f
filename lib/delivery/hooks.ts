"use client";
// Delivery events in the browser: query keys, the keys for the dashboards, and the settings page's
// integrations, repository mapping and CSV import.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import { useInvalidate } from "@/lib/api/use-invalidate";
import type { FormBody, Wire, WireReturn } from "@/lib/api/wire";
import type { createDeliverySource, getDeliveryKeys, listDeliveryRepos, listDeliverySources } from "./queries";
import type { createSourceSchema, mapRepoSchema } from "./schemas";

export const deliveryKeys = {
  all: ["delivery"] as const,
  keys: (range: DeliveryRange) => [...deliveryKeys.all, "keys", range] as const,
  sources: () => [...deliveryKeys.all, "sources"] as const,
  repos: () => [...deliveryKeys.all, "repos"] as const,
};

export type DeliveryRange = { from?: string; to?: string };
export type DeliveryKeysByTeam = WireReturn<typeof getDeliveryKeys>;
export type DeliverySource = WireReturn<typeof listDeliverySources>[number];
export type DeliveryRepo = WireReturn<typeof listDeliveryRepos>[number];
export type DeliverySecret = WireReturn<typeof createDeliverySource>;
export type CsvImportResult = {
  committed: boolean;
  deployments: number;
  incidents: number;
  changes: number;
  errors: { line: number; message: string }[];
};

const rangeQuery = ({ from, to }: DeliveryRange) => {
  const params = new URLSearchParams();
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  const s = params.toString();
  return s ? `?${s}` : "";
};

export const useDeliveryKeys = (range: DeliveryRange) =>
  useQuery({
    queryKey: deliveryKeys.keys(range),
    queryFn: () => apiFetch<DeliveryKeysByTeam>(`/api/delivery/keys${rangeQuery(range)}`),
    placeholderData: keepPreviousData,
  });

export const useDeliverySources = (initialData?: DeliverySource[]) =>
  useQuery({
    queryKey: deliveryKeys.sources(),
    queryFn: () => apiFetch<Wire<{ sources: DeliverySource[] }>>("/api/delivery/sources").then((r) => r.sources),
    initialData,
  });

export const useDeliveryRepos = (initialData?: DeliveryRepo[]) =>
  useQuery({
    queryKey: deliveryKeys.repos(),
    queryFn: () => apiFetch<Wire<{ repos: DeliveryRepo[] }>>("/api/delivery/repos").then((r) => r.repos),
    initialData,
  });

export function useCreateDeliverySource(callbacks?: MutationCallbacks<DeliverySecret, unknown>) {
  const refresh = useInvalidate(deliveryKeys.sources());
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createSourceSchema>>) =>
      apiFetch<DeliverySecret>("/api/delivery/sources", { method: "POST", json: input }),
    onSuccess: async (data, input) => {
      await callbacks?.onSuccess?.(data, input);
      await refresh();
    },
  });
}

export function useRegenerateDeliverySecret(callbacks?: MutationCallbacks<DeliverySecret, string>) {
  const refresh = useInvalidate(deliveryKeys.sources());
  return useFormMutation({
    mutationFn: (id: string) => apiFetch<DeliverySecret>(`/api/delivery/sources/${id}/secret`, { method: "POST" }),
    onSuccess: async (data, id) => {
      await callbacks?.onSuccess?.(data, id);
      await refresh();
    },
  });
}

export function useDeleteDeliverySource() {
  const refresh = useInvalidate(deliveryKeys.sources());
  return useFormMutation({
    mutationFn: (id: string) => apiFetch(`/api/delivery/sources/${id}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
  });
}

export function useMapRepo() {
  const refresh = useInvalidate(deliveryKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof mapRepoSchema>>) =>
      apiFetch("/api/delivery/repos", { method: "PUT", json: input }),
    onSuccess: () => refresh(),
  });
}

export function useImportDeliveryCsv(callbacks?: MutationCallbacks<CsvImportResult, { csv: string; commit: boolean }>) {
  const refresh = useInvalidate(deliveryKeys.all);
  return useFormMutation({
    mutationFn: (input: { csv: string; commit: boolean }) =>
      apiFetch<CsvImportResult>("/api/delivery/import", { method: "POST", json: input }),
    onSuccess: async (data, input) => {
      await callbacks?.onSuccess?.(data, input);
      if (data.committed) await refresh();
    },
  });
}
