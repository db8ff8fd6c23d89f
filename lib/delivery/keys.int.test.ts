// The four keys from hand-built event histories with known answers, computed by the real SQL on
// both engines: a deploy of several commits, a rollback, a retry, an incident spanning quarters,
// non-production and failed deployments, and an unmapped repository that counts once mapped.
import { beforeAll, describe, expect, it } from "vitest";
import { teams } from "@/lib/db/schema";
import { withTestDatabase } from "@/lib/testing/test-db";
import type { DeploymentEvent, NormalizedEvents } from "./events";
import { getDeliveryKeys, listDeliveryRepos, setRepoTeam, storeDeliveryEvents } from "./queries";

const db = withTestDatabase();
const t = (iso: string) => new Date(iso);
const H = 3600;
let teamA = "";
let teamB = "";

function deploy(
  id: string,
  sha: string | null,
  started: string,
  finished: string,
  extra: Partial<DeploymentEvent> = {},
): DeploymentEvent {
  return {
    origin: "github",
    externalId: id,
    repo: "acme/api",
    environment: "production",
    production: true,
    status: "success",
    sha,
    startedAt: t(started),
    finishedAt: t(finished),
    rollback: false,
    ...extra,
  };
}
const change = (sha: string, committed: string, pushed: string, repo = "acme/api") => ({
  repo,
  sha,
  committedAt: t(committed),
  pushedAt: t(pushed),
});

const history: NormalizedEvents = {
  changes: [
    change("c1", "2026-01-10T08:00:00Z", "2026-01-10T09:00:00Z"), // → D1: 2h10m
    change("c2", "2026-01-19T12:00:00Z", "2026-01-20T11:00:00Z"), // → D2 (two commits): 24h30m
    change("c3", "2026-01-20T10:30:00Z", "2026-01-20T11:00:00Z"), // → D2: 2h
    change("c4", "2026-01-31T09:00:00Z", "2026-02-01T08:00:00Z"), // → D3, not the rollback D4: 24h05m
    change("c5", "2026-03-29T10:00:00Z", "2026-03-30T09:00:00Z"), // → D7: 24h20m
  ],
  deployments: [
    deploy("D1", "s1", "2026-01-10T10:00:00Z", "2026-01-10T10:10:00Z"),
    deploy("D2", "s3", "2026-01-20T12:00:00Z", "2026-01-20T12:30:00Z"), // an incident follows
    deploy("D3", "s4", "2026-02-01T09:00:00Z", "2026-02-01T09:05:00Z"), // rolled back by D4
    deploy("D4", "s3", "2026-02-01T10:00:00Z", "2026-02-01T10:05:00Z"), // redeploys s3: a rollback
    deploy("D5", "s5", "2026-02-10T10:00:00Z", "2026-02-10T10:05:00Z", { environment: "staging", production: false }),
    deploy("D6", "s5", "2026-02-11T10:00:00Z", "2026-02-11T10:05:00Z", { status: "failure" }),
    deploy("D7", "s6", "2026-03-30T10:00:00Z", "2026-03-30T10:20:00Z"), // an incident follows, spanning quarters
    deploy("D8", "s7", "2026-04-10T10:00:00Z", "2026-04-10T10:05:00Z"),
    deploy("D9", "s7", "2026-04-10T11:00:00Z", "2026-04-10T11:05:00Z"), // a retry of D8: not a rollback
    deploy("X1", "x1", "2026-01-15T10:00:00Z", "2026-01-15T10:05:00Z", { repo: "other/web" }),
  ],
  incidents: [
    {
      origin: "github",
      externalId: "I1",
      repo: "acme/api",
      openedAt: t("2026-01-20T14:00:00Z"),
      resolvedAt: t("2026-01-20T16:00:00Z"),
      updatedAt: t("2026-01-20T16:00:00Z"),
    },
    {
      origin: "github",
      externalId: "I2",
      repo: "acme/api",
      openedAt: t("2026-03-31T20:00:00Z"),
      resolvedAt: t("2026-04-02T20:00:00Z"),
      updatedAt: t("2026-04-02T20:00:00Z"),
    },
  ],
};
const now = t("2026-07-15T00:00:00Z");

beforeAll(async () => {
  [{ id: teamA }, { id: teamB }] = await db
    .handle()
    .db.insert(teams)
    .values([{ name: "Payments" }, { name: "Web" }])
    .returning({ id: teams.id });
  await storeDeliveryEvents(history);
  await setRepoTeam({ repo: "acme/api", teamId: teamA });
});

const keysOf = async (teamId: string) =>
  (await getDeliveryKeys({ from: "2026-Q1", to: "2026-Q2", now })).teams.find((x) => x.teamId === teamId);

describe("the four keys from events", () => {
  it("deployment frequency counts successful production deployments in the quarter they finished", async () => {
    const [q1, q2] = (await keysOf(teamA))!.quarters;
    expect(q1).toMatchObject({ period: "2026-Q1", deployments: 5, days: 90 });
    expect(q1.deploysPerWeek).toBeCloseTo((5 / 90) * 7, 6);
    expect(q1.bands.deploymentFrequency).toBe("high"); // one every 18 days
    expect(q2).toMatchObject({ period: "2026-Q2", deployments: 2, days: 91 });
    expect(q2.bands.deploymentFrequency).toBe("medium"); // one every 45 days
  });

  it("lead time is the median over every commit, each counted in the deployment that contains it", async () => {
    const [q1] = (await keysOf(teamA))!.quarters;
    // 2h, 2h10m, 24h05m, 24h20m, 24h30m: the rollback D4 contains none of them.
    expect(q1.changes).toBe(5);
    expect(q1.leadTimeSeconds).toBe(24 * H + 5 * 60);
    expect(q1.bands.leadTime).toBe("high");
  });

  it("change failure rate counts deployments followed by an incident or a rollback within the window", async () => {
    const [q1, q2] = (await keysOf(teamA))!.quarters;
    // D2 (incident I1), D3 (rolled back by D4), D7 (incident I2); not D1 or D4.
    expect(q1.failedDeployments).toBe(3);
    expect(q1.changeFailureRate).toBeCloseTo(0.6, 10);
    expect(q1.bands.changeFailureRate).toBe("low");
    // D9 redeploys D8's sha right after it: a retry, not a rollback.
    expect(q2.failedDeployments).toBe(0);
    expect(q2.bands.changeFailureRate).toBe("elite");
  });

  it("time to restore is the median open → resolve, an incident belonging to the quarter it opened", async () => {
    const [q1, q2] = (await keysOf(teamA))!.quarters;
    expect(q1).toMatchObject({ incidents: 2, restoredIncidents: 2, restoreSeconds: (2 * H + 48 * H) / 2 });
    expect(q1.bands.timeToRestore).toBe("medium");
    expect(q2).toMatchObject({ incidents: 0, restoreSeconds: null });
    expect(q2.bands.timeToRestore).toBeNull();
  });

  it("gives an overall band as the median of the four (developers may say otherwise)", async () => {
    const [q1] = (await keysOf(teamA))!.quarters;
    expect(q1.overall).toBe("medium"); // high, high, low, medium
  });

  it("lists an unmapped repository with its counts, and counts its events once mapped", async () => {
    expect(await keysOf(teamB)).toBeUndefined();
    const repos = await listDeliveryRepos();
    expect(repos.find((r) => r.repo === "other/web")).toMatchObject({ teamId: null, deployments: 1 });
    await setRepoTeam({ repo: "other/web", teamId: teamB });
    const [q1] = (await keysOf(teamB))!.quarters;
    expect(q1).toMatchObject({ period: "2026-Q1", deployments: 1, failedDeployments: 0 });
    await setRepoTeam({ repo: "other/web", teamId: null });
    expect(await keysOf(teamB)).toBeUndefined();
    expect((await listDeliveryRepos()).find((r) => r.repo === "other/web")?.deployments).toBe(1);
  });

  it("a pending status arriving late does not undo a finished deployment", async () => {
    await storeDeliveryEvents({
      changes: [],
      incidents: [],
      deployments: [
        deploy("D8", "s7", "2026-04-10T10:00:00Z", "2026-04-10T10:05:00Z", { status: "pending", finishedAt: null }),
      ],
    });
    const [, q2] = (await keysOf(teamA))!.quarters;
    expect(q2.deployments).toBe(2);
  });
});
