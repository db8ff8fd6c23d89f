// When a group's published figures may follow its membership (backlog themes after curation or
// re-analysis). Published figures describe a *released* set of respondents; the release moves to the
// current membership only when the two differ by at least k people, so comparing any two published
// versions of a group never isolates fewer than k respondents (a move-and-back shows nothing).

/** How many respondents are in exactly one of the two sets. */
export function symmetricDifferenceSize(a: Iterable<string>, b: Iterable<string>): number {
  const left = new Set(a);
  const right = new Set(b);
  let size = 0;
  for (const x of left) if (!right.has(x)) size++;
  for (const x of right) if (!left.has(x)) size++;
  return size;
}

/**
 * True when the published set should become the current one: they differ, and by at least k people.
 * A group created from nothing (an empty release) is published once it has k respondents.
 */
export function shouldRelease({ released, current, k }: { released: Iterable<string>; current: Iterable<string>; k: number }): boolean {
  const difference = symmetricDifferenceSize(released, current);
  return difference > 0 && difference >= k;
}
