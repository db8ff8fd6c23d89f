"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useEffect, useId, useRef, useState } from "react";
import { ThemeToggle } from "./theme-toggle";
import type { Role } from "@/lib/auth/constants";

const nav = [
  { href: "/dashboard", label: "Dashboard", icon: "◔" },
  { href: "/surveys", label: "Surveys", icon: "☰" },
  { href: "/backlog", label: "Backlog", icon: "▤" },
  { href: "/feedback", label: "Feedback notes", icon: "✎" },
  { href: "/journeys", label: "Journeys", icon: "⇢" },
  { href: "/settings", label: "Settings", icon: "⚙" },
];

const roleBadge: Record<Role, string> = { owner: "Owner", editor: "Editor", viewer: "Viewer" };

// On a desktop the sidebar shows everything and the menu button is hidden (CSS). On a phone only the
// brand and the button show; the links open over the page, so opening the menu moves nothing.
export function Sidebar({ user }: { user: { name: string; email: string; role: Role } }) {
  const pathname = usePathname() ?? ""; // null only in the Pages Router, which serves no pages here
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const navRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // A tap or click anywhere outside the open menu closes it, as it would a native menu.
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const close = () => setOpen(false);
  return (
    <nav
      className="sidebar"
      aria-label="Main"
      ref={navRef}
      onBlur={(event) => {
        // Tabbing out of the open menu closes it, so it never covers the control that has focus.
        const next = event.relatedTarget as Node | null;
        if (open && next && !event.currentTarget.contains(next)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <div className="sidebar-top">
        <Link href="/dashboard" className="brand" onClick={close}>
          <span className="brand-mark" aria-hidden /> DX Pulse
        </Link>
        <button
          ref={buttonRef}
          type="button"
          className="btn btn-sm nav-toggle"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((was) => !was)}
        >
          <span aria-hidden>{open ? "✕" : "≡"}</span> Menu
        </button>
      </div>
      <div className="sidebar-menu" id={menuId} data-open={open}>
        {nav.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <Link
              key={item.href}
              href={item.href}
              className="nav-link"
              aria-current={active ? "page" : undefined}
              onClick={close}
            >
              <span aria-hidden>{item.icon}</span>
              {item.label}
            </Link>
          );
        })}
        <div className="sidebar-foot">
          <div>
            <Link
              href="/account"
              style={{ fontWeight: 600 }}
              aria-current={pathname === "/account" ? "page" : undefined}
              onClick={close}
            >
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
      </div>
    </nav>
  );
}
