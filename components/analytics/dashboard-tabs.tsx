"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const tabs = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/teams", label: "Teams" },
  { href: "/dashboard/adoption", label: "Platform adoption" },
];

/** Survey-by-survey results live under /results; linked here until the main navigation lists them. */
const resultsTab = { href: "/results", label: "Survey results" };

/** Tabs keep the current filters so switching views compares like with like. */
export function DashboardTabs() {
  const pathname = usePathname();
  const params = useSearchParams();
  const qs = params?.toString() ?? "";
  return (
    <nav className="tabs" aria-label="Dashboard views">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={`${t.href}${qs ? `?${qs}` : ""}`}
          className="tab"
          aria-current={pathname === t.href ? "page" : undefined}
        >
          {t.label}
        </Link>
      ))}
      <Link href={resultsTab.href} className="tab">
        {resultsTab.label}
      </Link>
    </nav>
  );
}
