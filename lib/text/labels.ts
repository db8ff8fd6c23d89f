// Theme labels and term lists: the words a PM sees for a theme, so they should read like a
// backlog item ("Flaky tests", "Code review wait"), not like a bag of stems ("day environment took").
//
// Candidates are runs of one to three adjacent content words in the theme's own answers, counted
// once per answer and keyed by stems (so "flaky test" and "flaky tests" are one candidate). Each is
// scored c-TF-IDF style: share of the theme's answers containing it × log lift over the rest of the
// corpus, with a small bonus for phrases. Generic verbs, time words and quantifiers ("takes",
// "days", "three") never make a label or a term on their own and appear inside a phrase only when
// that phrase is common in the theme, and a label never ends on a verb or adverb ("Local setup
// takes") nor stops short of the noun its answers go on to ("Platform team office" of "office
// hours"). Two things are joined with "and" only when each stands alone ("Logs and alerts", not
// "Approvals and line" of "one-line change"). Phrases are shown in their most common written form.
import { displayTerm } from "./lexicon";
import { ADJECTIVE_STEMS, CASING, GENERIC_NOUN_STEMS, GENERIC_NOUN_WORDS, GENERIC_STEMS } from "./label-vocabulary";
import { checkThemeName, nameWords } from "./name-check";
import { stem, type TermAnalysis } from "./tokenize";

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
/** A candidate name is checked against at most this many of its theme's answers. */
const CHECK_ANSWERS = 300;
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
  options: {
    /** The answers as written (same order as `docs`): a name must pass lib/text/name-check.ts on them. */
    texts?: readonly string[];
    /** Names already taken elsewhere (a parent theme's), never given again. */
    reserved?: readonly string[];
  } = {},
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
  const runOns = findRunOns(docs, labels, ranked);
  const show = (c: number, stems: string[]) => surfaces[c].get(stems.join(" ")) ?? stems.join(" ");

  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const used = new Set((options.reserved ?? []).map((name) => labelKey(nameWords(name).map(stem))));
  const reserved = new Set((options.reserved ?? []).map((name) => nameWords(name).join(" ")));
  const answers = Array.from({ length: k }, () => [] as string[]);
  options.texts?.forEach((text, i) => answers[labels[i]].length < CHECK_ANSWERS && answers[labels[i]].push(text));
  const out: ThemeWords[] = new Array(k);
  for (const c of order) {
    const passes = (text: string) =>
      !reserved.has(nameWords(text).join(" ")) && (!options.texts || checkThemeName(text, answers[c]) === null);
    const label = pickLabel(ranked[c], used, runOns[c], (stems) => show(c, stems), passes);
    out[c] = { label, terms: pickTerms(ranked[c]).map((t) => casePhrase(show(c, t.stems))) };
  }
  return out;
}

/** Distinct phrases of one to three words written next to each other in a document. */
function docPhrases(doc: TermAnalysis, vocabulary?: ReadonlySet<string>): Set<string> {
  const { stems } = doc;
  const keys = new Set<string>();
  for (let j = 0; j < stems.length; j++) {
    let key = "";
    for (let n = 1; n <= MAX_N && j + n <= stems.length; n++) {
      const last = stems[j + n - 1];
      if (n > 1 && !doc.joined[j + n - 1]) break;
      // A phrase repeating a word ("test test") is no phrase.
      let repeated = false;
      for (let q = j; q < j + n - 1; q++) if (stems[q] === last) repeated = true;
      if (repeated) break;
      key = n === 1 ? last : `${key} ${last}`;
      if (vocabulary && !vocabulary.has(n <= 2 ? key : `${stems[j + 1]} ${last}`)) break;
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
      let key = "";
      for (let n = 1; n <= MAX_N && j + n <= doc.stems.length; n++) {
        if (n > 1 && !doc.joined[j + n - 1]) break;
        key = n === 1 ? doc.stems[j] : `${key} ${doc.stems[j + n - 1]}`;
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

interface RunOn {
  /** Answers in which the phrase runs straight on into `word`. */
  count: number;
  stem: string;
  word: string;
}

/**
 * Per theme, the generic noun its answers most often write straight after a short-listed phrase:
 * "hours" after "office", "change" after "line" (of "one-line change"). A phrase most answers
 * continue so is cut short, since the noun is its head.
 */
function findRunOns(docs: TermAnalysis[], labels: ArrayLike<number>, ranked: Candidate[][]): Map<string, RunOn>[] {
  const wanted = ranked.map((list) => new Set(list.slice(0, SHORTLIST).map((t) => t.key)));
  const counts = ranked.map(() => new Map<string, Map<string, RunOn>>());
  docs.forEach((doc, i) => {
    const c = labels[i];
    const seen = new Map<string, RunOn>();
    for (let end = 1; end < doc.stems.length; end++) {
      if (!doc.joined[end] || !GENERIC_NOUN_STEMS.has(doc.stems[end])) continue;
      for (let n = 1; n <= MAX_N && end - n >= 0; n++) {
        if (n > 1 && !doc.joined[end - n + 1]) break;
        const key = doc.stems.slice(end - n, end).join(" ");
        if (wanted[c].has(key))
          seen.set(`${key}\t${doc.surfaces[end]}`, { count: 1, stem: doc.stems[end], word: doc.surfaces[end] });
      }
    }
    for (const [id, runOn] of seen) {
      const key = id.split("\t")[0];
      const byWord = counts[c].get(key) ?? new Map<string, RunOn>();
      const known = byWord.get(runOn.word);
      if (known) known.count++;
      else byWord.set(runOn.word, runOn);
      counts[c].set(key, byWord);
    }
  });
  return counts.map((byKey) => {
    const top = new Map<string, RunOn>();
    for (const [key, byWord] of byKey)
      top.set(key, [...byWord.values()].sort((x, y) => y.count - x.count || (x.word < y.word ? -1 : 1))[0]);
    return top;
  });
}

function pickLabel(
  candidates: Candidate[],
  used: Set<string>,
  runOns: Map<string, RunOn>,
  show: (stems: string[]) => string,
  passes: (text: string) => boolean,
): string {
  const isModifier = (stem: string) => ADJECTIVE_STEMS.has(stem);
  const byKey = new Map(candidates.map((t) => [t.key, t]));
  const endsOnVerbOrAdverb = (stems: string[]) =>
    GENERIC_STEMS.has(stems[stems.length - 1]) && !GENERIC_NOUN_WORDS.has(show(stems).split(" ").pop()!.toLowerCase());
  const runOn = (stems: string[]) => {
    const key = stems.join(" ");
    const found = runOns.get(key);
    return found && found.count >= (byKey.get(key)?.count ?? Infinity) * EXTEND_RATIO ? found : undefined;
  };
  // Reads as finished: ends on a noun-like word its answers do not usually run on from.
  const complete = (stems: string[]) => !endsOnVerbOrAdverb(stems) && !runOn(stems);
  const endsOnNoun = (t: Candidate) => !t.generic && complete(t.stems) && !isModifier(t.stems[t.stems.length - 1]);
  const accept = (stems: string[], text = show(stems)) => {
    used.add(labelKey(stems));
    return capitalise(casePhrase(text));
  };
  /** The phrase as a label, taking the noun its answers run on into ("Office hours"), if it fits. */
  const tryLabel = (stems: string[]) => {
    if (!stems.length || endsOnVerbOrAdverb(stems) || isModifier(stems[stems.length - 1])) return undefined;
    const head = runOn(stems);
    const full = head ? [...stems, head.stem] : stems;
    const text = head ? `${show(stems)} ${displayTerm(head.word)}` : show(stems);
    return wordCount(text) <= MAX_LABEL_WORDS && !used.has(labelKey(full)) && passes(text)
      ? accept(full, text)
      : undefined;
  };
  for (let i = 0; i < Math.min(candidates.length, SHORTLIST); i++) {
    const top = candidates[i];
    const chain = extensions(top, candidates);
    const stems = chain[chain.length - 1].stems;
    if (stems.length === 1) {
      const word = stems[0];
      const others = candidates.filter((t, j) => j !== i && !t.generic && !t.stems.includes(word));
      // Its strongest partner, as the phrase they are written in: "staging" + "env" → "Staging env".
      const partner = others.find((t) => t.stems.length === 1);
      if (partner && partner.score >= top.score * PAIR_RATIO) {
        const pair = byKey.get(`${word} ${partner.key}`) ?? byKey.get(`${partner.key} ${word}`);
        const label = pair && tryLabel(pair.stems);
        if (label) return label;
      }
      // Two things the theme is about: "Logs and alerts"; a clear second topic comes first…
      const second = others.find(
        (t) => !isModifier(t.stems[t.stems.length - 1]) && !t.stems.some((s) => GENERIC_STEMS.has(s)),
      );
      // …as a phrase its answers write it in that ends on a noun and fits: "permission" → "permission
      // requests"; not alone if most answers write it inside a phrase (no "line" of "one-line fix").
      // Product names stand alone.
      const secondReadings = !second
        ? []
        : isProductName(show(second.stems))
          ? [second]
          : extensions(second, candidates)
              .filter((t, j, chain) => j > 0 || chain.length === 1)
              .reverse();
      const secondPhrase = secondReadings.find(
        (t) => endsOnNoun(t) && wordCount(`${show(stems)} and ${show(t.stems)}`) <= MAX_LABEL_WORDS,
      );
      const join = (ratio: number) => {
        if (!second || second.score < top.score * ratio || (isModifier(word) && isModifier(second.stems[0])))
          return undefined;
        if (!secondPhrase || !endsOnNoun(secondPhrase) || !complete(stems)) return undefined;
        const both = [word, ...secondPhrase.stems];
        const text = isModifier(word)
          ? `${show(stems)} ${show(secondPhrase.stems)}`
          : `${show(stems)} and ${show(secondPhrase.stems)}`;
        return wordCount(text) <= MAX_LABEL_WORDS && !used.has(labelKey(both)) && passes(text)
          ? accept(both, text)
          : undefined;
      };
      const strong = join(STRONG_JOIN_RATIO);
      if (strong) return strong;
      // …then a common phrase around it: "platform" → "Platform team".
      const phrase = candidates.find(
        (t) => t.stems.length > 1 && t.stems.includes(word) && !isModifier(t.stems[t.stems.length - 1]),
      );
      const phraseLabel = phrase && phrase.score >= top.score * PHRASE_RATIO && tryLabel(phrase.stems);
      if (phraseLabel) return phraseLabel;
      const weak = join(JOIN_RATIO);
      if (weak) return weak;
    }
    // The longest finished reading of it: "local setup takes" → "Local setup", "CI takes" → "CI".
    const readings = chain.reverse().flatMap((t) => [t.stems, withoutTrailingGeneric(t.stems)]);
    for (const r of readings) {
      const label = tryLabel(r);
      if (label) return label;
    }
  }
  let fallback = "Other answers";
  for (let n = 2; used.has(fallback.toLowerCase()); n++) fallback = `Other answers ${n}`;
  used.add(fallback.toLowerCase());
  return fallback;
}

/** The phrases around `term` that most of its answers use, shortest first: "flaky" → ["flaky", "flaky tests"]. */
function extensions(term: Candidate, candidates: Candidate[]): Candidate[] {
  const chain = [term];
  for (;;) {
    const current = chain[chain.length - 1];
    let best: Candidate | undefined;
    for (const t of candidates) {
      if (t.stems.length !== current.stems.length + 1 || t.count < current.count * EXTEND_RATIO) continue;
      if (!` ${t.key} `.includes(` ${current.key} `)) continue;
      if (!best || t.count > best.count || (t.count === best.count && t.score > best.score)) best = t;
    }
    if (!best) return chain;
    chain.push(best);
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

function isProductName(text: string): boolean {
  return !text.includes(" ") && CASING[text.toLowerCase()] !== undefined;
}

function withoutTrailingGeneric(stems: string[]): string[] {
  let end = stems.length;
  while (end > 0 && GENERIC_STEMS.has(stems[end - 1])) end--;
  return stems.slice(0, end);
}

function labelKey(stems: string[]): string {
  return [...stems].sort().join(" ");
}

function wordCount(text: string): number {
  return text.split(" ").length;
}

/** A term as people would write it: "pull_request" → "pull request", "ci" → "CI", "k8s" → "k8s". */
export function showTerm(term: string): string {
  return casePhrase(displayTerm(term));
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
