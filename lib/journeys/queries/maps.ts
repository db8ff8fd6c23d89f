import "server-only";
import { randomUUID } from "node:crypto";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { listThemeLabels } from "@/lib/backlog/queries";
import { getDb, inTransaction, selectRows, type DbClient } from "@/lib/db/client";
import { journeyMaps, journeySteps, journeyStepThemes, type JourneyStep } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { CreateJourneyMapInput, UpdateJourneyMapInput } from "../schemas";
import { journeyTemplates } from "../templates";
import type { JourneyMapDetail, JourneyMapSummary, JourneyStepView, StepThemeLink } from "../types";

// Journey maps: list, read with steps and theme links, create (blank or from a template), copy, delete.

export const iso = (value: Date | string) => new Date(value).toISOString();

export async function listJourneyMaps(): Promise<JourneyMapSummary[]> {
  const db = await getDb();
  // A golden step marked "eliminated" only documents a removal, so it is not counted.
  const rows = await selectRows<{
    id: string;
    name: string;
    workflow: string;
    persona: string;
    maturity_now: number;
    maturity_target: number;
    updated_at: Date | string;
    current_steps: number;
    current_minutes: number;
    golden_steps: number;
    golden_minutes: number;
    not_designed_minutes: number;
  }>(
    db,
    sql`select m.id, m.name, m.workflow, m.persona, m.maturity_now, m.maturity_target, m.updated_at,
          (count(s.id) filter (where s.path = 'current'))::int as current_steps,
          coalesce(sum(s.minutes) filter (where s.path = 'current'), 0)::float8 as current_minutes,
          (count(s.id) filter (where s.path = 'golden' and s.outcome is distinct from 'eliminated'))::int as golden_steps,
          coalesce(sum(s.minutes) filter (where s.path = 'golden' and s.outcome is distinct from 'eliminated'), 0)::float8 as golden_minutes,
          coalesce(sum(s.minutes) filter (where s.path = 'current' and not exists (
            select 1 from journey_steps g where g.map_id = m.id and g.path = 'golden' and g.counterpart_step_id = s.id
          )), 0)::float8 as not_designed_minutes
        from journey_maps m
        left join journey_steps s on s.map_id = m.id
        group by m.id
        order by m.updated_at desc, m.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    workflow: r.workflow,
    persona: r.persona,
    maturityNow: Number(r.maturity_now),
    maturityTarget: Number(r.maturity_target),
    updatedAt: iso(r.updated_at),
    currentSteps: Number(r.current_steps),
    currentMinutes: Number(r.current_minutes),
    goldenSteps: Number(r.golden_steps),
    goldenMinutes: Number(r.golden_minutes),
    notDesignedMinutes: Number(r.not_designed_minutes),
  }));
}

export async function getJourneyMap({ id }: { id: string }, tx?: DbClient): Promise<JourneyMapDetail | null> {
  const client = tx ?? (await getDb());
  const [map] = await client.select().from(journeyMaps).where(eq(journeyMaps.id, id));
  if (!map) return null;
  const steps = await client
    .select()
    .from(journeySteps)
    .where(eq(journeySteps.mapId, id))
    .orderBy(asc(journeySteps.path), asc(journeySteps.position));
  const links = steps.length
    ? await client
        .select({
          stepId: journeyStepThemes.stepId,
          backlogItemId: journeyStepThemes.backlogItemId,
          status: journeyStepThemes.status,
        })
        .from(journeyStepThemes)
        .where(
          inArray(
            journeyStepThemes.stepId,
            steps.map((s) => s.id),
          ),
        )
    : [];
  // Theme labels are the backlog's; links follow the order it lists the themes in.
  const labels = await listThemeLabels({ ids: links.map((l) => l.backlogItemId) }, client);
  const order = new Map([...labels.keys()].map((themeId, index) => [themeId, index]));
  const labelled = links
    .flatMap((l) => (labels.has(l.backlogItemId) ? [{ ...l, label: labels.get(l.backlogItemId)! }] : []))
    .sort((a, b) => order.get(a.backlogItemId)! - order.get(b.backlogItemId)!);
  const linksByStep = new Map<string, StepThemeLink[]>();
  for (const l of labelled) {
    const list = linksByStep.get(l.stepId) ?? [];
    list.push({ backlogItemId: l.backlogItemId, label: l.label, status: l.status });
    linksByStep.set(l.stepId, list);
  }
  return {
    map: {
      id: map.id,
      name: map.name,
      workflow: map.workflow,
      persona: map.persona,
      maturityNow: map.maturityNow,
      maturityTarget: map.maturityTarget,
      createdAt: iso(map.createdAt),
      updatedAt: iso(map.updatedAt),
    },
    steps: steps.map((s) => toStepView(s, linksByStep.get(s.id) ?? [])),
  };
}

export function toStepView(s: JourneyStep, themes: StepThemeLink[]): JourneyStepView {
  return {
    id: s.id,
    path: s.path,
    position: s.position,
    name: s.name,
    minutes: Number(s.minutes),
    pain: s.pain,
    loadType: s.loadType,
    loadLevel: s.loadLevel,
    tools: s.tools,
    concepts: s.concepts,
    configFiles: s.configFiles,
    people: s.people,
    dashboards: s.dashboards,
    docs: s.docs,
    notes: s.notes,
    counterpartStepId: s.counterpartStepId,
    outcome: s.outcome,
    themes,
  };
}

/** Creates a map, blank or filled from a template, in one transaction. */
export async function createJourneyMap(
  { input }: { input: CreateJourneyMapInput },
  client?: DbClient,
): Promise<{ id: string }> {
  const { templateId, ...fields } = input;
  const template = templateId ? journeyTemplates.find((t) => t.id === templateId) : undefined;
  if (templateId && !template)
    throw new AppError("validation", "Unknown template", { templateId: ["Choose one of the templates"] });
  assertMaturityOrder(fields.maturityNow, fields.maturityTarget);
  return inTransaction(client, async (tx) => {
    const [map] = await tx
      .insert(journeyMaps)
      .values({
        ...fields,
        workflow: fields.workflow || template?.workflow || "",
        persona: fields.persona || template?.persona || "",
      })
      .returning({ id: journeyMaps.id });
    if (template) {
      const currentIds = template.current.map(() => randomUUID());
      if (template.current.length) {
        await tx.insert(journeySteps).values(
          template.current.map((step, position) => ({
            ...step,
            id: currentIds[position],
            mapId: map.id,
            path: "current" as const,
            position,
          })),
        );
      }
      if (template.golden.length) {
        await tx.insert(journeySteps).values(
          template.golden.map(({ replaces, ...step }, position) => ({
            ...step,
            mapId: map.id,
            path: "golden" as const,
            position,
            counterpartStepId: replaces === undefined ? null : currentIds[replaces],
            outcome: step.outcome ?? null,
          })),
        );
      }
    }
    return { id: map.id };
  });
}

function assertMaturityOrder(now: number | undefined, target: number | undefined) {
  if (now !== undefined && target !== undefined && target < now) {
    throw new AppError("validation", "The target maturity cannot be below the current one", {
      maturityTarget: ["Set a target at or above the current maturity"],
    });
  }
}

export async function updateJourneyMap({ id, input }: { id: string; input: UpdateJourneyMapInput }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(journeyMaps).where(eq(journeyMaps.id, id)).for("update");
    if (!existing) throw notFound("Journey map");
    assertMaturityOrder(input.maturityNow ?? existing.maturityNow, input.maturityTarget ?? existing.maturityTarget);
    await tx
      .update(journeyMaps)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(journeyMaps.id, id));
    return (await getJourneyMap({ id }, tx))!.map;
  });
}

export async function deleteJourneyMap({ id }: { id: string }) {
  const db = await getDb();
  const deleted = await db.delete(journeyMaps).where(eq(journeyMaps.id, id)).returning({ id: journeyMaps.id });
  if (!deleted.length) throw notFound("Journey map");
}

/** Copies a map with its steps, counterpart links and theme links, in one transaction. */
export async function duplicateJourneyMap({ id }: { id: string }): Promise<{ id: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [source] = await tx.select().from(journeyMaps).where(eq(journeyMaps.id, id));
    if (!source) throw notFound("Journey map");
    const [copy] = await tx
      .insert(journeyMaps)
      .values({
        name: `${source.name} (copy)`.slice(0, 120),
        workflow: source.workflow,
        persona: source.persona,
        maturityNow: source.maturityNow,
        maturityTarget: source.maturityTarget,
      })
      .returning({ id: journeyMaps.id });
    const steps = await tx.select().from(journeySteps).where(eq(journeySteps.mapId, id));
    const newId = new Map(steps.map((s) => [s.id, randomUUID()]));
    if (steps.length) {
      await tx.insert(journeySteps).values(
        steps.map((s) => ({
          ...s,
          id: newId.get(s.id)!,
          mapId: copy.id,
          counterpartStepId: s.counterpartStepId ? (newId.get(s.counterpartStepId) ?? null) : null,
        })),
      );
      const links = await tx
        .select()
        .from(journeyStepThemes)
        .where(
          inArray(
            journeyStepThemes.stepId,
            steps.map((s) => s.id),
          ),
        );
      if (links.length)
        await tx.insert(journeyStepThemes).values(links.map((l) => ({ ...l, stepId: newId.get(l.stepId)! })));
    }
    return { id: copy.id };
  });
}

export async function touchMap(client: DbClient, mapId: string) {
  await client.update(journeyMaps).set({ updatedAt: new Date() }).where(eq(journeyMaps.id, mapId));
}
