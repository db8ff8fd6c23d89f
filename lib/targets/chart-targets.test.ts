import { describe, expect, it } from "vitest";
import { targetsForChart } from "./chart-targets";

const t = (metric: "nps" | "dimension", teamId: string | null, metricKey = "") => ({
  metric,
  metricKey,
  teamId,
  goal: 40,
  due: "2027-Q1",
});

describe("targetsForChart", () => {
  const all = [t("nps", null), t("nps", "alpha"), t("dimension", null, "space.satisfaction")];
  it("draws the overall targets on the unfiltered chart and a team's on that team's", () => {
    expect(targetsForChart(all, { metric: "nps" })).toEqual([all[0]]);
    expect(targetsForChart(all, { metric: "nps", team: "alpha" })).toEqual([all[1]]);
    expect(targetsForChart(all, { metric: "dimension" })).toEqual([all[2]]);
  });
  it("draws none under a platform filter, whose group no target names", () => {
    expect(targetsForChart(all, { metric: "nps", adoption: "on" })).toEqual([]);
  });
});
