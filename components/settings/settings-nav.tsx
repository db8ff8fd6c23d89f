import Link from "next/link";
import type { Role } from "@/lib/auth/constants";
import { hasRole } from "@/lib/auth/roles";

// Settings' sections. A new section adds one line here (and its page under app/(app)/settings/).
const sections: { href: string; label: string; role: Role }[] = [
  { href: "/settings", label: "Workspace", role: "viewer" },
  { href: "/settings/jobs", label: "Jobs", role: "owner" },
  { href: "/settings/distribution", label: "Distribution", role: "editor" },
];

/** The sections of Settings the person may open, the current one marked. */
export function SettingsNav({ current, role }: { current: string; role: Role }) {
  const visible = sections.filter((s) => hasRole(role, s.role));
  if (visible.length < 2) return null;
  return (
    <nav className="tabs" aria-label="Settings sections">
      {visible.map((s) => (
        <Link key={s.href} href={s.href} className="tab" aria-current={s.href === current ? "page" : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
