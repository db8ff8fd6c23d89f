import { describe, expect, it } from "vitest";
import { changeFailureRateBand, deploymentFrequencyBand, leadTimeBand, timeToRestoreBand } from "./bands";
import { computeDeliveryKeys, observedDays } from "./keys";

const H = 3600;
const D = 24 * H;

describe("DORA bands of measured keys (DOMAIN.md)", () => {
  it("deployment frequency: daily or more elite, up to monthly high, up to six months medium, rarer low", () => {
    expect(deploymentFrequencyBand(3)).toBe("elite");
    expect(deploymentFrequencyBand(1)).toBe("elite");
    expect(deploymentFrequencyBand(1 / 3)).toBe("high"); // the gap between daily and weekly
    expect(deploymentFrequencyBand(1 / 7)).toBe("high");
    expect(deploymentFrequencyBand(1 / 30)).toBe("high");
    expect(deploymentFrequencyBand(1 / 31)).toBe("medium");
    expect(deploymentFrequencyBand(1 / 182)).toBe("medium");
    expect(deploymentFrequencyBand(1 / 200)).toBe("low");
    expect(deploymentFrequencyBand(0)).toBe("low");
  });
  it("lead time: under an hour elite, up to a week high, up to a month medium, longer low", () => {
    expect(leadTimeBand(59 * 60)).toBe("elite");
    expect(leadTimeBand(H)).toBe("high");
    expect(leadTimeBand(7 * D)).toBe("high");
    expect(leadTimeBand(7 * D + 1)).toBe("medium");
    expect(leadTimeBand(30 * D)).toBe("medium");
    expect(leadTimeBand(31 * D)).toBe("low");
  });
  it("change failure rate: up to 15 % elite, up to 30 % high (the range three bands share), above low", () => {
    expect(changeFailureRateBand(0)).toBe("elite");
    expect(changeFailureRateBand(0.15)).toBe("elite");
    expect(changeFailureRateBand(0.16)).toBe("high");
    expect(changeFailureRateBand(0.3)).toBe("high");
    expect(changeFailureRateBand(0.31)).toBe("low");
  });
  it("time to restore: under an hour elite, under a day high, up to a week medium, longer low", () => {
    expect(timeToRestoreBand(30 * 60)).toBe("elite");
    expect(timeToRestoreBand(H)).toBe("high");
    expect(timeToRestoreBand(D - 1)).toBe("high");
    expect(timeToRestoreBand(D)).toBe("medium");
    expect(timeToRestoreBand(7 * D)).toBe("medium");
    expect(timeToRestoreBand(8 * D)).toBe("low");
  });
});

describe("computeDeliveryKeys", () => {
  it("rates a past quarter over all its days and the current one over the days so far", () => {
    expect(observedDays("2026-Q1", new Date("2026-07-01T00:00:00Z"))).toBe(90);
    expect(observedDays("2026-Q3", new Date("2026-07-11T00:00:00Z"))).toBe(10);
    expect(observedDays("2026-Q3", new Date("2026-07-01T00:00:00Z"))).toBe(1);
  });
  it("has no failure rate without deployments and no lead time without changes", () => {
    const keys = computeDeliveryKeys(
      {
        period: "2026-Q1",
        deployments: 0,
        failedDeployments: 0,
        changes: 0,
        leadTimeSeconds: null,
        incidents: 1,
        restoredIncidents: 1,
        restoreSeconds: 1800,
      },
      new Date("2026-07-01T00:00:00Z"),
    );
    expect(keys).toMatchObject({ changeFailureRate: null, deploysPerWeek: 0 });
    expect(keys.bands).toEqual({
      deploymentFrequency: "low",
      leadTime: null,
      changeFailureRate: null,
      timeToRestore: "elite",
    });
    expect(keys.overall).toBe("low"); // worse of the two middle bands
  });
});
