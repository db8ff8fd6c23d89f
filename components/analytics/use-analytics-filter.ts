"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { filterQueryString, type FilterParams } from "@/lib/analytics/hooks";

const FILTER_KEYS = ["from", "to", "team", "adoption", "period"] as const;

/** Dashboard filters live in the URL so a view can be shared; this reads and updates them. */
export function useAnalyticsFilter() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = useMemo(() => {
    const f: FilterParams = {};
    for (const key of FILTER_KEYS) {
      const v = params?.get(key);
      if (v) f[key] = v;
    }
    return f;
  }, [params]);
  const setFilter = useCallback(
    (patch: Partial<FilterParams>) => {
      const next: FilterParams = { ...filter, ...patch };
      router.replace(`${pathname}${filterQueryString(next)}`, { scroll: false });
    },
    [filter, pathname, router],
  );
  return { filter, setFilter };
}
