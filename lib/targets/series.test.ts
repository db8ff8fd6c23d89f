import { describe, expect, it } from "vitest";
import { groupRoadmap } from "./roadmap";
import { baselineOf, beforeAfterOf, viewTarget, type SeriesPoint } from "./series";

const shown = (period: string, value: number, low: number | null = null, high: number | null = null): SeriesPoint => ({
  period,
  hidden: false,
  value,
  low,
  high,
});
const hidden = (period: string, reason: "below_threshold" | "collecting" = "below_threshold"): SeriesPoint => ({
  period,
  hidden: true,
  reason,
});
const target = { direction: "higher" as const, goal: 40, due: "2027-Q1" };

describe("baselineOf", () => {
  it("takes the latest closed quarter, skipping one still collecting", () => {
    expect(
      baselineOf([shown("2026-Q1", 10, 0, 20), shown("2026-Q2", 12, 2, 22), hidden("2026-Q3", "collecting")]),
    ).toEqual({ period: "2026-Q2", value: 12, low: 2, high: 22 });
  });
  it("has none when the latest closed quarter is hidden or there is none", () => {
    expect(baselineOf([shown("2026-Q1", 10), hidden("2026-Q2")])).toBeNull();
    expect(baselineOf([])).toBeNull();
  });
});

describe("viewTarget", () => {
  it("reads the latest closed quarter against the baseline", () => {
    const view = viewTarget({ ...target, baseline: { period: "2026-Q1", value: 10 } }, [
      shown("2026-Q1", 10, 0, 20),
      shown("2026-Q3", 27, 15, 39),
    ]);
    expect(view.current?.period).toBe("2026-Q3");
    expect(view.reading.status).toBe("on_track");
  });
  it("shows no value, baseline or status when the latest closed quarter is hidden", () => {
    const view = viewTarget({ ...target, baseline: { period: "2026-Q1", value: 10 } }, [
      shown("2026-Q1", 10, 0, 20),
      hidden("2026-Q2"),
    ]);
    expect(view).toMatchObject({ hidden: true, current: null, baseline: null });
    expect(view.reading.status).toBe("no_data");
    expect(view.reading.summary).not.toMatch(/\d/);
  });
  it("drops a baseline whose quarter is hidden now", () => {
    const view = viewTarget({ ...target, baseline: { period: "2026-Q1", value: 10 } }, [
      hidden("2026-Q1"),
      shown("2026-Q2", 20, 10, 30),
    ]);
    expect(view.baseline).toBeNull();
    expect(view.reading.status).toBe("no_data");
    expect(view.current?.value).toBe(20);
  });
});

describe("beforeAfterOf", () => {
  const series = [shown("2026-Q1", 3.1, 2.9, 3.3), shown("2026-Q2", 3.2, 3.0, 3.4), shown("2026-Q4", 3.9, 3.7, 4.1)];
  it("takes the last quarter before the target quarter and the first after it", () => {
    const r = beforeAfterOf(series, "2026-Q3");
    expect(r.before?.period).toBe("2026-Q2");
    expect(r.after?.period).toBe("2026-Q4");
    expect(r.change).toBeCloseTo(0.7);
    expect(r.withinNoise).toBe(false);
  });
  it("has no after until a quarter after the target has closed", () => {
    expect(beforeAfterOf([...series.slice(0, 2), hidden("2026-Q4", "collecting")], "2026-Q3").after).toBeNull();
  });
  it("flags a change whose after interval still holds the before value", () => {
    expect(beforeAfterOf([shown("2026-Q1", 3.1), shown("2026-Q3", 3.2, 3.0, 3.4)], "2026-Q2").withinNoise).toBe(true);
  });
  it("shows nothing of a hidden side", () => {
    const r = beforeAfterOf([shown("2026-Q1", 3.1), hidden("2026-Q3")], "2026-Q2");
    expect(r).toMatchObject({ after: null, change: null, hidden: true });
  });
});

describe("groupRoadmap", () => {
  it("groups by quarter in order, marks past quarters, orders items by status then label", () => {
    const groups = groupRoadmap(
      [
        { id: "1", label: "Faster CI", status: "done", targetQuarter: "2026-Q4" },
        { id: "2", label: "Docs", status: "planned", targetQuarter: "2027-Q1" },
        { id: "3", label: "Auth", status: "in_progress", targetQuarter: "2026-Q4" },
        { id: "4", label: "Caching", status: "in_progress", targetQuarter: "2026-Q4" },
      ],
      "2027-Q1",
    );
    expect(groups.map((g) => [g.period, g.past, g.items.map((i) => i.id)])).toEqual([
      ["2026-Q4", true, ["3", "4", "1"]],
      ["2027-Q1", false, ["2"]],
    ]);
  });
});
