import type { ChoiceOption } from "@/lib/db/schema";
import type { NormalizedQuestion } from "./schemas";
import type { QuestionDraft } from "./templates";
import { questionKindLabels, type QuestionKind } from "./constants";

/** What an author sets on a question: the editor's form sends these, a copied survey starts from them. */
export type QuestionFields = {
  key: string;
  kind: QuestionKind;
  prompt: string;
  helpText: string;
  required: boolean;
  dimension: string | null;
  options: ChoiceOption[] | null;
  maxLength: number | null;
};

type SourceQuestion = QuestionFields & { position: number; archivedAt: Date | null };

/** Last quarter's active questions, in order, with their keys kept so trends line up. */
export function copyQuestions(source: SourceQuestion[]): NormalizedQuestion[] {
  return source
    .filter((q) => !q.archivedAt)
    .sort((a, b) => a.position - b.position)
    .map((q) => ({
      key: q.key,
      kind: q.kind,
      prompt: q.prompt,
      helpText: q.helpText,
      required: q.required,
      dimension: q.dimension,
      options: q.options ? q.options.map((o) => ({ ...o })) : null,
      maxLength: q.maxLength,
    }));
}

export function templateQuestions(drafts: QuestionDraft[]): NormalizedQuestion[] {
  return drafts.map((q) => ({
    key: q.key,
    kind: q.kind,
    prompt: q.prompt,
    helpText: q.helpText ?? "",
    required: q.required ?? false,
    dimension: q.dimension ?? null,
    options: q.options ?? null,
    maxLength: q.kind === "free_text" ? (q.maxLength ?? 1000) : null,
  }));
}

/**
 * A question key keeps its meaning across quarters: its kind may never change (answers would stop
 * being comparable), while a new wording is allowed and recorded. Returns a refusal message or null.
 */
export function keptKeyKindConflict(
  earlier: { kind: QuestionKind; period: string } | null,
  nextKind: QuestionKind,
): string | null {
  if (!earlier || earlier.kind === nextKind) return null;
  return `This key was asked as “${questionKindLabels[earlier.kind]}” in ${earlier.period}; changing its type would break the trend. Use a new key instead.`;
}

export function isWordingChange(previousPrompt: string, nextPrompt: string | undefined): nextPrompt is string {
  return nextPrompt !== undefined && nextPrompt.trim() !== previousPrompt.trim();
}

/** A unique snake_case key for a new question, from its prompt. */
export function suggestQuestionKey(prompt: string, taken: Iterable<string>): string {
  const base =
    prompt
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .split("_")
      .filter((w) => w.length > 2)
      .slice(0, 4)
      .join("_") || "question";
  const start = /^[a-z]/.test(base) ? base : `q_${base}`;
  const used = new Set(taken);
  if (!used.has(start)) return start;
  for (let i = 2; ; i++) if (!used.has(`${start}_${i}`)) return `${start}_${i}`;
}
