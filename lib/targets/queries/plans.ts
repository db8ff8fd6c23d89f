import "server-only";
import { eq, isNull, sql } from "drizzle-orm";
import { FRICTION_SCOPE } from "@/lib/backlog/scope";
import { getDashboardBacklog } from "@/lib/backlog/queries";
import type { BacklogStatus, Effort } from "@/lib/db/schema";
import { backlogItems, backlogPlans, journeySteps, journeyStepThemes } from "@/lib/db/schema";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { dimensionName } from "@/lib/surveys/dimensions";
import { listCustomDimensions } from "@/lib/workspace/queries";
import { periodOfDate } from "@/lib/period";
import type { PlanMeasure } from "../constants";
import { groupRoadmap, type RoadmapQuarter } from "../roadmap";
import type { PlanInput, StepBacklogItemInput } from "../schemas";
import { beforeAfterOf, type BeforeAfter } from "../series";
import { getMeasureSeries } from "./measures";

// Action plans: a backlog item's target quarter, owner and success measure, and the roadmap that groups
// planned items by quarter. The owner is the item's own field (lib/backlog keeps it); the rest is ours.

export type PlanMeasureRef = { kind: PlanMeasure; key: string; label: string };
export type RoadmapItem = {
  id: string;
  label: string;
  status: BacklogStatus;
  owner: string;
  effort: Effort | null;
  targetQuarter: string;
  measure: PlanMeasureRef | null;
  /** Before and after the target quarter, once it has passed; null before then or without a measure. */
  result: BeforeAfter | null;
};
export type Roadmap = { currentQuarter: string; quarters: RoadmapQuarter<RoadmapItem>[] };

/** A label for each measure key, and whether the key exists (a plan may not point at nothing). */
async function measureLabel(db: DbClient, kind: PlanMeasure, key: string): Promise<string | null> {
  const first = async (query: ReturnType<typeof sql>) =>
    (await selectRows<{ name: string }>(db, query))[0]?.name ?? null;
  switch (kind) {
    case "dimension": {
      const used = await first(sql`select dimension as name from questions where dimension = ${key} limit 1`);
      return used ? dimensionName(key, await listCustomDimensions(db)) : null;
    }
    case "question":
      return first(sql`select q.prompt as name from questions q join surveys s on s.id = q.survey_id
                       where q.key = ${key} and q.kind in ('nps', 'likert') order by s.period desc limit 1`);
    case "journey_step":
      return first(sql`select m.name || ' · ' || s.name as name from journey_steps s join journey_maps m on m.id = s.map_id
                       where s.id::text = ${key}`);
    case "timing":
      return first(sql`select name from baseline_workflows where id::text = ${key}`);
  }
}

export async function savePlan({ itemId, input }: { itemId: string; input: PlanInput }) {
  const db = await getDb();
  const [item] = await db.select({ id: backlogItems.id }).from(backlogItems).where(eq(backlogItems.id, itemId));
  if (!item) throw notFound("Backlog item");
  if (input.measureKind && input.measureKey && !(await measureLabel(db, input.measureKind, input.measureKey)))
    throw new AppError("validation", "Unknown measure", { measureKey: ["Choose a measure from the list"] });
  const values = { targetQuarter: input.targetQuarter, measureKind: input.measureKind, measureKey: input.measureKey };
  await db.transaction(async (tx) => {
    await tx
      .insert(backlogPlans)
      .values({ backlogItemId: itemId, ...values })
      .onConflictDoUpdate({ target: backlogPlans.backlogItemId, set: { ...values, updatedAt: new Date() } });
    await tx.update(backlogItems).set({ owner: input.owner, updatedAt: new Date() }).where(eq(backlogItems.id, itemId));
  });
  return { plan: await getPlan({ itemId }) };
}

export async function deletePlan({ itemId }: { itemId: string }) {
  const db = await getDb();
  await db.delete(backlogPlans).where(eq(backlogPlans.backlogItemId, itemId));
  return { plan: null };
}

/** One item's plan with its measure before and after (null when the item has no plan). */
export async function getPlan({ itemId }: { itemId: string }, tx?: DbClient): Promise<RoadmapItem | null> {
  return (await planRows(tx, itemId))[0] ?? null;
}

async function planRows(tx: DbClient | undefined, itemId?: string): Promise<RoadmapItem[]> {
  const db = tx ?? (await getDb());
  const rows = await db
    .select({
      id: backlogItems.id,
      label: sql<string>`coalesce(${backlogItems.customLabel}, ${backlogItems.label})`,
      status: backlogItems.status,
      owner: backlogItems.owner,
      effort: backlogItems.effort,
      targetQuarter: backlogPlans.targetQuarter,
      measureKind: backlogPlans.measureKind,
      measureKey: backlogPlans.measureKey,
    })
    .from(backlogPlans)
    .innerJoin(backlogItems, eq(backlogItems.id, backlogPlans.backlogItemId))
    .where(itemId ? eq(backlogItems.id, itemId) : isNull(backlogItems.mergedIntoId));
  const current = periodOfDate(new Date());
  const out: RoadmapItem[] = [];
  for (const row of rows) {
    let measure: PlanMeasureRef | null = null;
    let result: BeforeAfter | null = null;
    if (row.measureKind && row.measureKey) {
      const label = (await measureLabel(db, row.measureKind, row.measureKey)) ?? "Removed measure";
      measure = { kind: row.measureKind, key: row.measureKey, label };
      if (row.targetQuarter < current) {
        const series = await getMeasureSeries({ metric: row.measureKind, key: row.measureKey, teamId: null }, db);
        result = beforeAfterOf(series, row.targetQuarter);
      }
    }
    out.push({
      id: row.id,
      label: row.label,
      status: row.status,
      owner: row.owner,
      effort: row.effort,
      targetQuarter: row.targetQuarter,
      measure,
      result,
    });
  }
  return out;
}

export async function getRoadmap(tx?: DbClient): Promise<Roadmap> {
  const currentQuarter = periodOfDate(new Date());
  return { currentQuarter, quarters: groupRoadmap(await planRows(tx), currentQuarter) };
}

/**
 * The work a golden-path step needs, as a backlog item (curated, so re-analysis keeps it) linked to the
 * step as evidence. It joins the dashboard's backlog, or the friction log's when none is analysed.
 */
export async function createStepBacklogItem({
  mapId,
  stepId,
  input,
}: {
  mapId: string;
  stepId: string;
  input: StepBacklogItemInput;
}) {
  const db = await getDb();
  const [step] = await db.select().from(journeySteps).where(eq(journeySteps.id, stepId));
  if (!step || step.mapId !== mapId) throw notFound("Step");
  if (step.path !== "golden")
    throw new AppError("validation", "Only a golden-path step plans new work", { stepId: ["Pick a golden-path step"] });
  const scope = (await getDashboardBacklog(db))?.scope ?? FRICTION_SCOPE;
  const id = await db.transaction(async (tx) => {
    const [item] = await tx
      .insert(backlogItems)
      .values({ scope, label: input.label, customLabel: input.label, effort: input.effort, status: "planned" })
      .returning({ id: backlogItems.id });
    await tx.insert(journeyStepThemes).values({ stepId, backlogItemId: item.id, status: "accepted" });
    if (input.targetQuarter)
      await tx.insert(backlogPlans).values({
        backlogItemId: item.id,
        targetQuarter: input.targetQuarter,
        measureKind: "journey_step",
        measureKey: stepId,
      });
    return item.id;
  });
  return { id, plan: await getPlan({ itemId: id }) };
}
