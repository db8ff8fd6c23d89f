import { describe, expect, it } from "vitest";
import { solveAssignment } from "./hungarian";
import { adjustedRandIndex, clusteringAccuracy, normalizedMutualInformation } from "./metrics";
import { symmetricEigen } from "./svd";

describe("solveAssignment", () => {
  it("finds the minimum-cost matching where greedy would not", () => {
    // Greedy takes (0,0)=1 and is then forced into 100; the optimum is 2 + 2.
    expect(
      solveAssignment([
        [1, 2],
        [2, 100],
      ]),
    ).toEqual([1, 0]);
    expect(
      solveAssignment([
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ]),
    ).toEqual([1, 0, 2]);
  });
  it("handles rectangular matrices", () => {
    expect(solveAssignment([[5, 1, 9]])).toEqual([1]);
    expect(solveAssignment([[5], [1], [9]])).toEqual([-1, 0, -1]);
  });
});

describe("clustering metrics", () => {
  it("score a relabelled perfect clustering as 1", () => {
    const gold = ["a", "a", "b", "b", "c", "c"];
    const predicted = [2, 2, 0, 0, 1, 1];
    expect(clusteringAccuracy(predicted, gold)).toBe(1);
    expect(normalizedMutualInformation(predicted, gold)).toBeCloseTo(1, 10);
    expect(adjustedRandIndex(predicted, gold)).toBeCloseTo(1, 10);
  });
  it("match hand-computed values on a small example", () => {
    const gold = ["a", "a", "a", "b", "b", "b"];
    const predicted = [0, 0, 1, 1, 1, 1];
    // Best matching 0→a, 1→b gets 5 of 6 right.
    expect(clusteringAccuracy(predicted, gold)).toBeCloseTo(5 / 6, 10);
    // Pairs: index Σ C(nij,2) = 1 + 3 = 4; rows C(2,2)+C(4,2) = 7; cols 3+3 = 6; total C(6,2) = 15.
    // ARI = (4 - 7·6/15) / ((7+6)/2 - 7·6/15) = 1.2 / 3.7.
    expect(adjustedRandIndex(predicted, gold)).toBeCloseTo(1.2 / 3.7, 10);
    // MI = 1/3 ln 2 + 1/6 ln(1/2) + 1/2 ln(3/2); H(gold) = ln 2; H(pred) = -(1/3 ln 1/3 + 2/3 ln 2/3).
    const mi = (1 / 3) * Math.log(2) + (1 / 6) * Math.log(0.5) + 0.5 * Math.log(1.5);
    const hPred = -((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3));
    expect(normalizedMutualInformation(predicted, gold)).toBeCloseTo(mi / ((Math.log(2) + hPred) / 2), 10);
  });
  it("give ARI near 0 and NMI 0 for a clustering independent of the classes", () => {
    const gold = ["a", "a", "b", "b"];
    const predicted = [0, 1, 0, 1];
    expect(normalizedMutualInformation(predicted, gold)).toBeCloseTo(0, 10);
    expect(adjustedRandIndex(predicted, gold)).toBeLessThanOrEqual(0);
  });
});

describe("symmetricEigen", () => {
  it("recovers the eigenvalues of a small symmetric matrix in descending order", () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 5]), 3);
    expect(Array.from(values).map((v) => Number(v.toFixed(8)))).toEqual([5, 3, 1]);
    // First eigenvector is ±e3.
    expect(Math.abs(vectors[2 * 3 + 0])).toBeCloseTo(1, 8);
  });
});
