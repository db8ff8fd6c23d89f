import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/db/schema";
import { shapeQuestionResults } from "./question-results";

type Q = Pick<Question, "id" | "key" | "kind" | "prompt" | "dimension" | "options">;
const q = (id: string, kind: Q["kind"], options: Q["options"] = null): Q => ({
  id,
  key: `k_${id}`,
  kind,
  prompt: id,
  dimension: null,
  options,
});

describe("shapeQuestionResults", () => {
  const questions = [
    q("nps", "nps"),
    q("lik", "likert"),
    q("ch", "single_choice", [
      { id: "fast", label: "Fast" },
      { id: "slow", label: "Slow" },
    ]),
    q("txt", "free_text"),
  ];
  const buckets = [
    { cell: "a", question_id: "nps", bucket: "10", count: 3 },
    { cell: "a", question_id: "nps", bucket: "8", count: 1 },
    { cell: "b", question_id: "nps", bucket: "2", count: 2 },
    { cell: "hidden", question_id: "nps", bucket: "0", count: 50 },
    { cell: "a", question_id: "lik", bucket: "5", count: 2 },
    { cell: "b", question_id: "lik", bucket: "2", count: 2 },
    { cell: "a", question_id: "ch", bucket: "slow", count: 4 },
    { cell: "b", question_id: "ch", bucket: "retired-option", count: 1 },
  ];
  const answered = [
    { cell: "a", question_id: "nps", n: 4 },
    { cell: "b", question_id: "nps", n: 2 },
    { cell: "a", question_id: "txt", n: 3 },
    { cell: "b", question_id: "txt", n: 2 },
    { cell: "hidden", question_id: "txt", n: 9 },
  ];
  const rewordings = [{ key: "k_nps", period: "2026-Q1", previous_prompt: "Would you recommend…" }];
  const results = shapeQuestionResults(questions, { buckets, answered, rewordings }, new Set(["a", "b"]));
  const byId = new Map(results.map((r) => [r.id, r]));
  const shown = (id: string) => {
    const r = byId.get(id)!.result;
    if (r.hidden) throw new Error("hidden");
    return r;
  };

  it("sums only the group's cells, over the full scale in order", () => {
    const nps = shown("nps");
    expect(nps.answered).toBe(6);
    expect(nps.buckets.map((b) => b.value)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(nps.buckets.find((b) => b.value === "0")!.count).toBe(0);
    // 3 promoters, 1 passive, 2 detractors of 6: NPS 16.7.
    expect(nps.nps?.score).toBeCloseTo(((3 - 2) / 6) * 100, 5);
  });

  it("gives Likert questions a mean and % favorable (4 or 5)", () => {
    expect(shown("lik").score).toEqual({ mean: 3.5, favorablePct: 50 });
  });

  it("lists choice options as authored and drops values no option has", () => {
    expect(shown("ch").buckets).toEqual([
      { value: "fast", label: "Fast", count: 0 },
      { value: "slow", label: "Slow", count: 4 },
    ]);
  });

  it("counts comments of free-text questions and carries earlier wordings of the key", () => {
    expect(shown("txt")).toMatchObject({ comments: 5, buckets: [] });
    expect(byId.get("nps")!.rewordings).toEqual([{ period: "2026-Q1", previousPrompt: "Would you recommend…" }]);
    expect(byId.get("lik")!.rewordings).toEqual([]);
  });
});
