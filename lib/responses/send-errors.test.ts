import { describe, expect, it } from "vitest";
import { questionErrors } from "./send-errors";

describe("questionErrors", () => {
  const questions = [{ id: "a" }, { id: "b" }, { id: "c" }];

  it("names each refused question by its position in the answers sent, first message only", () => {
    expect(
      questionErrors(
        {
          "answers.0.value": ["This question needs an answer"],
          "answers.2.value.0": ["Pick only from the listed options", "second"],
          "answers.2.value": ["ignored: one message per question"],
          idempotencyKey: ["The idempotency key must be at least 16 characters"],
          answers: ["Answer the required question “x”"],
          "answers.9.value": ["no such question"],
          "answers.1.value": undefined,
        },
        questions,
      ),
    ).toEqual({ a: "This question needs an answer", c: "Pick only from the listed options" });
    expect(questionErrors(undefined, questions)).toEqual({});
  });
});
