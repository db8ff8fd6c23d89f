import { describe, expect, it } from "vitest";
import { surveyAvailability } from "./lifecycle";
import { startOfDay, startOfDayAfter } from "./schedule-times";
import { todayIsoDate } from "@/lib/responses/submission-day";

describe("survey schedule times", () => {
  it("open at the start of the open day and close when the close day is over, as availability says", () => {
    const survey = { status: "open" as const, opensOn: "2026-06-30", closesOn: "2026-07-02" };
    const opens = startOfDay(survey.opensOn);
    const closes = startOfDayAfter(survey.closesOn);
    expect(opens.toISOString()).toBe("2026-06-30T00:00:00.000Z");
    expect(closes.toISOString()).toBe("2026-07-03T00:00:00.000Z");
    const at = (t: number) => surveyAvailability(survey, todayIsoDate(new Date(t)));
    expect(at(opens.getTime() - 1)).toBe("not_yet_open");
    expect(at(opens.getTime())).toBe("open");
    expect(at(closes.getTime() - 1)).toBe("open");
    expect(at(closes.getTime())).toBe("closed");
  });

  it("crosses month and year ends", () => {
    expect(startOfDayAfter("2026-12-31").toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(startOfDayAfter("2028-02-28").toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });
});
