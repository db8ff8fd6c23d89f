"use client";

/** Flips between light and dark; the choice is remembered and applied before paint by app/layout.tsx. */
export function ThemeToggle() {
  return (
    <button
      className="btn btn-sm"
      aria-label="Toggle light or dark theme"
      title="Toggle light or dark theme"
      onClick={() => {
        const root = document.documentElement;
        const current =
          root.dataset.theme ?? (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
        const next = current === "dark" ? "light" : "dark";
        root.dataset.theme = next;
        localStorage.setItem("dxp-theme", next);
      }}
    >
      ◐
    </button>
  );
}
