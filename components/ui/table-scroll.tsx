import type { ReactNode } from "react";

/**
 * The one box a wide table scrolls in, so a phone pans the table and not the page. It takes focus
 * and has a name because a keyboard user can only scroll a region they can reach (axe's
 * scrollable-region-focusable); `.table-wrap` is position: relative so visually hidden labels in
 * the cells are clipped with the table instead of widening the page.
 */
export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ? `table-wrap ${className}` : "table-wrap"} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** The header of a column of numbers, right-aligned like the numbers under it. */
export function NumberColumn({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="right">
      {children}
    </th>
  );
}
