import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, selectRows, type DbClient } from "@/lib/db/client";
import { journeyMaps, journeySteps } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { isPermutationOf } from "@/lib/ordering";
import type { CreateStepInput, ReorderStepsInput, UpdateStepInput } from "../schemas";
import type { JourneyPath } from "../constants";
import type { JourneyStepView } from "../types";
import { toStepView, touchMap } from "./maps";

// Steps of a map's current and golden paths: add, edit, delete, reorder.

/** Counterparts point from a golden step to a current step of the same map; outcomes are golden-only. */
async function assertStepLinks(
  client: DbClient,
  mapId: string,
  path: JourneyPath,
  counterpartStepId: string | null | undefined,
  outcome: string | null | undefined,
) {
  if (path === "current" && (counterpartStepId || outcome)) {
    throw new AppError("validation", "Only golden-path steps record a counterpart and an outcome", {
      ...(counterpartStepId ? { counterpartStepId: ["Only golden-path steps replace a current step"] } : {}),
      ...(outcome ? { outcome: ["Only golden-path steps record an outcome"] } : {}),
    });
  }
  if (counterpartStepId) {
    const [counterpart] = await client
      .select({ id: journeySteps.id })
      .from(journeySteps)
      .where(
        and(eq(journeySteps.id, counterpartStepId), eq(journeySteps.mapId, mapId), eq(journeySteps.path, "current")),
      );
    if (!counterpart)
      throw new AppError("validation", "Unknown current step", {
        counterpartStepId: ["Choose a step of this map’s current path"],
      });
  }
}

/** Locks the map's row so two writers never number its steps at once; a missing map is not found. */
async function lockMap(tx: DbClient, mapId: string) {
  const [map] = await tx
    .select({ id: journeyMaps.id })
    .from(journeyMaps)
    .where(eq(journeyMaps.id, mapId))
    .for("update");
  if (!map) throw notFound("Journey map");
}

export async function addJourneyStep({
  mapId,
  input,
}: {
  mapId: string;
  input: CreateStepInput;
}): Promise<JourneyStepView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockMap(tx, mapId);
    await assertStepLinks(tx, mapId, input.path, input.counterpartStepId, input.outcome);
    const [{ next }] = await selectRows<{ next: number }>(
      tx,
      sql`select coalesce(max(position) + 1, 0)::int as next from journey_steps where map_id = ${mapId} and path = ${input.path}`,
    );
    const [row] = await tx
      .insert(journeySteps)
      .values({ ...input, mapId, position: Number(next) })
      .returning();
    await touchMap(tx, mapId);
    return toStepView(row, []);
  });
}

export async function getStepInMap(client: DbClient, mapId: string, stepId: string) {
  const [step] = await client
    .select()
    .from(journeySteps)
    .where(and(eq(journeySteps.id, stepId), eq(journeySteps.mapId, mapId)));
  if (!step) throw notFound("Step");
  return step;
}

export async function updateJourneyStep({
  mapId,
  stepId,
  input,
}: {
  mapId: string;
  stepId: string;
  input: UpdateStepInput;
}): Promise<JourneyStepView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const step = await getStepInMap(tx, mapId, stepId);
    await assertStepLinks(tx, mapId, step.path, input.counterpartStepId, input.outcome);
    const [row] = await tx.update(journeySteps).set(input).where(eq(journeySteps.id, stepId)).returning();
    await touchMap(tx, mapId);
    return toStepView(row, []);
  });
}

export async function deleteJourneyStep({ mapId, stepId }: { mapId: string; stepId: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const step = await getStepInMap(tx, mapId, stepId);
    await tx.delete(journeySteps).where(eq(journeySteps.id, stepId));
    // counterpart_step_id has no foreign key (a golden step may outlive the step it replaced).
    await tx.update(journeySteps).set({ counterpartStepId: null }).where(eq(journeySteps.counterpartStepId, stepId));
    await renumberPath(tx, mapId, step.path);
    await touchMap(tx, mapId);
  });
}

async function renumberPath(client: DbClient, mapId: string, path: JourneyPath) {
  await client.execute(sql`
    update journey_steps s set position = r.rn - 1
    from (select id, row_number() over (order by position, id) as rn from journey_steps where map_id = ${mapId} and path = ${path}) r
    where s.id = r.id`);
}

/** Sets the order of one path; `stepIds` must list every step of that path exactly once. */
export async function reorderJourneySteps({ mapId, input }: { mapId: string; input: ReorderStepsInput }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockMap(tx, mapId);
    const existing = await tx
      .select({ id: journeySteps.id })
      .from(journeySteps)
      .where(and(eq(journeySteps.mapId, mapId), eq(journeySteps.path, input.path)));
    if (
      !isPermutationOf(
        input.stepIds,
        existing.map((s) => s.id),
      )
    ) {
      throw new AppError("validation", "The new order must list every step of the path exactly once", {
        stepIds: ["List every step of this path exactly once; reload the map if someone else changed it"],
      });
    }
    for (const [position, id] of input.stepIds.entries()) {
      await tx.update(journeySteps).set({ position }).where(eq(journeySteps.id, id));
    }
    await touchMap(tx, mapId);
  });
}
