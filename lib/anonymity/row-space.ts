// Exact linear algebra over the rationals, used to prove what a reader can derive from published counts.
// A published group is a 0/1 vector over cells; what subtraction (any linear combination) can reveal is
// the row space of those vectors. Floating point could misjudge membership after cancellation, so every
// entry is a reduced bigint fraction.

export type Fraction = { readonly num: bigint; readonly den: bigint };

const ZERO: Fraction = { num: 0n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(num: bigint | number, den: bigint | number = 1n): Fraction {
  let n = BigInt(num);
  let d = BigInt(den);
  // Published vectors are 0/1 and mostly stay integral: skip the gcd when there is nothing to reduce.
  if (d === 1n) return n === 0n ? ZERO : { num: n, den: 1n };
  if (d === 0n) throw new RangeError("fraction with a zero denominator");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

const isZero = (a: Fraction) => a.num === 0n;
const equals = (a: Fraction, b: Fraction) => a.num === b.num && a.den === b.den;
const add = (a: Fraction, b: Fraction) =>
  a.den === 1n && b.den === 1n ? fraction(a.num + b.num) : fraction(a.num * b.den + b.num * a.den, a.den * b.den);
const sub = (a: Fraction, b: Fraction) =>
  a.den === 1n && b.den === 1n ? fraction(a.num - b.num) : fraction(a.num * b.den - b.num * a.den, a.den * b.den);
const mul = (a: Fraction, b: Fraction) => fraction(a.num * b.num, a.den * b.den);
const div = (a: Fraction, b: Fraction) => (b.num === 1n && b.den === 1n ? a : fraction(a.num * b.den, a.den * b.num));

/** The reduced row echelon form of a matrix: `rows[i]` has a leading 1 in column `pivots[i]`, and zeros in every other pivot column. */
export type RowEchelon = { columns: number; rows: Fraction[][]; pivots: number[] };

/** Gauss–Jordan elimination. The result is unique for a given row space, whatever the order of the input rows. */
export function reduceRows(matrix: readonly (readonly number[])[], columns: number): RowEchelon {
  const rows = matrix.map((row) => {
    if (row.length !== columns) throw new RangeError(`row of length ${row.length}, expected ${columns}`);
    return row.map((x) => {
      if (!Number.isInteger(x)) throw new RangeError(`entry ${x} is not an integer`);
      return fraction(x);
    });
  });
  const pivots: number[] = [];
  let rank = 0;
  for (let col = 0; col < columns && rank < rows.length; col++) {
    const found = rows.findIndex((row, i) => i >= rank && !isZero(row[col]));
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found], rows[rank]];
    const lead = rows[rank][col];
    rows[rank] = rows[rank].map((x) => div(x, lead));
    const pivotRow = rows[rank];
    for (let i = 0; i < rows.length; i++) {
      const factor = rows[i][col];
      // Published vectors are sparse: skipping rows already zero here keeps elimination near-linear.
      if (i === rank || isZero(factor)) continue;
      rows[i] = rows[i].map((x, j) => (isZero(pivotRow[j]) ? x : sub(x, mul(factor, pivotRow[j]))));
    }
    pivots.push(col);
    rank++;
  }
  return { columns, rows: rows.slice(0, rank), pivots };
}

/** Whether `vector` is a linear combination of the rows. In reduced form the coefficient of row i can only be vector[pivots[i]]. */
export function inRowSpace(echelon: RowEchelon, vector: readonly number[]): boolean {
  if (vector.length !== echelon.columns)
    throw new RangeError(`vector of length ${vector.length}, expected ${echelon.columns}`);
  const residual = vector.map((x) => fraction(x));
  echelon.rows.forEach((row, i) => {
    const coefficient = residual[echelon.pivots[i]];
    if (isZero(coefficient)) return;
    for (let j = 0; j < row.length; j++) if (!isZero(row[j])) residual[j] = sub(residual[j], mul(coefficient, row[j]));
  });
  return residual.every(isZero);
}

/**
 * Every non-zero vector of 0s and 1s in the row space, as the sets of columns holding a 1.
 * Complete, not a search: a vector v of the space equals Σ v[pivots[i]]·rows[i], so a 0/1 vector is the
 * sum of the rows picked by a subset of pivots; trying all 2^rank subsets finds every one.
 */
export function zeroOneVectorsInRowSpace(echelon: RowEchelon, maxRank = 16): number[][] {
  const rank = echelon.rows.length;
  if (rank > maxRank) throw new RangeError(`rank ${rank} is above ${maxRank}: too many combinations to enumerate`);
  const ONE = fraction(1);
  const found: number[][] = [];
  for (let mask = 1; mask < 2 ** rank; mask++) {
    const sum = Array.from({ length: echelon.columns }, () => ZERO);
    for (let i = 0; i < rank; i++) {
      if (!(mask & (1 << i))) continue;
      echelon.rows[i].forEach((x, j) => {
        if (!isZero(x)) sum[j] = add(sum[j], x);
      });
    }
    if (sum.every((x) => isZero(x) || equals(x, ONE))) found.push(sum.flatMap((x, j) => (isZero(x) ? [] : [j])));
  }
  return found;
}
