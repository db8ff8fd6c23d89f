// Suggests backlog themes for a journey step by term overlap between the step's name and notes and
// the theme's terms and label. Uses the text domain's tokeniser (lexicon, stop words, Porter stems),
// so "deploys", "deployment" and "deploy" meet on one stem.
import { showTerm } from "@/lib/text/labels";
import { conceptsFor } from "@/lib/text/lexicon";
import { analyzeTerms, stem } from "@/lib/text/tokenize";

export type SuggestibleStep = { id: string; name: string; notes: string };
export type SuggestibleTheme = { id: string; label: string; terms: readonly string[] };
export type LinkSuggestion = { stepId: string; themeId: string; score: number; matchedTerms: string[] };

/** Below this overlap score a shared word is more likely coincidence than the same problem. */
export const MIN_SUGGESTION_SCORE = 0.2;
export const MAX_SUGGESTIONS_PER_STEP = 3;

// Words every workflow step and every complaint use ("two days", "the team"): sharing them says
// nothing about sharing a problem.
const GENERIC_WORDS = new Set([
  "one",
  "two",
  "three",
  "four",
  "five",
  "first",
  "second",
  "new",
  "per",
  "day",
  "days",
  "week",
  "weeks",
  "hours",
  "minutes",
  "seconds",
  "time",
  "times",
  "takes",
  "take",
  "team",
  "teams",
  "usually",
  "people",
  "half",
  "work",
]);

export function termSet(text: string): Map<string, string> {
  const analysis = analyzeTerms(text);
  // stem → the word as written, for showing why the suggestion was made ("PRs", never "permiss")
  const out = new Map<string, string>();
  analysis.stems.forEach((s, i) => {
    if (!GENERIC_WORDS.has(analysis.tokens[i]) && !out.has(s)) out.set(s, showTerm(analysis.surfaces[i]));
  });
  // A concept ("helm" → kubernetes) is shown by its name, since the text never wrote it.
  for (const concept of conceptsFor(analysis.tokens))
    if (!out.has(stem(concept))) out.set(stem(concept), showTerm(concept));
  return out;
}

/**
 * Cosine overlap of the two term sets, |S ∩ T| / √(|S|·|T|): 1 when they are the same terms, and
 * a long theme term list does not match everything.
 */
export function scoreOverlap(
  stepTerms: ReadonlyMap<string, string>,
  themeTerms: ReadonlyMap<string, string>,
): { score: number; matched: string[] } {
  if (stepTerms.size === 0 || themeTerms.size === 0) return { score: 0, matched: [] };
  const matched: string[] = [];
  for (const [stem, word] of stepTerms) if (themeTerms.has(stem)) matched.push(word);
  return { score: matched.length / Math.sqrt(stepTerms.size * themeTerms.size), matched };
}

export function themeTermSet(theme: SuggestibleTheme): Map<string, string> {
  const out = termSet(theme.label);
  for (const term of theme.terms) for (const [stem, word] of termSet(term)) if (!out.has(stem)) out.set(stem, word);
  return out;
}

/**
 * Best themes per step, strongest first. `exclude` holds "stepId:themeId" pairs already linked or
 * dismissed, which are never suggested again.
 */
export function suggestThemeLinks(
  steps: readonly SuggestibleStep[],
  themes: readonly SuggestibleTheme[],
  exclude: ReadonlySet<string> = new Set(),
): LinkSuggestion[] {
  const themeTerms = themes.map((t) => ({ id: t.id, terms: themeTermSet(t) }));
  const out: LinkSuggestion[] = [];
  for (const step of steps) {
    const stepTerms = termSet(`${step.name}\n${step.notes}`);
    const scored: LinkSuggestion[] = [];
    for (const theme of themeTerms) {
      if (exclude.has(`${step.id}:${theme.id}`)) continue;
      const { score, matched } = scoreOverlap(stepTerms, theme.terms);
      if (score >= MIN_SUGGESTION_SCORE)
        scored.push({
          stepId: step.id,
          themeId: theme.id,
          score: Math.round(score * 1000) / 1000,
          matchedTerms: matched,
        });
    }
    scored.sort((a, b) => b.score - a.score || a.themeId.localeCompare(b.themeId));
    out.push(...scored.slice(0, MAX_SUGGESTIONS_PER_STEP));
  }
  return out;
}
