import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { describeJobFailure, failureMessage } from "./job-errors";

describe("failureMessage", () => {
  it("keeps our own errors' sentences and hides anything else's message", () => {
    expect(failureMessage(new AppError("not_found", "Survey not found"))).toBe("Survey not found");
    expect(failureMessage(new SyntaxError("Unexpected token 'secret answer'"))).toBe("Unexpected error (SyntaxError)");
    expect(failureMessage(new Error("value 'my answer' is too long"))).toBe("Unexpected error (Error)");
    expect(failureMessage(Object.assign(new Error("down"), { code: "57P01" }))).toBe(
      "The database could not be reached",
    );
  });
});

describe("describeJobFailure", () => {
  it("reads pg-boss's serialised errors and its own reasons", () => {
    expect(describeJobFailure({ name: "Error", message: "Survey not found", stack: "…" })).toBe("Survey not found");
    expect(describeJobFailure({ value: { message: "job failed by timeout in active state" } })).toBe(
      "Ran longer than its time limit and was stopped",
    );
    expect(describeJobFailure({ value: "pg-boss shut down while active" })).toBe(
      "Interrupted: the server running it shut down",
    );
    expect(describeJobFailure({ message: "handler execution exceeded 900000ms" })).toContain("time limit");
    expect(describeJobFailure(null)).toBeNull();
    expect(describeJobFailure({ result: 3 })).toBeNull();
  });
});
