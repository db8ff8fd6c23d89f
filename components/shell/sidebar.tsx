"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { ThemeToggle } from "./theme-toggle";
import type { Role } from "@/lib/auth/constants";

const nav = [
  { href: "/dashboard", label: "Dashboard", icon: "◔" },
  { href: "/surveys", label: "Surveys", icon: "☰" },
  { href: "/backlog", label: "Backlog", icon: "▤" },
  { href: "/journeys", label: "Journeys", icon: "⇢" },
  { href: "/settings", label: "Settings", icon: "⚙" },
];

const roleBadge: Record<Role, string> = { owner: "Owner", editor: "Editor", viewer: "Viewer" };

export function Sidebar({ user }: { user: { name: string; email: string; role: Role } }) {
  const pathname = usePathname() ?? ""; // null only in the Pages Router, which serves no pages here
  return (
    <nav className="sidebar" aria-label="Main">
      <Link href="/dashboard" className="brand">
        <span className="brand-mark" aria-hidden /> DX Pulse
      </Link>
      {nav.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link key={item.href} href={item.href} className="nav-link" aria-current={active ? "page" : undefined}>
            <span aria-hidden>{item.icon}</span>
            {item.label}
          </Link>
        );
      })}
      <div className="sidebar-foot">
        <div>
          <Link href="/account" style={{ fontWeight: 600 }} aria-current={pathname === "/account" ? "page" : undefined}>
            {user.name || user.email}
          </Link>
          <div className="muted small" data-testid="current-role">
            {user.email} · <span className="badge badge-accent">{roleBadge[user.role]}</span>
          </div>
        </div>
        <div className="row">
          <ThemeToggle />
          {/* next-auth's sign-out also ends the session on the server (events.signOut in lib/auth/options.ts). */}
          <button className="btn btn-sm" onClick={() => signOut({ callbackUrl: "/sign-in" })}>
            Sign out
          </button>
        </div>
      </div>
    </nav>
  );
}
