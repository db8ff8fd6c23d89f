// External clustering metrics against gold labels: accuracy under the best one-to-one matching
// of clusters to classes (ACC), normalised mutual information (NMI, arithmetic-mean
// normalisation as in scikit-learn) and the adjusted Rand index (ARI).
import { solveAssignment } from "./hungarian";

type Label = string | number;

interface Contingency {
  table: number[][];
  rowSums: number[];
  colSums: number[];
  n: number;
}

function contingency(predicted: Label[], gold: Label[]): Contingency {
  if (predicted.length !== gold.length) throw new Error("predicted and gold labels differ in length");
  const rowIndex = new Map<Label, number>();
  const colIndex = new Map<Label, number>();
  for (const p of predicted) if (!rowIndex.has(p)) rowIndex.set(p, rowIndex.size);
  for (const g of gold) if (!colIndex.has(g)) colIndex.set(g, colIndex.size);
  const table = Array.from({ length: rowIndex.size }, () => new Array<number>(colIndex.size).fill(0));
  predicted.forEach((p, i) => table[rowIndex.get(p)!][colIndex.get(gold[i])!]++);
  return {
    table,
    rowSums: table.map((row) => row.reduce((a, b) => a + b, 0)),
    colSums: table[0]?.map((_, j) => table.reduce((a, row) => a + row[j], 0)) ?? [],
    n: predicted.length,
  };
}

/** Share of items whose cluster maps to their class under the best one-to-one matching. */
export function clusteringAccuracy(predicted: Label[], gold: Label[]): number {
  if (predicted.length === 0) return 0;
  const { table, n } = contingency(predicted, gold);
  const max = Math.max(...table.flat());
  const match = solveAssignment(table.map((row) => row.map((count) => max - count)));
  return match.reduce((sum, j, i) => sum + (j >= 0 ? table[i][j] : 0), 0) / n;
}

function entropy(counts: number[], n: number): number {
  return -counts.reduce((h, c) => (c > 0 ? h + (c / n) * Math.log(c / n) : h), 0);
}

export function normalizedMutualInformation(predicted: Label[], gold: Label[]): number {
  if (predicted.length === 0) return 0;
  const { table, rowSums, colSums, n } = contingency(predicted, gold);
  let mi = 0;
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      if (count > 0) mi += (count / n) * Math.log((count * n) / (rowSums[i] * colSums[j]));
    }),
  );
  const hp = entropy(rowSums, n);
  const hg = entropy(colSums, n);
  // Both partitions trivial (one cluster each): identical, by convention 1.
  if (hp === 0 && hg === 0) return 1;
  return mi / ((hp + hg) / 2);
}

export function adjustedRandIndex(predicted: Label[], gold: Label[]): number {
  if (predicted.length === 0) return 0;
  const { table, rowSums, colSums, n } = contingency(predicted, gold);
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const index = table.flat().reduce((s, c) => s + pairs(c), 0);
  const rowPairs = rowSums.reduce((s, c) => s + pairs(c), 0);
  const colPairs = colSums.reduce((s, c) => s + pairs(c), 0);
  const expected = (rowPairs * colPairs) / pairs(n);
  const maxIndex = (rowPairs + colPairs) / 2;
  if (maxIndex === expected) return 1;
  return (index - expected) / (maxIndex - expected);
}
