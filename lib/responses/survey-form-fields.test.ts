import { describe, expect, it } from "vitest";
import {
  answerFieldName,
  FRICTION_TEXT_FIELD,
  IDEMPOTENCY_KEY_FIELD,
  readFrictionForm,
  readPostedValues,
  readSurveyForm,
} from "./survey-form-fields";

const questions = [
  { id: "l", kind: "likert" },
  { id: "n", kind: "nps" },
  { id: "s", kind: "single_choice" },
  { id: "m", kind: "multiple_choice" },
  { id: "t", kind: "free_text" },
] as const;

const form = (fields: [string, string][]) => new URLSearchParams(fields);

describe("readSurveyForm", () => {
  it("reads the fields the form writes, one answer per question in question order", () => {
    const posted = form([
      [IDEMPOTENCY_KEY_FIELD, "key-0123456789abcdef"],
      [answerFieldName("t"), "Flaky CI"],
      [answerFieldName("m"), "a"],
      [answerFieldName("l"), "4"],
      [answerFieldName("m"), "b"],
      [answerFieldName("n"), "0"],
      [answerFieldName("s"), "x"],
    ]);
    expect(readSurveyForm(posted, questions)).toEqual({
      idempotencyKey: "key-0123456789abcdef",
      answers: [
        { questionId: "l", value: 4 },
        { questionId: "n", value: 0 },
        { questionId: "s", value: "x" },
        { questionId: "m", value: ["a", "b"] },
        { questionId: "t", value: "Flaky CI" },
      ],
    });
  });

  it("sends an unanswered question as null (none ticked: an empty list) and a missing key as empty", () => {
    const posted = form([
      [answerFieldName("l"), ""],
      ["q_unknown", "9"],
    ]);
    expect(readSurveyForm(posted, questions)).toEqual({
      idempotencyKey: "",
      answers: [
        { questionId: "l", value: null },
        { questionId: "n", value: null },
        { questionId: "s", value: null },
        { questionId: "m", value: [] },
        { questionId: "t", value: null },
      ],
    });
  });

  it("leaves a non-numeric scale answer for the submission schema to refuse", () => {
    const { answers } = readSurveyForm(form([[answerFieldName("l"), "lots"]]), questions);
    expect(answers[0].value).toBeNaN();
  });

  it("names answer fields apart from the key field, whatever the question id", () => {
    expect(answerFieldName("idempotencyKey")).not.toBe(IDEMPOTENCY_KEY_FIELD);
    expect(answerFieldName("3f2a")).toBe("q_3f2a");
  });
});

describe("readFrictionForm", () => {
  it("reads the text and the key, an empty key as none", () => {
    expect(
      readFrictionForm(
        form([
          [FRICTION_TEXT_FIELD, "CI"],
          [IDEMPOTENCY_KEY_FIELD, "k1"],
        ]),
      ),
    ).toEqual({
      text: "CI",
      idempotencyKey: "k1",
    });
    expect(readFrictionForm(form([[IDEMPOTENCY_KEY_FIELD, ""]]))).toEqual({ text: "", idempotencyKey: null });
  });
});

describe("readPostedValues", () => {
  it("keeps each question's raw values as posted, leaving out unanswered ones and unknown fields", () => {
    const posted = form([
      [answerFieldName("m"), "a"],
      [answerFieldName("m"), "b"],
      [answerFieldName("l"), "nine"],
      [answerFieldName("t"), "Flaky CI"],
      [answerFieldName("gone"), "x"],
      [IDEMPOTENCY_KEY_FIELD, "k"],
    ]);
    expect(readPostedValues(posted, questions)).toEqual({ m: ["a", "b"], l: ["nine"], t: ["Flaky CI"] });
  });
});
