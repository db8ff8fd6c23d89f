// Anonymity: groups under k never leave the server. SQL already nulls their statistics; this step
// turns them into markers, strips every number (n included), and applies the complement rules.

export type HiddenReason = "below_threshold" | "complement";
export type Hidden = { hidden: true; reason: HiddenReason };
export type Shown<T> = T & { hidden: false };
export type Suppressed<K, T> = K & (Shown<T> | Hidden);

export function hiddenMessage(reason: HiddenReason, k: number): string {
  return reason === "below_threshold"
    ? `Hidden: fewer than ${k} responses`
    : `Hidden: showing it would reveal a group of fewer than ${k} responses`;
}

/**
 * One step used by every analytics query. Each row carries `n`, the number of respondents behind it.
 * - rows with n < k become `{ ...keys, hidden: true, reason: "below_threshold" }`;
 * - with `partitionBy`, rows sharing those key values split one visible total (the teams of a period,
 *   the adoption groups of a period). Whatever is hidden can be recovered as total − visible rows, so
 *   while the hidden rows add up to more than 0 but fewer than k, the smallest visible row is hidden too.
 * Rows with n = 0 are dropped entirely (nothing to show, nothing to protect).
 */
export function suppressSmallGroups<R extends { n: number }, K extends keyof R, T extends object>(
  rows: readonly R[],
  opts: { k: number; keys: readonly K[]; partitionBy?: readonly K[]; shape: (row: R) => T },
): Suppressed<Pick<R, K>, T>[] {
  const { k, keys } = opts;
  const pick = (row: R) => Object.fromEntries(keys.map((key) => [key, row[key]])) as Pick<R, K>;
  const live = rows.filter((r) => Number(r.n) > 0);
  const reason = new Map<R, HiddenReason>();
  for (const row of live) if (Number(row.n) < k) reason.set(row, "below_threshold");

  if (opts.partitionBy) {
    const partitions = new Map<string, R[]>();
    for (const row of live) {
      const id = JSON.stringify(opts.partitionBy.map((key) => row[key]));
      (partitions.get(id) ?? partitions.set(id, []).get(id)!).push(row);
    }
    for (const members of partitions.values()) {
      const visible = members.filter((r) => !reason.has(r)).sort((a, b) => Number(a.n) - Number(b.n));
      let hiddenTotal = members.filter((r) => reason.has(r)).reduce((sum, r) => sum + Number(r.n), 0);
      while (hiddenTotal > 0 && hiddenTotal < k && visible.length > 0) {
        const next = visible.shift()!;
        reason.set(next, "complement");
        hiddenTotal += Number(next.n);
      }
    }
  }

  return live.map((row) => {
    const why = reason.get(row);
    if (why) return { ...pick(row), hidden: true, reason: why } as Suppressed<Pick<R, K>, T>;
    return { ...pick(row), hidden: false, ...opts.shape(row) } as Suppressed<Pick<R, K>, T>;
  });
}

export type GroupCounts = {
  /** Label of the group the counts belong to, e.g. the period or survey title. */
  label: string;
  /** Respondents matching the whole filter. */
  filtered: number;
  /** Respondents of each broader view a user can also open (no filter, only the team, only the adoption group…). */
  supersets: number[];
};

/**
 * Subtraction attack: a filtered view and a broader view differ by exactly the people outside the filter.
 * When that difference is more than 0 but under k, and the broader view is itself shown, the filter is
 * refused. Returns the first offending group, or null when the filter is safe.
 */
export function findComplementLeak(groups: readonly GroupCounts[], k: number): GroupCounts | null {
  for (const g of groups) {
    for (const total of g.supersets) {
      const leftover = total - g.filtered;
      if (total >= k && leftover > 0 && leftover < k) return g;
    }
  }
  return null;
}
