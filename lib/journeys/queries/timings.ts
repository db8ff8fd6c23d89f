import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { baselineWorkflows, workflowTimings } from "@/lib/db/schema";
import { AppError, notFound, pgErrorCode } from "@/lib/errors";
import { builtInWorkflows } from "../baseline-workflows";
import type { CreateWorkflowInput, RecordTimingInput, UpdateWorkflowInput } from "../schemas";
import { previousPeriod } from "@/lib/period";
import { assessTiming, medianOf } from "../timings";
import type { WorkflowTimingRow } from "../types";

// ---------------------------------------------------------------------------------------------
// Baseline workflow timings

/** Built-in workflows exist in every workspace, seeded or not. */
async function ensureBuiltInWorkflows(client: DbClient) {
  const [{ n }] = await selectRows<{ n: number }>(
    client,
    sql`select count(*)::int as n from baseline_workflows where built_in = 1`,
  );
  if (Number(n) >= builtInWorkflows.length) return;
  await client
    .insert(baselineWorkflows)
    .values(builtInWorkflows.map((w) => ({ key: w.key, name: w.name, targetMinutes: w.targetMinutes, builtIn: 1 })))
    .onConflictDoNothing({ target: baselineWorkflows.key });
}

export async function listTimingPeriods(): Promise<string[]> {
  const db = await getDb();
  const rows = await selectRows<{ period: string }>(
    db,
    sql`select distinct period from workflow_timings order by period desc`,
  );
  return rows.map((r) => r.period);
}

export async function listWorkflowTimings({ period }: { period: string }): Promise<WorkflowTimingRow[]> {
  const db = await getDb();
  await ensureBuiltInWorkflows(db);
  const previous = previousPeriod(period);
  const rows = await selectRows<{
    id: string;
    key: string;
    name: string;
    target_minutes: number;
    built_in: number;
    measurements: number[] | null;
    notes: string | null;
    previous_measurements: number[] | null;
  }>(
    db,
    sql`select w.id, w.key, w.name, w.target_minutes::float8 as target_minutes, w.built_in,
          t.measurements_minutes::float8[] as measurements, t.notes, p.measurements_minutes::float8[] as previous_measurements
        from baseline_workflows w
        left join workflow_timings t on t.workflow_id = w.id and t.period = ${period}
        left join workflow_timings p on p.workflow_id = w.id and p.period = ${previous}
        order by w.built_in desc, w.created_at, w.name`,
  );
  const builtInOrder = new Map<string, number>(builtInWorkflows.map((w, i) => [w.key, i]));
  return rows
    .map((r) => {
      const measurements = parseFloatArray(r.measurements);
      const target = Number(r.target_minutes);
      const assessment = assessTiming(measurements, target);
      return {
        workflowId: r.id,
        key: r.key,
        name: r.name,
        targetMinutes: target,
        builtIn: Number(r.built_in) === 1,
        period,
        measurementsMinutes: measurements,
        notes: r.notes ?? "",
        median: assessment.median,
        gapMinutes: assessment.gapMinutes,
        status: assessment.status,
        previousMedian: medianOf(parseFloatArray(r.previous_measurements)),
      };
    })
    .sort((a, b) => (builtInOrder.get(a.key) ?? 99) - (builtInOrder.get(b.key) ?? 99));
}

// PGlite and postgres.js both parse float8[] to numbers; a text form ("{1,2}") is handled too.
function parseFloatArray(value: number[] | string | null): number[] {
  if (!value) return [];
  if (Array.isArray(value)) return value.map(Number);
  return value.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
}

export async function createWorkflow({ input }: { input: CreateWorkflowInput }) {
  const db = await getDb();
  const [clash] = await db
    .select({ id: baselineWorkflows.id })
    .from(baselineWorkflows)
    .where(sql`lower(${baselineWorkflows.name}) = lower(${input.name})`);
  if (clash)
    throw new AppError("conflict", "A workflow with this name exists", {
      name: ["A workflow with this name already exists"],
    });
  const slug = input.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 40);
  const [row] = await db
    .insert(baselineWorkflows)
    .values({
      key: `custom_${slug}_${randomUUID().slice(0, 8)}`,
      name: input.name,
      targetMinutes: input.targetMinutes,
      builtIn: 0,
    })
    .returning();
  return { id: row.id, key: row.key, name: row.name, targetMinutes: row.targetMinutes, builtIn: false };
}

export async function updateWorkflow({ id, input }: { id: string; input: UpdateWorkflowInput }) {
  const db = await getDb();
  const [existing] = await db.select().from(baselineWorkflows).where(eq(baselineWorkflows.id, id));
  if (!existing) throw notFound("Workflow");
  if (input.name !== undefined && existing.builtIn === 1 && input.name !== existing.name) {
    throw new AppError("validation", "Built-in workflows keep their name", {
      name: ["Built-in workflows keep their name; change the target instead"],
    });
  }
  const [row] = await db.update(baselineWorkflows).set(input).where(eq(baselineWorkflows.id, id)).returning();
  return { id: row.id, key: row.key, name: row.name, targetMinutes: row.targetMinutes, builtIn: row.builtIn === 1 };
}

export async function deleteWorkflow({ id }: { id: string }) {
  const db = await getDb();
  const [existing] = await db.select().from(baselineWorkflows).where(eq(baselineWorkflows.id, id));
  if (!existing) throw notFound("Workflow");
  if (existing.builtIn === 1)
    throw new AppError("conflict", "Built-in workflows cannot be removed; change their target instead");
  await db.delete(baselineWorkflows).where(eq(baselineWorkflows.id, id));
}

/** Stores a quarter's measurements (1–3); an empty list clears the quarter. */
export async function recordWorkflowTiming({
  workflowId,
  period,
  input,
}: {
  workflowId: string;
  period: string;
  input: RecordTimingInput;
}) {
  const db = await getDb();
  const [workflow] = await db
    .select({ id: baselineWorkflows.id })
    .from(baselineWorkflows)
    .where(eq(baselineWorkflows.id, workflowId));
  if (!workflow) throw notFound("Workflow");
  if (input.measurementsMinutes.length === 0) {
    await db
      .delete(workflowTimings)
      .where(and(eq(workflowTimings.workflowId, workflowId), eq(workflowTimings.period, period)));
    return { period, measurementsMinutes: [] as number[] };
  }
  try {
    await db
      .insert(workflowTimings)
      .values({ workflowId, period, measurementsMinutes: input.measurementsMinutes, notes: input.notes })
      .onConflictDoUpdate({
        target: [workflowTimings.workflowId, workflowTimings.period],
        set: { measurementsMinutes: input.measurementsMinutes, notes: input.notes },
      });
  } catch (error) {
    if (pgErrorCode(error) === "23514")
      throw new AppError("validation", "Keep one to three measurements", {
        measurementsMinutes: ["Keep one to three measurements"],
      });
    throw error;
  }
  return { period, measurementsMinutes: input.measurementsMinutes };
}
