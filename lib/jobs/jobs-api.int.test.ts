// Settings → Jobs through its API on both engines, and the backlog analysis job end to end: one job per
// scope however many ask, its stages recorded, the same result as the synchronous build, failures in
// plain words, Retry for owners only.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as retryRoute } from "@/app/api/jobs/[id]/retry/route";
import { GET as jobsRoute } from "@/app/api/jobs/route";
import { GET as analysisRoute } from "@/app/api/backlog/analysis/route";
import { POST as buildRoute } from "@/app/api/backlog/build/route";
import { requestBacklogAnalysis } from "@/lib/backlog/analysis";
import { buildBacklog } from "@/lib/backlog/queries";
import { selectRows } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { callRoute } from "@/lib/testing/api";
import { seedWorkspace } from "@/lib/testing/workspace-fixture";
import { withTestDatabase } from "@/lib/testing/test-db";
import { runJobsNow } from "./drain";
import { enqueue } from "./enqueue";

const db = withTestDatabase();
let users: Record<"owner" | "editor" | "viewer", string>;
const themes = ["flaky tests in CI", "slow staging deploys", "missing docs for the API", "vault secrets rotation"];

beforeAll(async () => {
  users = await seedWorkspace(db.handle().db, { anonymityThreshold: 3, roles: ["owner", "editor", "viewer"] });
  await db
    .handle()
    .db.insert(s.frictionEntries)
    .values(
      Array.from({ length: 48 }, (_, i) => ({
        period: "2026-Q4",
        text: `${themes[i % themes.length]} again, case ${i}`,
      })),
    );
});

const analysisOf = (scope: string, userId: string) =>
  callRoute(analysisRoute, { url: `http://localhost/api/backlog/analysis?scope=${scope}`, userId });

describe("backlog analysis as a job", () => {
  it("five requests at once make one job; it records its stages; the result is the synchronous one", async () => {
    expect((await analysisOf("friction", users.viewer)).json).toEqual({ analysis: null });
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => callRoute(buildRoute, { body: { scope: "friction" }, userId: users.editor })),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(replies.map((r) => r.json.analysis.id)).size).toBe(1);
    expect(replies.filter((r) => !r.json.joined)).toHaveLength(1);

    expect(await runJobsNow()).toEqual({ completed: 1, failed: 0 });
    const [{ stage, percent }] = await selectRows<{ stage: string; percent: number }>(
      db.handle().db,
      sql`select stage, percent from job_progress`,
    );
    expect([stage, percent]).toEqual(["saving", 75]);

    const { analysis } = (await analysisOf("friction", users.viewer)).json;
    expect(analysis).toMatchObject({ state: "done", percent: 100, stage: null, error: null });
    expect(analysis.run).toMatchObject({ scope: "friction", textCount: 48, itemsCreated: analysis.run.chosenK });
    // The synchronous path on the same answers finds the same themes and keeps every one.
    const stages: string[] = [];
    const again = await buildBacklog({ scope: "friction", progress: async (st, p) => void stages.push(`${st} ${p}%`) });
    expect(stages).toEqual(["reading 5%", "clustering 15%", "saving 75%"]);
    expect(again).toMatchObject({ chosenK: analysis.run.chosenK, itemsMatched: analysis.run.chosenK, itemsCreated: 0 });
  });

  it("a failed analysis says why in plain words; owners retry it, others cannot", async () => {
    const [survey] = await db.handle().db.insert(s.surveys).values({ title: "Gone", period: "2026-Q4" }).returning();
    const { analysis } = await requestBacklogAnalysis({ scope: `survey:${survey.id}`, actor: null });
    await db
      .handle()
      .db.delete(s.surveys)
      .where(sql`id = ${survey.id}`);
    // First attempt and both retries (time "passes" for the retry delays).
    for (let i = 0; i < 3; i++) await runJobsNow({ ignoreStartAfter: true });

    const list = await callRoute(jobsRoute, { userId: users.owner });
    expect(list.status).toBe(200);
    const failed = list.json.jobs.find((j: { id: string }) => j.id === analysis.id);
    expect(failed).toMatchObject({
      kind: "backlog.analyse",
      kindLabel: "Backlog analysis",
      state: "failed",
      attempts: 3,
      maxAttempts: 3,
      error: "Survey not found",
    });
    expect(failed.finishedAt).not.toBeNull();
    expect((await analysisOf(`survey:${survey.id}`, users.viewer)).json.analysis).toMatchObject({
      state: "failed",
      error: "Survey not found",
    });

    expect((await callRoute(jobsRoute, { userId: users.editor })).status).toBe(403);
    expect(
      (await callRoute(retryRoute, { method: "POST", params: { id: analysis.id }, userId: users.editor })).status,
    ).toBe(403);
    const retried = await callRoute(retryRoute, { method: "POST", params: { id: analysis.id }, userId: users.owner });
    expect(retried.status).toBe(200);
    expect(retried.json.job).toMatchObject({ id: analysis.id, state: "retrying", maxAttempts: 4 });
    // Retrying again while it waits is refused, and so is an unknown job.
    const twice = await callRoute(retryRoute, { method: "POST", params: { id: analysis.id }, userId: users.owner });
    expect(twice.status).toBe(409);
    const unknown = await callRoute(retryRoute, {
      method: "POST",
      params: { id: crypto.randomUUID() },
      userId: users.owner,
    });
    expect(unknown.status).toBe(404);
    // (Its start time is the last retry's, which this test reached early.)
    expect(await runJobsNow({ ignoreStartAfter: true })).toEqual({ completed: 0, failed: 1 }); // still no survey
  });

  it("lists scheduled jobs with their start time, unfinished first", async () => {
    const at = new Date(Date.now() + 86_400_000);
    const id = await enqueue(
      "survey.open",
      { surveyId: crypto.randomUUID(), on: null },
      { startAfter: at, singletonKey: "x" },
    );
    const { jobs } = (await callRoute(jobsRoute, { userId: users.owner })).json;
    expect(jobs[0]).toMatchObject({ id, state: "queued", startedAt: null, attempts: 0 });
    expect(new Date(jobs[0].startAfter).getTime()).toBe(at.getTime());
  });
});
