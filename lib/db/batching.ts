// Two ways of sharing database work between concurrent requests, so a burst of survey answers costs
// a handful of statements instead of one round trip per request. Neither waits on a timer: a request
// that arrives alone goes to the database at once; only requests that arrive while the database is
// busy are grouped. And bulk inserts as JSON documents (jsonBatches).

/** Rows per JSON document of jsonBatches. */
export const JSON_BATCH_ROWS = 10_000;

/**
 * Rows as JSON documents of at most `size` rows each, for an insert that expands one with
 * `jsonb_to_recordset(…::jsonb)`: one parameter per statement, which both engines parse far faster
 * than several parameters a row (20,000 theme memberships with 10 bound parameters a row took 1.6 s
 * of the write transaction that holds PGlite's only connection).
 */
export function jsonBatches<T>(rows: T[], size = JSON_BATCH_ROWS): string[] {
  const batches: string[] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(JSON.stringify(rows.slice(i, i + size)));
  return batches;
}

/**
 * Concurrent calls with the same key share one call of `load` (the one already in flight). With
 * `reuseForMs`, a successful result is also reused for that long after it arrives; otherwise the
 * next call after it settles starts afresh, so an answer is never older than the request that
 * receives it. `forget(key)` drops a reused result at once.
 */
export function coalesce<K, V>(load: (key: K) => Promise<V>, { reuseForMs = 0 }: { reuseForMs?: number } = {}) {
  const shared = new Map<K, Promise<V>>();
  const call = (key: K): Promise<V> => {
    const known = shared.get(key);
    if (known) return known;
    const started = load(key);
    shared.set(key, started);
    const drop = () => shared.get(key) === started && shared.delete(key);
    started.then(
      () => (reuseForMs > 0 ? setTimeout(drop, reuseForMs).unref() : drop()),
      () => drop(),
    );
    return started;
  };
  return Object.assign(call, { forget: (key: K) => void shared.delete(key) });
}

type Pending<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

/**
 * Groups items into batches for `run`, which must return one result per item, in order, and be
 * all-or-nothing (one statement). One batch runs at a time; items that arrive while it runs wait for
 * the next, up to `maxBatch` items each. (Measured on the submission endpoint: one at a time gives
 * bigger batches, fewer wake-ups of the database and a higher rate than two.) When a batch of
 * several items fails, each item is retried alone, so one bad item cannot fail the others.
 */
export function createBatcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  { maxBatch = 256 }: { maxBatch?: number } = {},
): (item: I) => Promise<O> {
  const queue: Pending<I, O>[] = [];
  let running = false;

  async function settle(batch: Pending<I, O>[]) {
    try {
      const results = await run(batch.map((p) => p.item));
      if (results.length !== batch.length)
        throw new Error(`batch returned ${results.length} results for ${batch.length} items`);
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      await Promise.all(batch.map((p) => settle([p])));
    }
  }

  async function drain() {
    running = true;
    try {
      while (queue.length > 0) await settle(queue.splice(0, maxBatch));
    } finally {
      running = false;
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
