// Theme labels and term lists: the words a PM sees for a theme, so they should read like a
// backlog item ("Flaky tests", "Code review wait"), not like a bag of stems ("day environment took").
//
// Candidates are runs of one to three adjacent content words in the theme's own answers, counted
// once per answer and keyed by stems (so "flaky test" and "flaky tests" are one candidate). Each is
// scored c-TF-IDF style: share of the theme's answers containing it × log lift over the rest of the
// corpus, with a small bonus for phrases. Generic verbs, time words and quantifiers ("takes",
// "days", "three") never make a label or a term on their own and appear inside a phrase only when
// that phrase is common in the theme. Phrases are shown in their most common written form.
import { displayTerm } from "./lexicon";
import { ADJECTIVE_STEMS, CASING, GENERIC_STEMS } from "./label-vocabulary";
import type { TermAnalysis } from "./tokenize";

export interface ThemeWords {
  /** Short readable name, first letter capitalised, at most four words. */
  label: string;
  /** Distinctive terms, most distinctive first, as people wrote them. */
  terms: string[];
}

const MAX_N = 3;
const MAX_LABEL_WORDS = 4;
/** Phrase bonus per extra word: "flaky tests" says more than "flaky" at the same frequency. */
const LENGTH_BONUS = [1, 1, 1.2, 1.3];
/** A phrase with a generic word needs to appear in at least this share of the theme's answers… */
const GENERIC_PHRASE_SHARE = 0.25;
/** …and one starting or ending with it ("PR sits", "minutes per push") in at least this share. */
const GENERIC_EDGE_SHARE = 0.4;
/** A longer phrase replaces its part when at least this share of the part's answers use it. */
const EXTEND_RATIO = 0.5;
/** A lone top word takes a partner scoring at least this share of it: as a phrase if the two
 * are written together ("Staging env"), else joined ("Logs and alerts"). */
const PAIR_RATIO = 0.25;
const JOIN_RATIO = 0.35;
const STRONG_JOIN_RATIO = 0.7;
/** A lone top word grows into a phrase containing it that scores at least this share of it ("Platform team"). */
const PHRASE_RATIO = 0.3;

const MAX_TERMS = 8;
const SHORTLIST = 40;

interface Candidate {
  key: string;
  stems: string[];
  count: number;
  share: number;
  score: number;
  generic: boolean;
}

/**
 * Label and terms for each theme. `labels[i]` is the theme of `docs[i]`; themes are labelled
 * largest first (ties by index), and a smaller theme never repeats a larger one's label.
 * `vocabulary` (stems and "stem stem" bigrams) bounds the phrases counted on large inputs.
 */
export function describeThemeWords(
  docs: TermAnalysis[],
  labels: ArrayLike<number>,
  k: number,
  vocabulary?: ReadonlySet<string>,
): ThemeWords[] {
  const sizes = new Int32Array(k);
  const inTheme = Array.from({ length: k }, () => new Map<string, number>());
  const overall = new Map<string, number>();
  docs.forEach((doc, i) => {
    const c = labels[i];
    sizes[c]++;
    for (const key of docPhrases(doc, vocabulary)) {
      inTheme[c].set(key, (inTheme[c].get(key) ?? 0) + 1);
      overall.set(key, (overall.get(key) ?? 0) + 1);
    }
  });

  const ranked = inTheme.map((counts, c) => scoreCandidates(counts, overall, sizes[c], docs.length));
  const surfaces = commonSurfaces(docs, labels, ranked);
  const show = (c: number, stems: string[]) => surfaces[c].get(stems.join(" ")) ?? stems.join(" ");

  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const used = new Set<string>();
  const out: ThemeWords[] = new Array(k);
  for (const c of order) {
    const label = pickLabel(ranked[c], used, (stems) => show(c, stems));
    out[c] = { label, terms: pickTerms(ranked[c]).map((t) => casePhrase(show(c, t.stems))) };
  }
  return out;
}

/** Distinct phrases of one to three words written next to each other in a document. */
function docPhrases(doc: TermAnalysis, vocabulary?: ReadonlySet<string>): Set<string> {
  const { stems } = doc;
  const keys = new Set<string>();
  for (let j = 0; j < stems.length; j++) {
    for (let n = 1; n <= MAX_N && j + n <= stems.length; n++) {
      if (n > 1 && !doc.joined[j + n - 1]) break;
      const words = stems.slice(j, j + n);
      if (new Set(words).size < n) break;
      const key = words.join(" ");
      if (vocabulary && !vocabulary.has(n <= 2 ? key : words.slice(1).join(" "))) break;
      keys.add(key);
    }
  }
  return keys;
}

function scoreCandidates(
  counts: Map<string, number>,
  overall: Map<string, number>,
  size: number,
  total: number,
): Candidate[] {
  const out: Candidate[] = [];
  const minCount = Math.min(2, size);
  for (const [key, count] of counts) {
    if (count < minCount) continue;
    const share = count / size;
    const outside = ((overall.get(key) ?? 0) - count + 0.5) / (total - size + 1);
    const lift = Math.log(share / outside);
    if (lift <= 0) continue;
    const stems = key.split(" ");
    const genericWords = stems.filter((s) => GENERIC_STEMS.has(s)).length;
    if (genericWords === stems.length) continue;
    if (genericWords > 0 && share < GENERIC_PHRASE_SHARE) continue;
    if ((GENERIC_STEMS.has(stems[0]) || GENERIC_STEMS.has(stems[stems.length - 1])) && share < GENERIC_EDGE_SHARE)
      continue;
    out.push({ key, stems, count, share, score: share * lift * LENGTH_BONUS[stems.length], generic: genericWords > 0 });
  }
  return out.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
}

/** Most common written form of each theme's short-listed candidates, from the theme's own answers. */
function commonSurfaces(docs: TermAnalysis[], labels: ArrayLike<number>, ranked: Candidate[][]): Map<string, string>[] {
  const wanted = ranked.map((list) => new Set(list.slice(0, SHORTLIST).map((t) => t.key)));
  const forms = ranked.map(() => new Map<string, Map<string, number>>());
  docs.forEach((doc, i) => {
    const c = labels[i];
    for (let j = 0; j < doc.stems.length; j++) {
      for (let n = 1; n <= MAX_N && j + n <= doc.stems.length; n++) {
        if (n > 1 && !doc.joined[j + n - 1]) break;
        const key = doc.stems.slice(j, j + n).join(" ");
        if (!wanted[c].has(key)) continue;
        const surface = doc.surfaces
          .slice(j, j + n)
          .map(displayTerm)
          .join(" ");
        const counts = forms[c].get(key) ?? new Map<string, number>();
        counts.set(surface, (counts.get(surface) ?? 0) + 1);
        forms[c].set(key, counts);
      }
    }
  });
  return forms.map((byKey) => {
    const best = new Map<string, string>();
    for (const [key, counts] of byKey) {
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      best.set(key, top[0]);
    }
    return best;
  });
}

function pickLabel(candidates: Candidate[], used: Set<string>, show: (stems: string[]) => string): string {
  const isModifier = (stem: string) => ADJECTIVE_STEMS.has(stem);
  const byKey = new Map(candidates.map((t) => [t.key, t]));
  const fits = (stems: string[]) => wordCount(show(stems)) <= MAX_LABEL_WORDS && !used.has(labelKey(stems));
  const accept = (stems: string[], text = show(stems)) => {
    used.add(labelKey(stems));
    return capitalise(casePhrase(text));
  };
  for (let i = 0; i < Math.min(candidates.length, SHORTLIST); i++) {
    const top = candidates[i];
    const stems = extend(top, candidates).stems;
    if (stems.length === 1) {
      const word = stems[0];
      const others = candidates.filter((t, j) => j !== i && !t.generic && !t.stems.includes(word));
      // Its strongest partner, as the phrase they are written in: "staging" + "env" → "Staging env".
      const partner = others.find((t) => t.stems.length === 1);
      if (partner && partner.score >= top.score * PAIR_RATIO) {
        const pair = byKey.get(`${word} ${partner.key}`) ?? byKey.get(`${partner.key} ${word}`);
        if (pair && fits(pair.stems)) return accept(pair.stems);
      }
      // Two things the theme is about: "Logs and alerts"; a clear second topic comes first…
      const second = others.find(
        (t) => !isModifier(t.stems[t.stems.length - 1]) && !t.stems.some((s) => GENERIC_STEMS.has(s)),
      );
      const join = (ratio: number) => {
        if (!second || second.score < top.score * ratio || (isModifier(word) && isModifier(second.stems[0])))
          return undefined;
        const both = [word, ...second.stems];
        const text = isModifier(word)
          ? `${show(stems)} ${show(second.stems)}`
          : `${show(stems)} and ${show(second.stems)}`;
        return wordCount(text) <= MAX_LABEL_WORDS && !used.has(labelKey(both)) ? accept(both, text) : undefined;
      };
      const strong = join(STRONG_JOIN_RATIO);
      if (strong) return strong;
      // …then a common phrase around it: "platform" → "Platform team".
      const phrase = candidates.find(
        (t) => t.stems.length > 1 && t.stems.includes(word) && !isModifier(t.stems[t.stems.length - 1]),
      );
      if (phrase && phrase.score >= top.score * PHRASE_RATIO && fits(phrase.stems)) return accept(phrase.stems);
      const weak = join(JOIN_RATIO);
      if (weak) return weak;
    }
    if (fits(stems) && !isModifier(stems[stems.length - 1])) return accept(stems);
    if (fits(top.stems) && !isModifier(top.stems[top.stems.length - 1])) return accept(top.stems);
  }
  let fallback = "Other answers";
  for (let n = 2; used.has(fallback.toLowerCase()); n++) fallback = `Other answers ${n}`;
  used.add(fallback.toLowerCase());
  return fallback;
}

/** The longest phrase around `term` that most of its answers use: "flaky" → "flaky tests". */
function extend(term: Candidate, candidates: Candidate[]): Candidate {
  let current = term;
  for (;;) {
    let best: Candidate | undefined;
    for (const t of candidates) {
      if (t.stems.length !== current.stems.length + 1 || t.count < current.count * EXTEND_RATIO) continue;
      if (!` ${t.key} `.includes(` ${current.key} `)) continue;
      if (!best || t.count > best.count || (t.count === best.count && t.score > best.score)) best = t;
    }
    if (!best) return current;
    current = best;
  }
}

/** Candidates in score order without words already shown inside a higher-ranked phrase. */
function pickTerms(candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const t of candidates) {
    if (out.length === MAX_TERMS) break;
    if (t.stems.length > 2) continue;
    if (out.some((o) => t.stems.every((s) => o.stems.includes(s)))) continue;
    out.push(t);
  }
  return out;
}

function labelKey(stems: string[]): string {
  return [...stems].sort().join(" ");
}

function wordCount(text: string): number {
  return text.split(" ").length;
}

function casePhrase(text: string): string {
  return text
    .split(" ")
    .map((w) => CASING[w] ?? w)
    .join(" ");
}

function capitalise(text: string): string {
  const first = text.split(" ")[0];
  if (Object.values(CASING).includes(first)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
