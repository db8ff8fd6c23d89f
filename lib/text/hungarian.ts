// Kuhn–Munkres (Hungarian) assignment, O(n²m) with row/column potentials, used to match
// predicted themes to gold themes for clustering accuracy.

/**
 * Minimum-cost assignment for a rows × cols cost matrix (rows ≤ cols is not required; the
 * smaller side is fully matched). Returns, per row, the assigned column or -1.
 */
export function solveAssignment(cost: number[][]): number[] {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : cost[0].length;
  if (rows === 0 || cols === 0) return new Array(rows).fill(-1);
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, j) => cost.map((row) => row[j]));
    const colToRow = solveAssignment(transposed);
    const result = new Array(rows).fill(-1);
    colToRow.forEach((r, j) => {
      if (r >= 0) result[r] = j;
    });
    return result;
  }
  // 1-based arrays as in the classic formulation; p[j] = row matched to column j.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Infinity);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (p[j] > 0) result[p[j] - 1] = j - 1;
  return result;
}
