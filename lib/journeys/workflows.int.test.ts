import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/workflows/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/workflows/[id]/route";
import { PUT as recordRoute } from "@/app/api/workflows/[id]/timings/[period]/route";
import { createUser } from "@/lib/auth/queries";
import { callRoute } from "@/lib/testing/api";
import { withTestDatabase } from "@/lib/testing/test-db";
import type { WorkflowTimingRow } from "./types";

const db = withTestDatabase();
let editor = "";
let viewer = "";
const list = async (period: string) =>
  (await callRoute(listRoute, { url: `http://localhost/api/workflows?period=${period}`, userId: viewer })).json as {
    period: string;
    periods: string[];
    workflows: WorkflowTimingRow[];
  };
const timingCount = async () => {
  const r = (await db.handle().db.execute(sql`select count(*)::int as n from workflow_timings`)) as any;
  return Number((Array.isArray(r) ? r : r.rows)[0].n);
};

beforeAll(async () => {
  editor = (await createUser({ name: "Ed", email: "ed@example.com", password: "editor-password", role: "editor" })).id;
  viewer = (await createUser({ name: "Vi", email: "vi@example.com", password: "viewer-password", role: "viewer" })).id;
});

describe("baseline workflow timings", () => {
  it("lists the nine built-in workflows with their targets even in an empty workspace", async () => {
    const res = await list("2026-Q3");
    expect(res.workflows).toHaveLength(9);
    expect(res.workflows[0]).toMatchObject({
      key: "new_service_first_deploy",
      targetMinutes: 120,
      builtIn: true,
      median: null,
      status: null,
    });
    expect(res.periods).toContain("2026-Q3");
  });

  it("records up to three measurements per quarter and reports median, gap and status", async () => {
    const staging = (await list("2026-Q3")).workflows.find((w) => w.key === "change_to_staging")!;
    const q3 = await callRoute(recordRoute, {
      method: "PUT",
      params: { id: staging.workflowId, period: "2026-Q3" },
      body: { measurementsMinutes: [25, 18, 40] },
      userId: editor,
    });
    expect(q3.status).toBe(200);
    await callRoute(recordRoute, {
      method: "PUT",
      params: { id: staging.workflowId, period: "2026-Q4" },
      body: { measurementsMinutes: [14, 12] },
      userId: editor,
    });
    const row3 = (await list("2026-Q3")).workflows.find((w) => w.key === "change_to_staging")!;
    expect(row3).toMatchObject({ measurementsMinutes: [25, 18, 40], median: 25, gapMinutes: 10, status: "missed" });
    const row4 = (await list("2026-Q4")).workflows.find((w) => w.key === "change_to_staging")!;
    expect(row4).toMatchObject({ median: 13, gapMinutes: -2, status: "met", previousMedian: 25 });

    // Re-recording a quarter replaces it; an empty list clears it.
    await callRoute(recordRoute, {
      method: "PUT",
      params: { id: staging.workflowId, period: "2026-Q3" },
      body: { measurementsMinutes: [17] },
      userId: editor,
    });
    expect((await list("2026-Q3")).workflows.find((w) => w.key === "change_to_staging")).toMatchObject({
      median: 17,
      status: "close",
    });
    await callRoute(recordRoute, {
      method: "PUT",
      params: { id: staging.workflowId, period: "2026-Q3" },
      body: { measurementsMinutes: [] },
      userId: editor,
    });
    expect((await list("2026-Q3")).workflows.find((w) => w.key === "change_to_staging")!.median).toBeNull();
  });

  it("refuses a fourth measurement, a negative time and a malformed quarter, storing nothing", async () => {
    const rollback = (await list("2026-Q3")).workflows.find((w) => w.key === "rollback")!;
    const before = await timingCount();
    const four = await callRoute(recordRoute, {
      method: "PUT",
      params: { id: rollback.workflowId, period: "2026-Q3" },
      body: { measurementsMinutes: [1, 2, 3, 4] },
      userId: editor,
    });
    expect(four.status).toBe(422);
    expect(four.json.error.fieldErrors.measurementsMinutes).toEqual(["Keep at most three measurements per quarter"]);
    const negative = await callRoute(recordRoute, {
      method: "PUT",
      params: { id: rollback.workflowId, period: "2026-Q3" },
      body: { measurementsMinutes: [3, -1] },
      userId: editor,
    });
    expect(negative.status).toBe(422);
    expect(negative.json.error.fieldErrors["measurementsMinutes.1"]).toEqual(["Time cannot be negative"]);
    const badPeriod = await callRoute(recordRoute, {
      method: "PUT",
      params: { id: rollback.workflowId, period: "Q3-2026" },
      body: { measurementsMinutes: [3] },
      userId: editor,
    });
    expect(badPeriod.status).toBe(404);
    const asViewer = await callRoute(recordRoute, {
      method: "PUT",
      params: { id: rollback.workflowId, period: "2026-Q3" },
      body: { measurementsMinutes: [3] },
      userId: viewer,
    });
    expect(asViewer.status).toBe(403);
    expect(await timingCount()).toBe(before);
  });

  it("editors add their own workflows, retarget any workflow, and remove only their own", async () => {
    const bad = await callRoute(createRoute, { body: { name: "", targetMinutes: 0 }, userId: editor });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(["name", "targetMinutes"]);
    const created = await callRoute(createRoute, {
      body: { name: "Rotate a secret", targetMinutes: 15 },
      userId: editor,
    });
    expect(created.status).toBe(201);
    const id = created.json.workflow.id;
    expect(
      (await callRoute(createRoute, { body: { name: "rotate a SECRET", targetMinutes: 5 }, userId: editor })).status,
    ).toBe(409);
    const rows = (await list("2026-Q3")).workflows;
    expect(rows).toHaveLength(10);
    expect(rows[9]).toMatchObject({ name: "Rotate a secret", builtIn: false });

    const builtIn = rows[0];
    expect(
      (
        await callRoute(patchRoute, {
          method: "PATCH",
          params: { id: builtIn.workflowId },
          body: { targetMinutes: 90 },
          userId: editor,
        })
      ).json.workflow.targetMinutes,
    ).toBe(90);
    expect(
      (
        await callRoute(patchRoute, {
          method: "PATCH",
          params: { id: builtIn.workflowId },
          body: { name: "Renamed" },
          userId: editor,
        })
      ).status,
    ).toBe(422);
    expect(
      (await callRoute(deleteRoute, { method: "DELETE", params: { id: builtIn.workflowId }, userId: editor })).status,
    ).toBe(409);
    expect((await callRoute(deleteRoute, { method: "DELETE", params: { id }, userId: editor })).status).toBe(200);
    expect((await list("2026-Q3")).workflows).toHaveLength(9);
  });
});
