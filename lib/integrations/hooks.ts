"use client";
// API tokens and webhooks (owners): query keys, lists and writes.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation } from "@/lib/api/use-form-mutation";
import type { FormBody, Wire, WireReturn } from "@/lib/api/wire";
import type { listApiTokens, listWebhookDeliveries, listWebhookEndpoints } from "@/lib/integrations/queries";
import type { createApiTokenSchema, createWebhookSchema, updateWebhookSchema } from "@/lib/integrations/schemas";

export const integrationKeys = {
  tokens: ["api-tokens"] as const,
  webhooks: ["webhooks"] as const,
  endpoints: () => [...integrationKeys.webhooks, "endpoints"] as const,
  deliveries: () => [...integrationKeys.webhooks, "deliveries"] as const,
};

export type ApiTokenRow = WireReturn<typeof listApiTokens>[number];
export type WebhookEndpointRow = WireReturn<typeof listWebhookEndpoints>[number];
export type WebhookDeliveryRow = WireReturn<typeof listWebhookDeliveries>[number];

export function useApiTokens(initialData: ApiTokenRow[]) {
  return useQuery({
    queryKey: integrationKeys.tokens,
    queryFn: () => apiFetch<Wire<{ tokens: ApiTokenRow[] }>>("/api/tokens").then((r) => r.tokens),
    initialData,
  });
}

export function useCreateApiToken(onCreated: (secret: string, token: ApiTokenRow) => void) {
  const refresh = useInvalidate(integrationKeys.tokens);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createApiTokenSchema>>) =>
      apiFetch<{ token: ApiTokenRow; secret: string }>("/api/tokens", { method: "POST", json: input }),
    onSuccess: (r) => {
      onCreated(r.secret, r.token);
      return refresh();
    },
  });
}

export function useRevokeApiToken() {
  const refresh = useInvalidate(integrationKeys.tokens);
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/tokens/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
}

export function useWebhookEndpoints(initialData: WebhookEndpointRow[]) {
  return useQuery({
    queryKey: integrationKeys.endpoints(),
    queryFn: () => apiFetch<Wire<{ endpoints: WebhookEndpointRow[] }>>("/api/webhooks").then((r) => r.endpoints),
    initialData,
  });
}

export function useWebhookDeliveries() {
  return useQuery({
    queryKey: integrationKeys.deliveries(),
    queryFn: () =>
      apiFetch<Wire<{ deliveries: WebhookDeliveryRow[] }>>("/api/webhooks/deliveries").then((r) => r.deliveries),
  });
}

export function useCreateWebhook(onCreated: (secret: string, endpoint: WebhookEndpointRow) => void) {
  const refresh = useInvalidate(integrationKeys.webhooks);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createWebhookSchema>>) =>
      apiFetch<{ endpoint: WebhookEndpointRow; secret: string }>("/api/webhooks", { method: "POST", json: input }),
    onSuccess: (r) => {
      onCreated(r.secret, r.endpoint);
      return refresh();
    },
  });
}

export function useUpdateWebhook() {
  const refresh = useInvalidate(integrationKeys.webhooks);
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: z.input<typeof updateWebhookSchema> }) =>
      apiFetch(`/api/webhooks/${id}`, { method: "PATCH", json: change }),
    onSettled: refresh,
  });
}

export function useDeleteWebhook() {
  const refresh = useInvalidate(integrationKeys.webhooks);
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/webhooks/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
}

export function useRotateWebhookSecret(onRotated: (secret: string, endpointId: string) => void) {
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ secret: string }>(`/api/webhooks/${id}/secret`, { method: "POST" }),
    onSuccess: (r, id) => onRotated(r.secret, id),
  });
}

/** "Send test event" and "Redeliver": both answer with the attempt, which lands in the log. */
export function useSendTestEvent() {
  const refresh = useInvalidate(integrationKeys.deliveries());
  return useMutation({
    mutationFn: (endpointId: string) =>
      apiFetch<{ delivery: WebhookDeliveryRow }>(`/api/webhooks/${endpointId}/test`, { method: "POST" }),
    onSettled: refresh,
  });
}

export function useRedeliver() {
  const refresh = useInvalidate(integrationKeys.deliveries());
  return useMutation({
    mutationFn: (deliveryId: string) =>
      apiFetch<{ delivery: WebhookDeliveryRow }>(`/api/webhooks/deliveries/${deliveryId}/redeliver`, {
        method: "POST",
      }),
    onSettled: refresh,
  });
}
