import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchThemes } from "./match-themes";

const ids = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);

describe("matchThemes", () => {
  it("matches identical clusterings one to one", () => {
    const prev = [
      { id: "A", memberIds: ids("a", 0, 10) },
      { id: "B", memberIds: ids("a", 10, 15) },
    ];
    const next = [
      { id: "1", memberIds: ids("a", 10, 15) },
      { id: "0", memberIds: ids("a", 0, 10) },
    ];
    expect(matchThemes(prev, next).map((m) => [m.previousId, m.nextId])).toEqual([
      ["A", "0"],
      ["B", "1"],
    ]);
  });

  it("follows a theme that grew with new answers (containment) and leaves a brand-new theme unmatched", () => {
    const prev = [{ id: "A", memberIds: ids("a", 0, 6) }];
    const next = [
      { id: "0", memberIds: [...ids("a", 0, 6), ...ids("n", 0, 30)] },
      { id: "1", memberIds: ids("m", 0, 8) },
    ];
    const matches = matchThemes(prev, next);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ previousId: "A", nextId: "0", shared: 6 });
  });

  it("when a theme splits, the larger overlap keeps the item", () => {
    const prev = [{ id: "A", memberIds: ids("a", 0, 20) }];
    const next = [
      { id: "0", memberIds: ids("a", 0, 14) },
      { id: "1", memberIds: ids("a", 14, 20) },
    ];
    expect(matchThemes(prev, next).map((m) => m.nextId)).toEqual(["0"]);
  });

  it("when two themes fuse, only the best-overlapping earlier item continues", () => {
    const prev = [
      { id: "A", memberIds: ids("a", 0, 12) },
      { id: "B", memberIds: ids("a", 12, 16) },
    ];
    const next = [{ id: "0", memberIds: ids("a", 0, 16) }];
    expect(matchThemes(prev, next)).toEqual([{ previousId: "A", nextId: "0", shared: 12, jaccard: 0.75 }]);
  });

  it("ignores incidental overlap below the minimum", () => {
    const prev = [{ id: "A", memberIds: ids("a", 0, 20) }];
    const next = [{ id: "0", memberIds: [...ids("a", 0, 2), ...ids("z", 0, 30)] }];
    expect(matchThemes(prev, next)).toEqual([]);
  });

  it("items without members never match", () => {
    expect(matchThemes([{ id: "A", memberIds: [] }], [{ id: "0", memberIds: ["x"] }])).toEqual([]);
  });

  it("is one-to-one and independent of input order (property)", () => {
    const theme = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 15 });
    fc.assert(
      fc.property(fc.array(theme, { maxLength: 6 }), fc.array(theme, { maxLength: 6 }), (p, n) => {
        const prev = p.map((m, i) => ({ id: `P${i}`, memberIds: m.map(String) }));
        // next themes partition their members, as a clustering does
        const seen = new Set<string>();
        const next = n.map((m, i) => ({
          id: `N${i}`,
          memberIds: m.map(String).filter((x) => !seen.has(x) && (seen.add(x), true)),
        }));
        const a = matchThemes(prev, next);
        const b = matchThemes([...prev].reverse(), [...next].reverse());
        expect(b).toEqual(a);
        expect(new Set(a.map((m) => m.previousId)).size).toBe(a.length);
        expect(new Set(a.map((m) => m.nextId)).size).toBe(a.length);
      }),
    );
  });
});
