// The rule a theme name must pass, shared by the labeller (labels.ts) and the evaluation
// (scripts/eval-clusters.ts): a name is a complete phrase its answers use. It fails when it
// starts or ends on a function word ("Waiting for"), ends on a verb or adverb that its answers go on
// from ("Local setup takes", "Slow push kills"), is a word stem nobody wrote ("Flaki test"), stops
// short of the noun its answers write straight after it ("Approvals and line" of "one line change"),
// is a lone adjective ("Slow"), or repeats another theme's name. Parts of a name are its "and"
// joins; each part must occur, as written and whole, in the theme's answers when they are given.
// Parts of speech come from the word lexicon that ships with `natural` (Brill tagger, from pos-js),
// folded into broad classes (pos-classes.ts).
import { ADJECTIVE, FINITE_VERB, GERUND, NOUN, wordClasses } from "./pos-classes";

export type NameProblem =
  | "empty"
  | "too long"
  | "dangling function word"
  | "dangling verb or adverb"
  | "lone adjective"
  | "not written in its answers"
  | "cut from a longer phrase"
  | "duplicate";

export interface NameCheckReport {
  passing: number;
  failures: { name: string; reason: NameProblem }[];
}

const MAX_WORDS = 5;

/** Words that cannot open or close a phrase that stands on its own. */
const FUNCTION_WORDS = new Set(
  (
    "a an the and or but nor so yet of to in on at by for with from into onto over under about after before " +
    "than as per via without within between through during against across until upon is are was were be been " +
    "being am do does did has have had will would can could should may might must shall my our your their " +
    "his her its this that these those i we you they he she it me us them which who whom whose what when " +
    "where why how if because while not very too also just"
  ).split(" "),
);
/** Words after which a phrase is the subject of a clause its name cut short ("setup takes 2 days"). */
const OBJECT_STARTERS = new Set(
  "a an the my our your their his her its this that these those me us them it everyone everything forever ages".split(
    " ",
  ),
);
/** A name's last word runs on into a noun in at least this share of its answers' uses: it is cut short. */
const RUN_ON_SHARE = 0.6;

/** Lower-case words as written, keeping hyphenated and apostrophe compounds whole ("one-line", "pr's"). */
export function nameWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}'’\-+#.]+/u)
    .map((w) => w.replace(/^[-'’.]+|[-'’.]+$/g, ""))
    .filter((w) => w !== "");
}

const isNoun = (word: string) => {
  const classes = wordClasses(word);
  // Unknown words in survey answers are mostly product names and jargon ("k8s", "terraform"): nouns.
  return classes === undefined || classes[0] === NOUN;
};

/**
 * Problems of one name, or null when it passes. `answers` are the theme's own answer texts; without
 * them only the name's own words are checked.
 */
export function checkThemeName(name: string, answers?: readonly string[]): NameProblem | null {
  const words = nameWords(name);
  if (words.length === 0) return "empty";
  if (words.length > MAX_WORDS) return "too long";
  if (FUNCTION_WORDS.has(words[0]) || FUNCTION_WORDS.has(words[words.length - 1])) return "dangling function word";
  const parts = splitParts(words);
  if (parts.some((p) => p.length === 0)) return "dangling function word";
  const written = answers && writtenWords(answers);
  for (const part of parts) {
    const last = part[part.length - 1];
    const classes = wordClasses(last);
    const has = (...wanted: string[]) => classes !== undefined && wanted.some((c) => classes.includes(c));
    // A word that is never a noun or adjective ends nothing, unless it is a noun's plural the
    // lexicon only knows as a verb ("builds" of "build").
    const plural = last.endsWith("s") && (wordClasses(last.slice(0, -1)) ?? "").includes(NOUN);
    if (classes !== undefined && !plural && !has(NOUN, ADJECTIVE, GERUND)) return "dangling verb or adverb";
    if (classes !== undefined && part.length === 1 && parts.length === 1 && !has(NOUN, GERUND)) return "lone adjective";
    if (!written) continue;
    const uses = occurrences(written, part);
    if (uses.length === 0) return "not written in its answers";
    const next = uses.map(({ answer, end }) => answer[end]).filter((w): w is string => w !== undefined);
    const verbLike = classes !== undefined && classes[0] === FINITE_VERB;
    // A verb-first word ("takes", "kills") ends a name only where its answers stop there or go on
    // with a verb of their own ("CI builds are slow"), not with its object ("kills my flow").
    if (verbLike && next.filter((w) => OBJECT_STARTERS.has(w) || /^\d/.test(w)).length * 2 > uses.length)
      return "dangling verb or adverb";
    const runOn = next.filter((w) => !FUNCTION_WORDS.has(w) && isNoun(w) && !part.includes(w));
    // …and mostly into the same noun: "office" of "office hours", not "flaky test" of "suite"/"failures".
    if (runOn.length >= RUN_ON_SHARE * uses.length && uses.length >= 2 && topCount(runOn) * 2 >= uses.length)
      return "cut from a longer phrase";
  }
  return null;
}

/** A theme's answers as words, split once however many candidate names are checked against them. */
const splitAnswers = new WeakMap<readonly string[], string[][]>();
function writtenWords(answers: readonly string[]): string[][] {
  let words = splitAnswers.get(answers);
  if (!words) splitAnswers.set(answers, (words = answers.map(nameWords)));
  return words;
}

/** Checks every theme's name (`answers[i]` are theme i's answers) and flags repeats of an earlier name. */
export function checkThemeNames(names: readonly string[], answers?: readonly (readonly string[])[]): NameCheckReport {
  const seen = new Set<string>();
  const failures: NameCheckReport["failures"] = [];
  names.forEach((name, i) => {
    const key = nameWords(name).join(" ");
    const reason = seen.has(key) ? "duplicate" : checkThemeName(name, answers?.[i]);
    seen.add(key);
    if (reason) failures.push({ name, reason });
  });
  return { passing: names.length - failures.length, failures };
}

/** "Logs and alerts" → [["logs"], ["alerts"]]; "CI" → [["ci"]]. */
function splitParts(words: string[]): string[][] {
  const parts: string[][] = [[]];
  for (const w of words) {
    if (w === "and" || w === "&") parts.push([]);
    else parts[parts.length - 1].push(w);
  }
  return parts;
}

function occurrences(written: string[][], part: string[]): { answer: string[]; end: number }[] {
  const out: { answer: string[]; end: number }[] = [];
  for (const answer of written) {
    for (let i = 0; i + part.length <= answer.length; i++) {
      let match = true;
      for (let j = 0; j < part.length && match; j++)
        match = answer[i + j] === part[j] || (j === part.length - 1 && sameNoun(answer[i + j], part[j]));
      if (match) out.push({ answer, end: i + part.length });
    }
  }
  return out;
}

/** "test" and "tests" are one phrase's head: a name in the singular is still written in its answers. */
function sameNoun(written: string, word: string): boolean {
  return written === `${word}s` || word === `${written}s`;
}

function topCount(words: string[]): number {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
