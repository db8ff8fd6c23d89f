"use client";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";

/** A function that marks every query under `queryKey` stale after a write, so what is on screen reloads. */
export function useInvalidate(queryKey: QueryKey) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey });
}
