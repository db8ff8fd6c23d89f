import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/api/http";
import { buildSubmissionSchema, type QuestionDefinition } from "./submission-schema";

const questions: QuestionDefinition[] = [
  { id: "q-likert", kind: "likert", prompt: "Easy?", required: true, options: null, maxLength: null },
  { id: "q-nps", kind: "nps", prompt: "Recommend?", required: true, options: null, maxLength: null },
  {
    id: "q-single",
    kind: "single_choice",
    prompt: "How long?",
    required: false,
    options: [
      { id: "a", label: "A" },
      { id: "b", label: "B" },
    ],
    maxLength: null,
  },
  {
    id: "q-multi",
    kind: "multiple_choice",
    prompt: "Tools?",
    required: false,
    options: [
      { id: "x", label: "X" },
      { id: "y", label: "Y" },
    ],
    maxLength: null,
  },
  { id: "q-text", kind: "free_text", prompt: "Frustration?", required: false, options: null, maxLength: 20 },
];
const schema = buildSubmissionSchema(questions);
const key = "k".repeat(24);
const valid = [
  { questionId: "q-likert", value: 4 },
  { questionId: "q-nps", value: 0 },
];

function errorsOf(answers: unknown[], idempotencyKey = key) {
  const result = schema.safeParse({ idempotencyKey, answers });
  return result.success ? null : fieldErrorsOf(result.error);
}

describe("buildSubmissionSchema", () => {
  it("accepts a complete answer set and normalises each kind", () => {
    const result = schema.parse({
      idempotencyKey: key,
      answers: [
        ...valid,
        { questionId: "q-single", value: "b" },
        { questionId: "q-multi", value: ["y", "x"] },
        { questionId: "q-text", value: "  slow CI \u0000" },
      ],
    });
    expect(result.answers).toEqual([
      { questionId: "q-likert", numberValue: 4, choiceValues: null, textValue: null },
      { questionId: "q-nps", numberValue: 0, choiceValues: null, textValue: null },
      { questionId: "q-single", numberValue: null, choiceValues: ["b"], textValue: null },
      { questionId: "q-multi", numberValue: null, choiceValues: ["y", "x"], textValue: null },
      { questionId: "q-text", numberValue: null, choiceValues: null, textValue: "slow CI" },
    ]);
  });

  it("drops skipped optional answers", () => {
    const result = schema.parse({
      idempotencyKey: key,
      answers: [...valid, { questionId: "q-text", value: "   " }, { questionId: "q-multi", value: [] }],
    });
    expect(result.answers.map((a) => a.questionId)).toEqual(["q-likert", "q-nps"]);
  });

  it("refuses wrong types and out-of-range values with a message at the answer", () => {
    expect(errorsOf([{ questionId: "q-likert", value: "4" }, valid[1]])).toHaveProperty(["answers.0.value"]);
    expect(errorsOf([{ questionId: "q-likert", value: 6 }, valid[1]])?.["answers.0.value"]?.[0]).toMatch(/1 to 5/);
    expect(errorsOf([valid[0], { questionId: "q-nps", value: 11 }])?.["answers.1.value"]?.[0]).toMatch(/0 to 10/);
    expect(errorsOf([valid[0], { questionId: "q-nps", value: 7.5 }])).toHaveProperty(["answers.1.value"]);
    expect(errorsOf([...valid, { questionId: "q-single", value: "zzz" }])).toHaveProperty(["answers.2.value"]);
    expect(errorsOf([...valid, { questionId: "q-multi", value: ["x", "x"] }])).toHaveProperty(["answers.2.value"]);
    expect(errorsOf([...valid, { questionId: "q-multi", value: "x" }])).toHaveProperty(["answers.2.value"]);
    expect(errorsOf([...valid, { questionId: "q-text", value: "x".repeat(21) }])?.["answers.2.value"]?.[0]).toMatch(
      /under 20/,
    );
  });

  it("refuses unknown and duplicate question ids", () => {
    expect(errorsOf([...valid, { questionId: "nope", value: 1 }])?.["answers.2.questionId"]?.[0]).toMatch(/not part/);
    expect(errorsOf([...valid, { questionId: "q-likert", value: 3 }])?.["answers.2.questionId"]?.[0]).toMatch(
      /more than once/,
    );
  });

  it("names missing required questions once each", () => {
    const errors = errorsOf([valid[0]]);
    expect(errors?.answers).toEqual(["Answer the required question “Recommend?”"]);
    const blank = errorsOf([valid[0], { questionId: "q-nps", value: null }]);
    expect(blank?.["answers.1.value"]).toEqual(["This question needs an answer"]);
    // An invalid value is reported once, not also as missing.
    expect(errorsOf([valid[0], { questionId: "q-nps", value: 99 }])?.answers).toBeUndefined();
  });

  it("checks the idempotency key", () => {
    expect(errorsOf(valid, "short")).toHaveProperty("idempotencyKey");
    expect(errorsOf(valid, "has spaces in it, not allowed")).toHaveProperty("idempotencyKey");
  });
});
