import { describe, expect, it } from "vitest";
import { fraction, inRowSpace, reduceRows, zeroOneVectorsInRowSpace } from "./row-space";

const asNumbers = (rows: { num: bigint; den: bigint }[][]) =>
  rows.map((row) => row.map((x) => Number(x.num) / Number(x.den)));

describe("fraction", () => {
  it("reduces and keeps the sign on the numerator", () => {
    expect(fraction(6, -4)).toEqual({ num: -3n, den: 2n });
    expect(fraction(0, 7)).toEqual({ num: 0n, den: 1n });
    expect(() => fraction(1, 0)).toThrow(RangeError);
  });
});

describe("reduceRows", () => {
  it("reaches the reduced row echelon form, with fractions where the input needs them", () => {
    // 2x + y and x + 3y span the plane; 2·(1, 2) and a multiple of it add nothing.
    const full = reduceRows(
      [
        [2, 1],
        [1, 3],
      ],
      2,
    );
    expect(full.pivots).toEqual([0, 1]);
    expect(asNumbers(full.rows)).toEqual([
      [1, 0],
      [0, 1],
    ]);

    const line = reduceRows(
      [
        [2, 4, 6],
        [3, 6, 9],
      ],
      3,
    );
    expect(line.pivots).toEqual([0]);
    expect(asNumbers(line.rows)).toEqual([[1, 2, 3]]);

    const thirds = reduceRows([[3, 1, 0]], 3);
    expect(thirds.rows[0][1]).toEqual({ num: 1n, den: 3n });
  });

  it("gives the same form whatever the order of the rows", () => {
    const rows = [
      [1, 1, 1, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 1],
    ];
    const a = reduceRows(rows, 4);
    const b = reduceRows([...rows].reverse(), 4);
    expect(b).toEqual(a);
    expect(a.pivots).toEqual([0, 1, 2]);
  });

  it("handles no rows, zero rows and refuses ragged or fractional input", () => {
    expect(reduceRows([], 3)).toEqual({ columns: 3, rows: [], pivots: [] });
    expect(reduceRows([[0, 0, 0]], 3).rows).toEqual([]);
    expect(() => reduceRows([[1, 2]], 3)).toThrow(RangeError);
    expect(() => reduceRows([[0.5, 1, 0]], 3)).toThrow(RangeError);
  });
});

describe("inRowSpace", () => {
  // Total = a + b + c and team a: the reader learns a, and b + c, but neither b nor c.
  const published = reduceRows(
    [
      [1, 1, 1],
      [1, 0, 0],
    ],
    3,
  );

  it("finds what subtraction reveals and nothing more", () => {
    expect(inRowSpace(published, [1, 0, 0])).toBe(true);
    expect(inRowSpace(published, [0, 1, 1])).toBe(true);
    expect(inRowSpace(published, [0, 1, 0])).toBe(false);
    expect(inRowSpace(published, [0, 0, 1])).toBe(false);
    expect(inRowSpace(published, [0, 0, 0])).toBe(true);
  });

  it("needs non-integer coefficients when the rows do", () => {
    const space = reduceRows(
      [
        [2, 0, 1],
        [0, 2, 1],
      ],
      3,
    );
    // (1, 1, 1) = ½·(2, 0, 1) + ½·(0, 2, 1)
    expect(inRowSpace(space, [1, 1, 1])).toBe(true);
    expect(inRowSpace(space, [1, 0, 0])).toBe(false);
  });

  it("sees a combination with negative coefficients", () => {
    const overlapping = reduceRows(
      [
        [1, 1, 0],
        [0, 1, 1],
      ],
      3,
    );
    expect(inRowSpace(overlapping, [1, 0, -1])).toBe(true);
    expect(inRowSpace(overlapping, [1, 0, 0])).toBe(false);
  });
});

describe("zeroOneVectorsInRowSpace", () => {
  it("lists the unions of disjoint groups", () => {
    const blocks = reduceRows(
      [
        [1, 1, 0, 0],
        [0, 0, 1, 1],
      ],
      4,
    );
    expect(zeroOneVectorsInRowSpace(blocks)).toEqual([
      [0, 1],
      [2, 3],
      [0, 1, 2, 3],
    ]);
  });

  it("finds a 0/1 vector that only a difference of rows reaches", () => {
    // total − on = off: the indicator of {2} is in the space though no row is.
    const nested = reduceRows(
      [
        [1, 1, 1],
        [1, 1, 0],
      ],
      3,
    );
    expect(zeroOneVectorsInRowSpace(nested).sort()).toEqual([[0, 1], [0, 1, 2], [2]].sort());
  });

  it("does not invent unions of overlapping rows", () => {
    const overlapping = reduceRows(
      [
        [1, 1, 0],
        [0, 1, 1],
      ],
      3,
    );
    expect(zeroOneVectorsInRowSpace(overlapping).sort()).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it("refuses a rank it cannot enumerate quickly", () => {
    const identity = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => (i === j ? 1 : 0)));
    expect(zeroOneVectorsInRowSpace(reduceRows(identity, 5))).toHaveLength(31);
    expect(() => zeroOneVectorsInRowSpace(reduceRows(identity, 5), 4)).toThrow(RangeError);
  });
});
