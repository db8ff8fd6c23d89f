// Per-answer analysis shown next to a quote: its terms, whether it says anything, its tone.
import { isNonAnswer } from "./non-answer";
import { scoreSentiment } from "./sentiment";
import { analyzeTerms } from "./tokenize";

export interface TextAnalysis {
  /** Content words after normalisation, lexicon mapping and stop-word removal. */
  tokens: string[];
  stems: string[];
  isNonAnswer: boolean;
  /** In [-1, 1]; negative for complaints. */
  sentiment: number;
}

export function analyzeText(text: string): TextAnalysis {
  const { tokens, stems } = analyzeTerms(text);
  return { tokens, stems, isNonAnswer: isNonAnswer(text), sentiment: scoreSentiment(text) };
}
