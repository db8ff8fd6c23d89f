import { describe, expect, it, vi } from "vitest";
import { coalesce, createBatcher, jsonBatches } from "./batching";

/** A promise resolved from outside, to hold a call "in flight". */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe("coalesce", () => {
  it("shares one call between concurrent callers with the same key, and starts afresh afterwards", async () => {
    const calls: string[] = [];
    const held = gate();
    const load = coalesce(async (key: string) => {
      calls.push(key);
      await held.promise;
      return `${key}#${calls.length}`;
    });
    const first = [load("a"), load("a"), load("b")];
    held.open();
    expect(await Promise.all(first)).toEqual(["a#2", "a#2", "b#2"]);
    expect(calls).toEqual(["a", "b"]);
    expect(await load("a")).toBe("a#3");
  });

  it("passes a failure to every waiting caller and does not keep it", async () => {
    let fail = true;
    const load = coalesce(async (key: string) => {
      await Promise.resolve();
      if (fail) throw new Error(`no ${key}`);
      return key;
    });
    const results = await Promise.allSettled([load("x"), load("x")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await load("x")).toBe("x");
  });
});

describe("createBatcher", () => {
  it("runs a lone item at once and groups the items that arrive while a batch runs", async () => {
    const batches: number[][] = [];
    const gates: ReturnType<typeof gate>[] = [];
    const add = createBatcher(async (items: number[]) => {
      batches.push(items);
      const g = gate();
      gates.push(g);
      await g.promise;
      return items.map((n) => n * 10);
    });
    const first = add(1);
    expect(batches).toEqual([[1]]);
    const rest = [add(2), add(3), add(4)];
    expect(batches).toHaveLength(1);
    gates[0].open();
    expect(await first).toBe(10);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1], [2, 3, 4]]);
    gates[1].open();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it("caps the batch size and runs one batch at a time", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const sizes: number[] = [];
    const add = createBatcher(
      async (items: number[]) => {
        sizes.push(items.length);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return items;
      },
      { maxBatch: 3 },
    );
    const out = await Promise.all(Array.from({ length: 11 }, (_, i) => add(i)));
    expect(out).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(sizes).toEqual([1, 3, 3, 3, 1]);
    expect(maxInFlight).toBe(1);
  });

  it("retries each item of a failed batch alone, so one bad item fails only itself", async () => {
    const batches: string[][] = [];
    const held = gate();
    const add = createBatcher(async (items: string[]) => {
      batches.push(items);
      if (batches.length === 1) await held.promise;
      if (items.includes("bad")) throw new Error("bad item");
      return items.map((s) => s.toUpperCase());
    });
    const lone = add("first");
    const grouped = [add("ok"), add("bad"), add("fine")];
    held.open();
    expect(await lone).toBe("FIRST");
    const results = await Promise.allSettled(grouped);
    expect(results).toEqual([
      { status: "fulfilled", value: "OK" },
      { status: "rejected", reason: new Error("bad item") },
      { status: "fulfilled", value: "FINE" },
    ]);
    expect(batches).toEqual([["first"], ["ok", "bad", "fine"], ["ok"], ["bad"], ["fine"]]);
  });

  it("rejects every item when a lone run fails, and keeps working afterwards", async () => {
    let down = true;
    const add = createBatcher(async (items: number[]) => {
      if (down) throw new Error("database unavailable");
      return items;
    });
    await expect(add(1)).rejects.toThrow("database unavailable");
    down = false;
    expect(await add(2)).toBe(2);
  });
});

describe("coalesce with reuseForMs", () => {
  it("reuses a result for the window, then loads afresh; forget() drops it at once; failures are never reused", async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      let fail = false;
      const load = coalesce(
        async (key: string) => {
          calls++;
          if (fail) throw new Error("down");
          return `${key}#${calls}`;
        },
        { reuseForMs: 1000 },
      );
      expect(await load("a")).toBe("a#1");
      await vi.advanceTimersByTimeAsync(900);
      expect(await load("a")).toBe("a#1");
      await vi.advanceTimersByTimeAsync(200);
      expect(await load("a")).toBe("a#2");
      load.forget("a");
      expect(await load("a")).toBe("a#3");
      load.forget("a");
      fail = true;
      await expect(load("a")).rejects.toThrow("down");
      fail = false;
      expect(await load("a")).toBe("a#5");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("jsonBatches", () => {
  it("splits rows into JSON documents of at most `size` rows, in order, every row once", () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ id: i, text: `row "${i}"` }));
    const batches = jsonBatches(rows, 3);
    expect(batches).toHaveLength(3);
    expect(batches.map((b) => JSON.parse(b).length)).toEqual([3, 3, 1]);
    expect(batches.flatMap((b) => JSON.parse(b))).toEqual(rows);
    expect(jsonBatches([])).toEqual([]);
  });
});
