import { describe, expect, it } from "vitest";
import type { DeploymentEvent } from "./events";
import { parseProviderTime } from "./events";
import { mergeEvents } from "./merge-events";

describe("parseProviderTime", () => {
  it("reads ISO, GitLab's two formats and Unix seconds, all as the same instant", () => {
    expect(parseProviderTime("2021-04-28T19:50:00Z")?.toISOString()).toBe("2021-04-28T19:50:00.000Z");
    expect(parseProviderTime("2021-04-28 21:50:00 +0200")?.toISOString()).toBe("2021-04-28T19:50:00.000Z");
    expect(parseProviderTime("2021-04-28 19:50:00 UTC")?.toISOString()).toBe("2021-04-28T19:50:00.000Z");
    expect(parseProviderTime(1619639400)?.toISOString()).toBe("2021-04-28T19:50:00.000Z");
    expect(parseProviderTime("yesterday")).toBeNull();
    expect(parseProviderTime(null)).toBeNull();
  });
});

describe("mergeEvents", () => {
  const base: DeploymentEvent = {
    origin: "github",
    externalId: "1",
    repo: "a/b",
    environment: "production",
    production: true,
    status: "pending",
    sha: "abc",
    startedAt: new Date("2026-01-01T10:00:00Z"),
    finishedAt: null,
    rollback: false,
  };
  it("folds a deployment and its statuses into one; a later pending does not undo success", () => {
    const done = {
      ...base,
      status: "success" as const,
      finishedAt: new Date("2026-01-01T10:05:00Z"),
      startedAt: new Date("2026-01-01T10:05:00Z"),
    };
    const inactive = { ...base, startedAt: new Date("2026-01-01T11:00:00Z") };
    const { deployments } = mergeEvents({ changes: [], incidents: [], deployments: [base, done, inactive] });
    expect(deployments).toHaveLength(1);
    expect(deployments[0]).toMatchObject({ status: "success", startedAt: base.startedAt, finishedAt: done.finishedAt });
  });
  it("keeps the newest state of an incident and the earliest times of a commit", () => {
    const open = {
      origin: "gitlab" as const,
      externalId: "9",
      repo: "a/b",
      openedAt: new Date("2026-01-01T00:00:00Z"),
      resolvedAt: null,
      updatedAt: new Date("2026-01-01T00:00:00Z"),
    };
    const closed = {
      ...open,
      resolvedAt: new Date("2026-01-02T00:00:00Z"),
      updatedAt: new Date("2026-01-02T00:00:00Z"),
    };
    const merged = mergeEvents({
      deployments: [],
      incidents: [closed, open],
      changes: [
        {
          repo: "a/b",
          sha: "c",
          committedAt: new Date("2026-01-02T00:00:00Z"),
          pushedAt: new Date("2026-01-03T00:00:00Z"),
        },
        {
          repo: "a/b",
          sha: "c",
          committedAt: new Date("2026-01-01T00:00:00Z"),
          pushedAt: new Date("2026-01-04T00:00:00Z"),
        },
      ],
    });
    expect(merged.incidents).toEqual([closed]);
    expect(merged.changes).toEqual([
      {
        repo: "a/b",
        sha: "c",
        committedAt: new Date("2026-01-01T00:00:00Z"),
        pushedAt: new Date("2026-01-03T00:00:00Z"),
      },
    ]);
  });
});
