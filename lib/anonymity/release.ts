// When a group's published figures may follow its membership (backlog themes after curation or
// re-analysis). Published figures describe a *released* set of respondents; the release moves to the
// current membership only when that differs by at least k people from the release *and from every
// earlier one*, so no two versions a person may have seen isolate fewer than k respondents.
//
// Comparing with the latest release alone is not enough: add five outsiders (a release), then take
// them out again together with one person (another release, six apart) — the first and the last
// versions differ by that one person.

/** How many respondents are in exactly one of the two sets. */
export function symmetricDifferenceSize(a: Iterable<string>, b: Iterable<string>): number {
  const left = new Set(a);
  const right = new Set(b);
  let size = 0;
  for (const x of left) if (!right.has(x)) size++;
  for (const x of right) if (!left.has(x)) size++;
  return size;
}

/** Zero (the same people) or at least k: safe to have published both. */
const safelyApart = (a: Iterable<string>, b: Iterable<string>, k: number) => {
  const difference = symmetricDifferenceSize(a, b);
  return difference === 0 || difference >= k;
};

/**
 * True when the published set should become the current one: it differs from the release by at least
 * k people, and from each earlier release by none or at least k. A group created from nothing (an
 * empty release) is published once it has k respondents.
 */
export function shouldRelease({
  released,
  current,
  k,
  earlier = [],
}: {
  released: Iterable<string>;
  current: Iterable<string>;
  k: number;
  /** Every set published before `released`. */
  earlier?: readonly Iterable<string>[];
}): boolean {
  const now = [...current];
  const difference = symmetricDifferenceSize(released, now);
  if (difference === 0 || difference < k) return false;
  return earlier.every((set) => safelyApart(set, now, k));
}
