// Reordering a list (journey steps, survey questions): keyboard buttons and drag-and-drop alike.

/** Returns a new array with the item at `from` moved to index `to` (clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

/** True when `ids` is exactly the set `expected` (same size, no duplicates, nothing foreign). */
export function isPermutationOf(ids: readonly string[], expected: readonly string[]): boolean {
  if (ids.length !== expected.length) return false;
  const wanted = new Set(expected);
  const seen = new Set<string>();
  for (const id of ids) {
    if (!wanted.has(id) || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}
