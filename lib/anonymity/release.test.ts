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

  it("refuses a release that would sit fewer than k people from an earlier one", () => {
    // Five outsiders in (released), then out again with one more person: six from the latest release,
    // but one from the first.
    const first = people(10);
    const padded = [...first, ...people(5, 100)];
    const minusOne = people(9, 1);
    expect(shouldRelease({ released: first, current: padded, k: 5 })).toBe(true);
    expect(shouldRelease({ released: padded, current: minusOne, k: 5 })).toBe(true);
    expect(shouldRelease({ released: padded, current: minusOne, k: 5, earlier: [first] })).toBe(false);
    // Going back to exactly an earlier version shows nothing new.
    expect(shouldRelease({ released: padded, current: first, k: 5, earlier: [first] })).toBe(true);
  });

  it("any sequence of releases only ever publishes versions 0 or k or more apart, pairwise", () => {
    // Random walks of moves of one to six people: every two published versions differ by 0 or ≥ k.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const k = 4;
    let releases = 0;
    for (let walk = 0; walk < 10; walk++) {
      const current = new Set(people(8));
      const published = [new Set(current)];
      for (let step = 0; step < 120; step++) {
        const moves = 1 + Math.floor(random() * 6);
        for (let m = 0; m < moves; m++) {
          const who = `r:${Math.floor(random() * 24)}`;
          if (current.has(who)) current.delete(who);
          else current.add(who);
        }
        if (shouldRelease({ released: published.at(-1)!, current, k, earlier: published.slice(0, -1) })) {
          published.push(new Set(current));
          releases++;
        }
      }
      for (let i = 0; i < published.length; i++) {
        for (let j = i + 1; j < published.length; j++) {
          const d = symmetricDifferenceSize(published[i], published[j]);
          expect(d === 0 || d >= k).toBe(true);
        }
      }
    }
    expect(releases).toBeGreaterThan(10);
  });
});
