import { describe, expect, it } from "vitest";
import {
  copyQuestions,
  isWordingChange,
  keptKeyKindConflict,
  suggestQuestionKey,
  templateQuestions,
} from "./survey-copy";
import { getTemplate } from "./templates";

const base = {
  helpText: "",
  required: true,
  dimension: "space.satisfaction",
  options: null,
  maxLength: null,
  archivedAt: null,
};

describe("copying last quarter's survey", () => {
  it("keeps keys and order, and leaves archived questions behind", () => {
    const copied = copyQuestions([
      { ...base, key: "b", kind: "nps", prompt: "B?", position: 2 },
      { ...base, key: "a", kind: "likert", prompt: "A?", position: 1 },
      { ...base, key: "gone", kind: "likert", prompt: "Old?", position: 0, archivedAt: new Date() },
    ]);
    expect(copied.map((q) => q.key)).toEqual(["a", "b"]);
    expect(copied[0]).toMatchObject({ kind: "likert", prompt: "A?", required: true, dimension: "space.satisfaction" });
  });

  it("does not share option objects with the source", () => {
    const options = [
      { id: "x", label: "X" },
      { id: "y", label: "Y" },
    ];
    const [copy] = copyQuestions([{ ...base, key: "c", kind: "single_choice", prompt: "C?", position: 0, options }]);
    copy.options![0].label = "changed";
    expect(options[0].label).toBe("X");
  });

  it("refuses a kind change of a kept key but allows rewording", () => {
    expect(keptKeyKindConflict({ kind: "likert", period: "2026-Q2" }, "likert")).toBeNull();
    expect(keptKeyKindConflict(null, "nps")).toBeNull();
    expect(keptKeyKindConflict({ kind: "likert", period: "2026-Q2" }, "nps")).toMatch(/“Likert 1–5” in 2026-Q2/);
    expect(isWordingChange("How easy?", "How easy?  ")).toBe(false);
    expect(isWordingChange("How easy?", "How simple?")).toBe(true);
    expect(isWordingChange("How easy?", undefined)).toBe(false);
  });

  it("turns templates into complete questions with unique keys", () => {
    const questions = templateQuestions(getTemplate("quarterly-dx")!.questions);
    expect(new Set(questions.map((q) => q.key)).size).toBe(questions.length);
    expect(questions.filter((q) => q.kind === "free_text").every((q) => q.maxLength === 1000)).toBe(true);
    expect(questions.filter((q) => q.kind !== "free_text").every((q) => q.maxLength === null)).toBe(true);
  });

  it("suggests a readable unique key", () => {
    expect(suggestQuestionKey("How easy is it to find docs?", [])).toBe("how_easy_find_docs");
    expect(suggestQuestionKey("How easy is it to find docs?", ["how_easy_find_docs"])).toBe("how_easy_find_docs_2");
    expect(suggestQuestionKey("?!", [])).toBe("question");
    expect(suggestQuestionKey("2024 goals", [])).toBe("q_2024_goals");
  });
});
