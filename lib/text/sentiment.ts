// Sentiment per answer: natural's AFINN analyzer plus a few DX words that AFINN does not know
// ("flaky", "slow" are the commonest complaints in developer surveys).
import SentimentAnalyzer from "natural/lib/natural/sentiment/SentimentAnalyzer";
import { normalizeText } from "./normalize";

const DX_POLARITY: Record<string, number> = {
  flaky: -2,
  flakey: -2,
  slow: -2,
  slower: -2,
  slowest: -2,
  sluggish: -2,
  painful: -3,
  pain: -2,
  broken: -2,
  breaks: -2,
  outdated: -2,
  stale: -1,
  manual: -1,
  manually: -1,
  waiting: -1,
  wait: -1,
  confusing: -2,
  undocumented: -2,
  missing: -1,
  unreliable: -2,
  tedious: -2,
  toil: -2,
  clunky: -2,
  fast: 2,
  faster: 1,
  quick: 2,
  smooth: 2,
  seamless: 2,
  reliable: 2,
  solid: 2,
  painless: 2,
  easy: 2,
  intuitive: 2,
  love: 3,
  protect: 1,
  works: 1,
};
const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "dont",
  "doesnt",
  "isnt",
  "arent",
  "wasnt",
  "cant",
  "wont",
  "without",
  "hardly",
]);

let analyzer: SentimentAnalyzer | undefined;

/**
 * Sentiment in [-1, 1]: the mean AFINN score per word (with DX additions and negation), squashed
 * with tanh so one strong word in a short answer does not saturate everything.
 */
export function scoreSentiment(text: string): number {
  const words = normalizeText(text)
    .replace(/[^a-z\s]+/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return 0;
  analyzer ??= new SentimentAnalyzer("English", undefined, "afinn");
  // The AFINN vocabulary is a plain object: "constructor" or "toString" would read Object's own
  // members and make the score NaN (an answer about constructor injection scored NaN and broke its
  // analysis). Such words carry no sentiment.
  const scored = words.filter((word) => !(word in Object.prototype));
  const afinnTotal = scored.length === 0 ? 0 : analyzer.getSentiment(scored) * scored.length;
  let dxTotal = 0;
  words.forEach((word, i) => {
    if (!Object.hasOwn(DX_POLARITY, word)) return;
    const polarity = DX_POLARITY[word];
    const negated = NEGATORS.has(words[i - 1] ?? "") || NEGATORS.has(words[i - 2] ?? "");
    dxTotal += negated ? -polarity : polarity;
  });
  return Math.tanh((afinnTotal + dxTotal) / Math.sqrt(words.length));
}
