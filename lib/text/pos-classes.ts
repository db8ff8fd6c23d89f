// Word classes for name checks (name-check.ts), from the part-of-speech lexicon that ships with
// `natural` (Brill tagger, from pos-js). The lexicon is 4 MB of JSON with every tag a word can
// take; the checks only ask which broad classes a word has and which comes first (the most
// common), so `npm run generate:pos-classes` folds it into pos-classes.generated.ts, a fifth of
// the size and a third of the load time. pos-classes.test.ts checks the fold against the lexicon.
import { POS_CLASSES } from "./pos-classes.generated";

/** One letter per broad class, in the lexicon's order for the word. */
export type WordClasses = string;
export const NOUN = "N";
export const ADJECTIVE = "A";
export const GERUND = "G";
export const FINITE_VERB = "V";
export const OTHER = "O";

const CLASS_OF_TAG: Record<string, string> = {
  NN: NOUN,
  NNS: NOUN,
  NNP: NOUN,
  NNPS: NOUN,
  JJ: ADJECTIVE,
  JJR: ADJECTIVE,
  JJS: ADJECTIVE,
  VBN: ADJECTIVE,
  VBG: GERUND,
  VB: FINITE_VERB,
  VBD: FINITE_VERB,
  VBP: FINITE_VERB,
  VBZ: FINITE_VERB,
  MD: FINITE_VERB,
};

/** The lexicon's tags of one word as its classes: "NN VBZ NNS" → "NV". */
export function classesOfTags(tags: readonly string[]): WordClasses {
  return [...new Set(tags.map((tag) => CLASS_OF_TAG[tag] ?? OTHER))].join("");
}

/** Words grouped by classes, as the generated file holds them: { "NV": "word word …" }. */
export function groupByClasses(lexicon: Record<string, readonly string[]>): Record<WordClasses, string> {
  const groups = new Map<WordClasses, string[]>();
  for (const [word, tags] of Object.entries(lexicon)) {
    const classes = classesOfTags(tags);
    const words = groups.get(classes);
    if (words) words.push(word);
    else groups.set(classes, [word]);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, words]) => [c, words.join(" ")]));
}

let classes: Map<string, WordClasses> | undefined;

/** A word's classes (lower case, as the lexicon keys it), or undefined when the lexicon does not know it. */
export function wordClasses(word: string): WordClasses | undefined {
  if (!classes) {
    classes = new Map();
    for (const [c, words] of Object.entries(POS_CLASSES)) for (const w of words.split(" ")) classes.set(w, c);
  }
  return classes.get(word);
}
