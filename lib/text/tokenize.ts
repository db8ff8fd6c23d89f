// Tokenising, stop words, stemming and bigrams: text → the terms the clustering counts.
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer";
import { words as englishStopWords } from "natural/lib/natural/util/stopwords";
import { canonicalizeTokenSpans, conceptsFor } from "./lexicon";
import { normalizeText } from "./normalize";

// Words that survey answers use everywhere ("I just think it would be nice to…"): they say
// nothing about the theme and would otherwise dominate short answers.
const SURVEY_FILLER = [
  "really",
  "just",
  "think",
  "would",
  "like",
  "make",
  "makes",
  "making",
  "made",
  "get",
  "gets",
  "getting",
  "got",
  "need",
  "needs",
  "want",
  "wants",
  "also",
  "thing",
  "things",
  "stuff",
  "something",
  "anything",
  "everything",
  "lot",
  "lots",
  "kind",
  "sort",
  "pretty",
  "quite",
  "actually",
  "maybe",
  "even",
  "still",
  "one",
  "us",
  "im",
  "ive",
  "id",
  "youre",
  "theyre",
  "thats",
  "theres",
  "its",
  "dont",
  "doesnt",
  "didnt",
  "cant",
  "cannot",
  "wont",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "shouldnt",
  "wouldnt",
  "couldnt",
  "hasnt",
  "havent",
  "no",
  "not",
  "nor",
  "yes",
  "ok",
  "okay",
  "please",
  "etc",
  "eg",
  "ie",
  "via",
  "every",
  "always",
  "better",
  "good",
  "great",
  "nice",
  "much",
  "many",
  "lot",
  "bit",
  "whole",
  "able",
  "go",
  "going",
  "goes",
  "know",
  "say",
  "said",
  "feel",
  "seems",
  "seem",
  "use",
  "using",
  "used",
  "sure",
  "guess",
  "probably",
  "currently",
  "right",
  "now",
  "today",
  "someone",
  "everyone",
  "anyone",
  "nobody",
  "else",
  "instead",
  "keep",
  "keeps",
  "put",
  "way",
  "ways",
  "lol",
  "tbh",
  "imo",
  "fyi",
  "yeah",
  "hmm",
  "n_a",
];

export const STOP_WORDS: ReadonlySet<string> = new Set([...englishStopWords, ...SURVEY_FILLER]);

const TOKEN_PATTERN = /[a-z][a-z0-9+#_]*/g;
const stemCache = new Map<string, string>();

/** Normalised word tokens with the DX lexicon applied; stop words are still present. */
export function tokenizeWords(text: string): string[] {
  return tokenizeWithSurfaces(text).map((t) => t.term);
}

interface WrittenTerm {
  term: string;
  /** The words it was written as (normalised), e.g. "prs" for "pull_request". */
  surface: string;
  /** Written right after the previous term, with nothing but spaces between. */
  joined: boolean;
}

/** tokenizeWords, also saying how and where each canonical term was written. */
function tokenizeWithSurfaces(text: string, normalizedText = normalizeText(text)): WrittenTerm[] {
  const normalized = normalizedText.replace(/-/g, " ");
  const raw: string[] = [];
  const spaceBefore: boolean[] = [];
  let end = -1;
  for (const match of normalized.matchAll(TOKEN_PATTERN)) {
    raw.push(match[0].replace(/_+$/, ""));
    spaceBefore.push(end >= 0 && /^\s*$/.test(normalized.slice(end, match.index)));
    end = match.index + match[0].length;
  }
  return canonicalizeTokenSpans(raw).map(({ term, start, end }) => ({
    term,
    surface: raw.slice(start, end).join(" "),
    joined: spaceBefore[start],
  }));
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
  /** `tokens` as the answer wrote them ("PRs", "k8s" before the lexicon), same order and length. */
  surfaces: string[];
  /** joined[i]: tokens[i] directly follows tokens[i - 1] in the answer (no word or punctuation between). */
  joined: boolean[];
  /** Stems of `tokens`, same order and length. */
  stems: string[];
  /** Adjacent stem pairs, joined with a space. */
  bigrams: string[];
  /** Broader concepts implied by the tokens (stemmed, not in `stems`). */
  concepts: string[];
}

function dropped(term: string | undefined): boolean {
  return term === undefined || term.length <= 1 || STOP_WORDS.has(term);
}

export function analyzeTerms(text: string): TermAnalysis {
  return analyzeNormalizedTerms(text, normalizeText(text));
}

/** analyzeTerms of a text whose normalizeText the caller has already (the clustering normalises once). */
export function analyzeNormalizedTerms(text: string, normalized: string): TermAnalysis {
  const written = tokenizeWithSurfaces(text, normalized);
  const tokens: string[] = [];
  const surfaces: string[] = [];
  const joined: boolean[] = [];
  written.forEach(({ term, surface }, i) => {
    if (term.length <= 1 || STOP_WORDS.has(term)) return;
    joined.push(tokens.length > 0 && written[i].joined && !dropped(written[i - 1]?.term));
    tokens.push(term);
    surfaces.push(surface);
  });
  const stems = tokens.map(stem);
  const bigrams: string[] = [];
  for (let i = 1; i < stems.length; i++) if (stems[i] !== stems[i - 1]) bigrams.push(`${stems[i - 1]} ${stems[i]}`);
  const concepts = conceptsFor(tokens)
    .map(stem)
    .filter((c) => !stems.includes(c));
  return { tokens, surfaces, joined, stems, bigrams, concepts };
}
