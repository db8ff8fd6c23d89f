"use client";
// The audit log (owners): query keys and one page of entries, newest first.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import type { WireReturn } from "@/lib/api/wire";
import type { listAuditEntries } from "@/lib/audit/queries";

export const auditKeys = {
  all: ["audit"] as const,
  page: (offset: number) => [...auditKeys.all, "page", offset] as const,
};

export function useAuditLog(offset: number) {
  return useQuery({
    queryKey: auditKeys.page(offset),
    queryFn: () => apiFetch<WireReturn<typeof listAuditEntries>>(`/api/audit${offset ? `?offset=${offset}` : ""}`),
    placeholderData: keepPreviousData,
  });
}
