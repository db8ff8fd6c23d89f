// Sparse TF-IDF document vectors (CSR with typed arrays) over stems, stem bigrams and lexicon
// concepts. Short answers share few words, so bigrams and concepts carry a lot of the signal.
import type { TermAnalysis } from "./tokenize";

export interface SparseMatrix {
  rows: number;
  cols: number;
  /** Row i's entries live in [rowStart[i], rowStart[i + 1]). */
  rowStart: Int32Array;
  colIndex: Int32Array;
  values: Float32Array;
}

export interface TfidfModel {
  matrix: SparseMatrix;
  /** Feature names: a stem, "stem stem" for a bigram. */
  terms: string[];
  idf: Float32Array;
  /** Documents containing each feature. */
  docFrequency: Int32Array;
}

export interface TfidfOptions {
  /** Keep at most this many features (most frequent first) so memory stays bounded. */
  maxFeatures?: number;
  /** Features in fewer documents than this are dropped: they cannot link two answers. */
  minDocFrequency?: number;
  /** Weight of a bigram or concept relative to a unigram occurrence. */
  bigramWeight?: number;
  conceptWeight?: number;
}

export function buildTfidf(docs: TermAnalysis[], options: TfidfOptions = {}): TfidfModel {
  const { maxFeatures = 30_000, minDocFrequency = 2, bigramWeight = 1, conceptWeight = 0.5 } = options;
  const n = docs.length;
  // Identical answers share one analysis (cluster.ts analyses each distinct text once): each
  // distinct analysis is counted and weighted once, then its row repeated.
  const copies = new Map<TermAnalysis, number>();
  for (const doc of docs) copies.set(doc, (copies.get(doc) ?? 0) + 1);
  const df = new Map<string, number>();
  for (const [doc, count] of copies) {
    for (const term of new Set([...doc.stems, ...doc.bigrams, ...doc.concepts]))
      df.set(term, (df.get(term) ?? 0) + count);
  }
  // No upper limit: a word most answers use is the main problem of those who wrote them (14 of 20
  // saying "docs"), not noise, and its IDF already weighs it least. Dropping words in over half the
  // answers named such a team's largest theme "Other answers" and scattered the rest of it.
  const kept = [...df.entries()]
    .filter(([, count]) => count >= minDocFrequency)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxFeatures);
  const terms = kept.map(([term]) => term);
  const index = new Map(terms.map((term, i) => [term, i]));
  const docFrequency = Int32Array.from(kept, ([, count]) => count);
  const idf = Float32Array.from(docFrequency, (count) => Math.log((1 + n) / (1 + count)) + 1);

  const rowStart = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const counts = new Map<number, number>();
  /** Where each distinct analysis's row was first written. */
  const written = new Map<TermAnalysis, number>();
  docs.forEach((doc, i) => {
    const start = cols.length;
    const first = written.get(doc);
    if (first !== undefined) {
      for (let p = rowStart[first]; p < rowStart[first + 1]; p++) {
        cols.push(cols[p]);
        vals.push(vals[p]);
      }
      rowStart[i + 1] = cols.length;
      return;
    }
    written.set(doc, i);
    counts.clear();
    const add = (term: string, weight: number) => {
      const col = index.get(term);
      if (col !== undefined) counts.set(col, (counts.get(col) ?? 0) + weight);
    };
    for (const s of doc.stems) add(s, 1);
    for (const b of doc.bigrams) add(b, bigramWeight);
    for (const c of doc.concepts) add(c, conceptWeight);
    const entries = [...counts.entries()].sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [col, tf] of entries) {
      // Sublinear tf: a rant repeating "slow" five times is not five times more about slowness.
      const w = (tf > 1 ? 1 + Math.log(tf) : tf) * idf[col];
      cols.push(col);
      vals.push(w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = start; j < vals.length; j++) vals[j] /= norm;
    rowStart[i + 1] = cols.length;
  });
  return {
    matrix: { rows: n, cols: terms.length, rowStart, colIndex: Int32Array.from(cols), values: Float32Array.from(vals) },
    terms,
    idf,
    docFrequency,
  };
}
