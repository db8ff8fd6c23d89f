import type { BacklogQuote } from "@/lib/backlog/queries";

/** Identical answers (up to case and trailing punctuation) are shown once, with how many wrote them. */
export function groupQuotes(quotes: BacklogQuote[]): BacklogQuote[][] {
  const groups = new Map<string, BacklogQuote[]>();
  for (const q of quotes) {
    const key = q.text
      .toLowerCase()
      .replace(/^honestly\?\s*/, "")
      .replace(/[\s.!?]+$/, "")
      .trim();
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  return [...groups.values()];
}
