// Tokenising, stop words, stemming and bigrams: text → the terms the clustering counts.
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer";
import { words as englishStopWords } from "natural/lib/natural/util/stopwords";
import { canonicalizeTokens, conceptsFor } from "./lexicon";
import { normalizeText } from "./normalize";

// Words that survey answers use everywhere ("I just think it would be nice to…"): they say
// nothing about the theme and would otherwise dominate short answers.
const SURVEY_FILLER = [
  "really", "just", "think", "would", "like", "make", "makes", "making", "made", "get", "gets", "getting",
  "got", "need", "needs", "want", "wants", "also", "thing", "things", "stuff", "something", "anything",
  "everything", "lot", "lots", "kind", "sort", "pretty", "quite", "actually", "maybe", "even", "still",
  "one", "us", "im", "ive", "id", "youre", "theyre", "thats", "theres", "its", "dont", "doesnt", "didnt",
  "cant", "cannot", "wont", "isnt", "arent", "wasnt", "werent", "shouldnt", "wouldnt", "couldnt", "hasnt",
  "havent", "no", "not", "nor", "yes", "ok", "okay", "please", "etc", "eg", "ie", "via", "every", "always",
  "better", "good", "great", "nice", "much", "many", "lot", "bit", "whole", "able", "go", "going", "goes",
  "know", "say", "said", "feel", "seems", "seem", "use", "using", "used", "sure", "guess", "probably",
  "currently", "right", "now", "today", "someone", "everyone", "anyone", "nobody", "else", "instead",
  "keep", "keeps", "put", "way", "ways", "lol", "tbh", "imo", "fyi", "yeah", "hmm", "n_a",
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...englishStopWords, ...SURVEY_FILLER]);

const TOKEN_PATTERN = /[a-z][a-z0-9+#_]*/g;
const stemCache = new Map<string, string>();

/** Normalised word tokens with the DX lexicon applied; stop words are still present. */
export function tokenizeWords(text: string): string[] {
  const raw = normalizeText(text).replace(/-/g, " ").match(TOKEN_PATTERN) ?? [];
  return canonicalizeTokens(raw.map((t) => t.replace(/_+$/, "")));
}

/** Porter stem, except for lexicon terms and code-ish tokens, which are already canonical. */
export function stem(term: string): string {
  if (term.includes("_") || /\d/.test(term)) return term;
  let stemmed = stemCache.get(term);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(term);
    if (stemCache.size < 200_000) stemCache.set(term, stemmed);
  }
  return stemmed;
}

export interface TermAnalysis {
  /** Content words (canonical, unstemmed), in order. */
  tokens: string[];
  /** Stems of `tokens`, same order and length. */
  stems: string[];
  /** Adjacent stem pairs, joined with a space. */
  bigrams: string[];
  /** Broader concepts implied by the tokens (stemmed, not in `stems`). */
  concepts: string[];
}

export function analyzeTerms(text: string): TermAnalysis {
  const tokens = tokenizeWords(text).filter((t) => t.length > 1 && !STOP_WORDS.has(t));
  const stems = tokens.map(stem);
  const bigrams: string[] = [];
  for (let i = 1; i < stems.length; i++) if (stems[i] !== stems[i - 1]) bigrams.push(`${stems[i - 1]} ${stems[i]}`);
  const concepts = conceptsFor(tokens).map(stem).filter((c) => !stems.includes(c));
  return { tokens, stems, bigrams, concepts };
}
