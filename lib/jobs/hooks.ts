"use client";
// Background jobs (owners): query keys, the list (refreshed while any job is unfinished) and Retry.
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import type { Wire } from "@/lib/api/wire";
import { UNFINISHED_JOB_STATES } from "./constants";
import type { JobRow } from "./queries";

export const jobKeys = { all: ["jobs"] as const, list: () => [...jobKeys.all, "list"] as const };

export type JobData = Wire<JobRow>;

export function useJobs(initial?: JobData[]) {
  return useQuery({
    queryKey: jobKeys.list(),
    queryFn: async () => (await apiFetch<{ jobs: JobData[] }>("/api/jobs")).jobs,
    initialData: initial,
    refetchInterval: (query) =>
      query.state.data?.some((j) => UNFINISHED_JOB_STATES.includes(j.state) && new Date(j.startAfter) <= new Date())
        ? 2000
        : false,
  });
}

export function useRetryJob() {
  const refresh = useInvalidate(jobKeys.all);
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ job: JobData }>(`/api/jobs/${id}/retry`, { method: "POST" }),
    onSettled: refresh,
  });
}
