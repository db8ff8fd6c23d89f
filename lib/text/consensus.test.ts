import { describe, expect, it } from "vitest";
import { consensusPartition, mostTypical } from "./consensus";

const labels = (...values: number[]) => Int32Array.from(values);

/** True when a and b group the answers the same way, whatever the label numbers. */
function sameGrouping(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++)
    for (let j = i + 1; j < a.length; j++) if ((a[i] === a[j]) !== (b[i] === b[j])) return false;
  return true;
}

describe("consensusPartition", () => {
  // Twelve answers in three true groups of four.
  const truth = labels(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);

  it("returns the grouping when every partition agrees, whatever their label numbers", () => {
    const renamed = labels(2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1);
    const result = consensusPartition([truth, renamed, truth], 3, renamed);
    expect(Array.from(result)).toEqual(Array.from(renamed));
  });

  it("sides with the majority when the partition it starts from is wrong", () => {
    // Partition `off` moves answers 3 and 4 into the third group; two others get them right,
    // each wrong elsewhere in a different way.
    const off = labels(0, 0, 0, 2, 2, 1, 1, 1, 2, 2, 2, 2);
    const a = labels(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 1);
    const b = labels(1, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
    const result = consensusPartition([off, a, b], 3, off);
    expect(sameGrouping(result, truth)).toBe(true);
  });

  it("keeps every one of the k groups it starts with", () => {
    // Every partition but the start puts all answers together: emptying two groups is not allowed.
    const start = labels(0, 0, 1, 1, 2, 2);
    const lumped = labels(0, 0, 0, 0, 0, 0);
    const result = consensusPartition([start, lumped, lumped, lumped], 3, start);
    expect(new Set(result).size).toBe(3);
  });

  it("is deterministic and leaves its inputs alone", () => {
    const off = labels(0, 0, 0, 2, 2, 1, 1, 1, 2, 2, 2, 2);
    const copy = Int32Array.from(off);
    const first = consensusPartition([off, truth, truth], 3, off);
    expect(Array.from(consensusPartition([off, truth, truth], 3, off))).toEqual(Array.from(first));
    expect(Array.from(off)).toEqual(Array.from(copy));
  });

  it("rejects partitions of different answers", () => {
    expect(() => consensusPartition([truth, labels(0, 1)], 3, truth)).toThrow(/same answers/);
  });
});

describe("mostTypical", () => {
  const truth = labels(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);

  it("picks the partition the others agree with most, whatever the label numbers", () => {
    // a and b are each one answer off the truth in different places; `far` lumps two groups.
    const a = labels(0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2);
    const b = labels(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 0);
    const far = labels(0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1);
    const renamed = labels(2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1);
    expect(mostTypical([far, a, renamed, b])).toBe(2);
    expect(mostTypical([far, a, b])).not.toBe(0);
  });

  it("takes the first of equals", () => {
    expect(mostTypical([truth, truth, truth])).toBe(0);
  });
});
