// The number of themes when none is given: the exact integrated completed likelihood (ICL) of the
// word mixture (icl.ts) along a greedy merge path, on samples of a fixed size, under the word prior
// the answers themselves support best.
import { bestK, iclMergePath } from "./icl";
import { sphericalKMeans } from "./kmeans";
import { fitMixture } from "./mixture";
import { createRandom, sampleIndices } from "./prng";
import { ownVocabulary, pick, sampleRows } from "./rows";
import { embedRows, fitLsa } from "./svd";
import type { SparseMatrix } from "./tfidf";

/**
 * k is chosen on samples of this many answers: the evidence for extra themes grows with the number
 * of answers, so a fixed sample keeps the level of detail comparable across input sizes.
 */
const K_SEARCH_SAMPLE = 1_000;
/**
 * Samples read: distinct draws where the input holds more than K_SEARCH_SAMPLE answers, otherwise
 * all of them each time, over-segmented from a different start.
 */
const K_SEARCH_REPEATS = 5;
/** Each sample is over-segmented in an LSA of its own words of this rank (see chooseThemeCount). */
const K_SEARCH_RANK = 30;
/** The search starts from this many answers per theme on average (40 themes on 1,000 answers). */
const K_SEARCH_MIN_THEME = 25;
/**
 * Candidate word priors of the mixture, searched from the middle. A fixed prior cannot suit every
 * set of answers: 0.1 splits searchsnippets' 8 broad classes into their 25 sub-topics, 0.3 lumps
 * dx-feedback's 14 distinct problems into 7. The ICL is a marginal likelihood, so the prior under
 * which it is highest is the one the answers support (empirical Bayes): dx-feedback picks 0.2,
 * searchsnippets 0.3, clinc150's many small intents 0.05.
 */
const BETAS = [0.05, 0.1, 0.2, 0.3, 0.5, 1];
const FIRST_BETA = 2;

/**
 * Picks k (2 ≤ k ≤ maxK) for the `placed` rows. Each sample is over-segmented (k-means, then the
 * mixture), merged greedily by ICL down to one theme; the prior is the one with the highest ICL
 * summed over the samples (a walk along BETAS while it rises: the evidence is single-peaked in
 * the prior), and the k with the best ICL on each sample's path under it is that sample's vote;
 * the median vote wins. The ICL integrates the word probabilities out instead of fitting them, so
 * extra themes pay for themselves only when they explain the words better.
 *
 * Everything the choice sees is a property of a sample of fixed size, so that it is a property of
 * the answers rather than of their number: the evidence is computed on K_SEARCH_SAMPLE answers
 * (inputs smaller than that use all of theirs); each sample's mixture sees only the words that
 * sample uses at least twice (the prior's cost per theme grows with the vocabulary, which grows with
 * the input); and each sample is over-segmented in an LSA of those words at one rank, not in the
 * input's own embedding, whose rank grows with the input. Before the last, the prior the evidence
 * preferred depended on that embedding: searchsnippets' 1,000-answer inputs (embedded in 83
 * dimensions fitted on them) leaned to 0.2 and 13–16 themes where its 1,000-answer samples of all
 * 12,340 (100 dimensions fitted on 5,000) chose 0.3 and 10–11.
 */
export function chooseThemeCount(matrix: SparseMatrix, placed: number[], maxK: number, seed: number): number {
  if (maxK <= 2) return maxK;
  const size = Math.min(placed.length, K_SEARCH_SAMPLE);
  // Over-segment well past the cap: the merge path then finds where the evidence stops.
  const start = Math.min(size, Math.max(maxK, Math.round(size / K_SEARCH_MIN_THEME)));
  const samples = Array.from({ length: K_SEARCH_REPEATS }, (_, r) => {
    const sample = pick(placed, sampleIndices(placed.length, size, createRandom((seed ^ 0x5eed) + r)));
    const own = ownVocabulary(sampleRows(matrix, Int32Array.from(sample)));
    const rank = Math.min(K_SEARCH_RANK, own.cols - 1);
    // A sample that shares (almost) no words is one group: there is nothing to tell themes apart by.
    if (rank < 1) return { matrix: own, labels: new Int32Array(own.rows) };
    const lsa = fitLsa(own, rank, { seed: seed + r });
    const model = sphericalKMeans(embedRows(own, lsa), lsa.rank, start, {
      seed: seed + start + r,
      restarts: 1,
      maxIterations: 20,
    });
    return { matrix: own, labels: model.assignments };
  });
  const underPrior = new Map<number, { icl: number; votes: number[] }>();
  const evaluate = (b: number) => {
    let known = underPrior.get(b);
    if (!known) {
      const beta = BETAS[b];
      const paths = samples.map((s) =>
        iclMergePath(s.matrix, fitMixture(s.matrix, s.labels, start, { iterations: 5, beta }).labels, start, {
          alpha: 1,
          beta,
        }),
      );
      known = {
        icl: paths.reduce((sum, path) => sum + Math.max(...path.steps.map((step) => step.icl)), 0),
        votes: paths.map((path) => bestK(path, size)),
      };
      underPrior.set(b, known);
    }
    return known.icl;
  };
  let best = FIRST_BETA;
  for (const step of [-1, 1]) {
    while (best + step >= 0 && best + step < BETAS.length && evaluate(best + step) > evaluate(best)) best += step;
    if (best !== FIRST_BETA) break;
  }
  const votes = [...underPrior.get(best)!.votes].sort((a, b) => a - b);
  return Math.max(2, Math.min(maxK, votes[Math.floor(votes.length / 2)]));
}
