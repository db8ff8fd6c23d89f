import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { doraMetricKeys } from "@/lib/analytics/dora";
import type { PublicUser } from "@/lib/auth/queries";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { targets, type Target } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { dimensionName } from "@/lib/surveys/dimensions";
import { listCustomDimensions } from "@/lib/workspace/queries";
import { targetDirection, targetMetricLabels, type TargetMetric } from "../constants";
import type { CreateTargetInput, UpdateTargetInput } from "../schemas";
import { baselineOf, viewTarget } from "../series";
import type { Measurement, TargetStatus } from "../status";
import { getMeasureSeries } from "./measures";

// Targets: set by editors, read by everyone signed in. Each is read against its measure's series on
// every request, so a team's target shows no value whenever the dashboards hide that team's figure.

export type TargetView = {
  id: string;
  metric: TargetMetric;
  metricKey: string;
  teamId: string | null;
  teamName: string | null;
  /** "Platform NPS", "Ease of delivery · Alpha", "DORA band", "Time to first deploy". */
  label: string;
  direction: "higher" | "lower";
  goal: number;
  due: string;
  note: string;
  baseline: { period: string; value: number } | null;
  current: Measurement | null;
  hidden: boolean;
  status: TargetStatus;
  withinNoise: boolean;
  progress: number;
  elapsed: number;
  summary: string;
  createdAt: string;
};

type Names = { measure: (metric: TargetMetric, key: string) => string; team: (id: string | null) => string | null };

async function namesOf(db: DbClient): Promise<Names> {
  const [custom, workflows, teamRows] = await Promise.all([
    listCustomDimensions(db),
    selectRows<{ id: string; name: string }>(db, sql`select id::text as id, name from baseline_workflows`),
    selectRows<{ id: string; name: string }>(db, sql`select id::text as id, name from teams`),
  ]);
  return {
    measure: (metric, key) =>
      metric === "dimension" || (metric === "dora" && key)
        ? dimensionName(key, custom)
        : metric === "timing"
          ? (workflows.find((w) => w.id === key)?.name ?? "Removed workflow")
          : targetMetricLabels[metric],
    team: (id) => (id ? (teamRows.find((t) => t.id === id)?.name ?? null) : null),
  };
}

async function toView(target: Target, names: Names, db: DbClient, upTo?: string): Promise<TargetView> {
  const direction = targetDirection[target.metric];
  const all = await getMeasureSeries({ metric: target.metric, key: target.metricKey, teamId: target.teamId }, db);
  const series = upTo ? all.filter((p) => p.period <= upTo) : all;
  const baseline =
    target.baselinePeriod !== null && target.baselineValue !== null
      ? { period: target.baselinePeriod, value: target.baselineValue }
      : null;
  const view = viewTarget({ direction, goal: target.goal, due: target.due, baseline }, series);
  const teamName = names.team(target.teamId);
  const measure = names.measure(target.metric, target.metricKey);
  return {
    id: target.id,
    metric: target.metric,
    metricKey: target.metricKey,
    teamId: target.teamId,
    teamName,
    label: teamName ? `${measure} · ${teamName}` : measure,
    direction,
    goal: target.goal,
    due: target.due,
    note: target.note,
    baseline: view.baseline,
    current: view.current,
    hidden: view.hidden,
    ...view.reading,
    createdAt: target.createdAt.toISOString(),
  };
}

/**
 * Every target. `upTo` reads them as of a quarter (the leadership report of that quarter), leaving out
 * targets whose baseline is later: they were set after it.
 */
export async function listTargets({ upTo, tx }: { upTo?: string; tx?: DbClient } = {}): Promise<{
  targets: TargetView[];
}> {
  const db = tx ?? (await getDb());
  const rows = await db.select().from(targets).orderBy(targets.due, desc(targets.createdAt));
  const names = await namesOf(db);
  const views: TargetView[] = [];
  for (const row of rows) {
    if (upTo && row.baselinePeriod && row.baselinePeriod > upTo) continue;
    views.push(await toView(row, names, db, upTo));
  }
  return { targets: views };
}

export async function getTarget({ id }: { id: string }, tx?: DbClient): Promise<TargetView> {
  const db = tx ?? (await getDb());
  const [row] = await db.select().from(targets).where(eq(targets.id, id));
  if (!row) throw notFound("Target");
  return toView(row, await namesOf(db), db);
}

async function assertMeasureExists(db: DbClient, input: CreateTargetInput) {
  const known = async (query: ReturnType<typeof sql>) => (await selectRows<{ ok: number }>(db, query)).length > 0;
  const fail = (message: string, field: "metricKey" | "teamId") =>
    new AppError("validation", message, { [field]: [message] });
  if (input.teamId && !(await known(sql`select 1 as ok from teams where id = ${input.teamId}`)))
    throw fail("Unknown team", "teamId");
  if (
    input.metric === "dimension" &&
    !(await known(sql`select 1 as ok from questions where dimension = ${input.metricKey} limit 1`))
  )
    throw fail("No question measures this dimension", "metricKey");
  if (input.metric === "dora" && input.metricKey && !doraMetricKeys.includes(input.metricKey as never))
    throw fail("Unknown DORA metric", "metricKey");
  if (
    input.metric === "timing" &&
    !(await known(sql`select 1 as ok from baseline_workflows where id::text = ${input.metricKey}`))
  )
    throw fail("Unknown workflow", "metricKey");
}

/** A new target; its baseline is the latest closed quarter's shown value of the same measure, now. */
export async function createTarget({ input, actor }: { input: CreateTargetInput; actor: PublicUser }) {
  const db = await getDb();
  await assertMeasureExists(db, input);
  const metricKey = input.metric === "nps" ? "" : input.metricKey;
  const baseline = baselineOf(
    await getMeasureSeries({ metric: input.metric, key: metricKey, teamId: input.teamId }, db),
  );
  const [row] = await db
    .insert(targets)
    .values({
      metric: input.metric,
      metricKey,
      teamId: input.teamId,
      goal: input.goal,
      due: input.due,
      note: input.note,
      baselinePeriod: baseline?.period ?? null,
      baselineValue: baseline?.value ?? null,
      createdBy: actor.id,
    })
    .returning();
  return { target: await toView(row, await namesOf(db), db) };
}

export async function updateTarget({ id, input }: { id: string; input: UpdateTargetInput }) {
  const db = await getDb();
  const [row] = await db
    .update(targets)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(targets.id, id))
    .returning();
  if (!row) throw notFound("Target");
  return { target: await toView(row, await namesOf(db), db) };
}

export async function deleteTarget({ id }: { id: string }) {
  const db = await getDb();
  const [row] = await db.delete(targets).where(eq(targets.id, id)).returning({ id: targets.id });
  if (!row) throw notFound("Target");
  return { id: row.id };
}
