import { describe, expect, it } from "vitest";
import { proposeSurveyToCopy } from "./copy-source";

const survey = (id: string, period: string, questionCount: number, status: "draft" | "open" | "closed" = "closed") => ({
  id,
  period,
  status,
  questionCount,
});

describe("proposeSurveyToCopy", () => {
  it("proposes last quarter's main survey, not the shorter check-in listed first", () => {
    const list = [survey("checkin", "2026-Q4", 4, "open"), survey("main", "2026-Q4", 18), survey("old", "2026-Q3", 18)];
    expect(proposeSurveyToCopy(list, "2027-Q1")?.id).toBe("main");
  });

  it("looks at the quarter before the target, not at a draft already made for the target", () => {
    const list = [survey("next-draft", "2027-Q1", 20, "draft"), survey("main", "2026-Q4", 18)];
    expect(proposeSurveyToCopy(list, "2027-Q1")?.id).toBe("main");
  });

  it("prefers a survey that ran over a longer draft of the same quarter or a draft of a later one", () => {
    const list = [survey("draft", "2026-Q4", 30, "draft"), survey("main", "2026-Q4", 18, "open")];
    expect(proposeSurveyToCopy(list, "2027-Q1")?.id).toBe("main");
    const laterDraft = [survey("draft", "2027-Q1", 18, "draft"), survey("main", "2026-Q4", 18)];
    expect(proposeSurveyToCopy(laterDraft, "2027-Q2")?.id).toBe("main");
    expect(proposeSurveyToCopy([survey("only-draft", "2026-Q4", 3, "draft")], "2027-Q1")?.id).toBe("only-draft");
  });

  it("breaks a tie in length with the closed survey, then with the order given", () => {
    expect(
      proposeSurveyToCopy([survey("open", "2026-Q4", 10, "open"), survey("closed", "2026-Q4", 10)], "2027-Q1")?.id,
    ).toBe("closed");
    expect(proposeSurveyToCopy([survey("a", "2026-Q4", 10), survey("b", "2026-Q4", 10)], "2027-Q1")?.id).toBe("a");
  });

  it("falls back to the latest quarter when nothing is earlier than the target, and to nothing without surveys", () => {
    expect(proposeSurveyToCopy([survey("later", "2027-Q2", 5)], "2027-Q1")?.id).toBe("later");
    expect(proposeSurveyToCopy([], "2027-Q1")).toBeNull();
  });
});
