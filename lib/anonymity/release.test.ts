import { describe, expect, it } from "vitest";
import { shouldRelease, symmetricDifferenceSize } from "./release";

const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `r:${from + i}`);

describe("symmetricDifferenceSize", () => {
  it("counts people in exactly one set, ignoring repeats", () => {
    expect(symmetricDifferenceSize([], [])).toBe(0);
    expect(symmetricDifferenceSize(["a", "b"], ["b", "a"])).toBe(0);
    expect(symmetricDifferenceSize(["a", "a", "b"], ["b", "c", "c"])).toBe(2);
    expect(symmetricDifferenceSize(people(5), [])).toBe(5);
  });
});

describe("shouldRelease", () => {
  it("keeps the release when nothing changed", () => {
    expect(shouldRelease({ released: people(10), current: people(10), k: 5 })).toBe(false);
    expect(shouldRelease({ released: [], current: [], k: 5 })).toBe(false);
  });

  it("keeps the release while fewer than k people moved, in or out", () => {
    for (let moved = 1; moved < 5; moved++) {
      expect(shouldRelease({ released: people(10), current: people(10 - moved), k: 5 })).toBe(false);
      expect(shouldRelease({ released: people(10), current: people(10 + moved), k: 5 })).toBe(false);
    }
  });

  it("counts people swapped in and out together", () => {
    // r:0..9 released; r:2..11 now: two out, two in = 4 < 5.
    expect(shouldRelease({ released: people(10), current: people(10, 2), k: 5 })).toBe(false);
    // r:2..12 now: two out, three in = 5.
    expect(shouldRelease({ released: people(10), current: people(11, 2), k: 5 })).toBe(true);
  });

  it("releases once k or more people changed", () => {
    expect(shouldRelease({ released: people(10), current: people(5), k: 5 })).toBe(true);
    expect(shouldRelease({ released: people(10), current: people(15), k: 5 })).toBe(true);
    expect(shouldRelease({ released: people(10), current: [], k: 5 })).toBe(true);
  });

  it("a new group (empty release) is published from k respondents on", () => {
    expect(shouldRelease({ released: [], current: people(4), k: 5 })).toBe(false);
    expect(shouldRelease({ released: [], current: people(5), k: 5 })).toBe(true);
    expect(shouldRelease({ released: [], current: people(3), k: 3 })).toBe(true);
  });

  it("any sequence of releases only ever publishes versions k or more apart", () => {
    // A random walk of single moves: every published version differs from the one before by 0 or ≥ k.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const k = 4;
    const current = new Set(people(8));
    let released = new Set(current);
    const published = [new Set(released)];
    for (let step = 0; step < 500; step++) {
      const who = `r:${Math.floor(random() * 20)}`;
      if (current.has(who)) current.delete(who);
      else current.add(who);
      if (shouldRelease({ released, current, k })) {
        released = new Set(current);
        published.push(new Set(released));
      }
    }
    expect(published.length).toBeGreaterThan(3);
    for (let i = 1; i < published.length; i++) expect(symmetricDifferenceSize(published[i - 1], published[i])).toBeGreaterThanOrEqual(k);
  });
});
